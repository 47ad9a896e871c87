/**
 * `npm run check`: validates all content the way `npm run build` does, without building.
 * Prints every problem compiler-style and exits non-zero when there is an error.
 *
 * Options: --content DIR (default content).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveNow } from '../src/lib/dates.ts';
import { validateContent } from '../src/validation/content.ts';
import { printProblems } from '../src/validation/run.ts';

const { values: args } = parseArgs({
  options: { content: { type: 'string', default: 'content' } },
});

try {
  const report = await validateContent(resolve(args.content), resolveNow(process.env));
  const errors = printProblems(report.problems);
  if (errors > 0) {
    process.stderr.write(
      `\n${errors} problem${errors === 1 ? '' : 's'} in ${report.articles.length} articles.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`${report.articles.length} articles and the rates file are valid.\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
