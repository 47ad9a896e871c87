/**
 * `npm run new -- "Title" --tags CSTO,Kazakhstan [--date YYYY-MM-DD] [--draft]`: writes a new
 * article at `content/articles/YYYY/MM/<slug>.md` with valid frontmatter and prints its path.
 * Refuses, changing nothing, when the file or the slug exists, or a field is invalid.
 *
 * Options: --content DIR (default content).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isoDay, resolveNow } from '../src/lib/dates.ts';
import { newArticlePath, newArticleSource } from '../src/lib/new-article.ts';
import { formatProblem, suggest } from '../src/lib/problems.ts';
import { articleSlugOfSource } from '../src/lib/slug.ts';
import { indexRegistry, lookupTag } from '../src/lib/tags.ts';
import { checkArticle } from '../src/validation/article.ts';
import { checkTagRegistry, TAG_REGISTRY_FILE } from '../src/validation/registry.ts';
import { SITE } from '../src/site.config.ts';
import { displayPath, listArticleFiles } from '../src/validation/content.ts';

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      tags: { type: 'string' },
      date: { type: 'string' },
      draft: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
    },
  });
} catch (error) {
  fail([
    (error as Error).message,
    'usage: npm run new -- "Title" --tags CSTO,Kazakhstan [--date YYYY-MM-DD] [--draft]',
  ]);
}
const { values: args, positionals } = parsed;
const title = positionals.join(' ').trim();
const tags = (args.tags ?? '')
  .split(',')
  .map((tag) => tag.trim())
  .filter(Boolean);
const usage: string[] = [];
if (title === '') usage.push('missing the title: npm run new -- "Title" --tags CSTO,Kazakhstan');
if (tags.length === 0)
  usage.push('missing --tags: a comma-separated list, e.g. --tags CSTO,Kazakhstan');
if (usage.length > 0) fail(usage);

const contentDir = resolve(args.content);
const date = args.date ?? isoDay(resolveNow(process.env), SITE.timeZone);
const { slug, path } = newArticlePath({ title, date });
const file = join(contentDir, 'articles', path);
const shown = displayPath(file, process.cwd());
const source = newArticleSource({ title, date, tags, draft: args.draft });

// The same checks `npm run check` makes, before anything is written, but for the body the author
// writes next (check and build will insist on it).
const problems = /^\d{4}-\d{2}-\d{2}$/.test(date)
  ? checkArticle({ file: shown, source })
      .problems.filter((problem) => problem.field !== 'body')
      .map(formatProblem)
  : [`--date: expected YYYY-MM-DD, got "${date}"`];
if (slug === '') problems.push(`the title "${title}" has no letters or digits to make a slug from`);
const registryFile = join(contentDir, TAG_REGISTRY_FILE);
if (existsSync(registryFile)) {
  const { registry } = checkTagRegistry({
    file: registryFile,
    source: readFileSync(registryFile, 'utf8'),
  });
  const index = indexRegistry(registry);
  if (index.strict) {
    const known = [...index.registered.values()].map(({ canonical }) => canonical);
    for (const tag of tags.filter((tag) => !lookupTag(tag, index))) {
      const near = suggest(tag, known);
      problems.push(
        `--tags: unknown tag "${tag}"${near ? `; did you mean "${near}"?` : `; registered tags: ${known.join(', ')}`}`,
      );
    }
  }
}
if (existsSync(file))
  problems.push(`${shown} already exists; choose another title or edit that file`);
else if (slug !== '') {
  for (const other of listArticleFiles(contentDir)) {
    if (articleSlugOfSource(other, readFileSync(other, 'utf8')) === slug) {
      problems.push(
        `the slug "${slug}" is already used by ${displayPath(other, process.cwd())}; choose another title`,
      );
      break;
    }
  }
}
if (problems.length > 0) fail([...problems, 'Nothing was written.']);

await mkdir(dirname(file), { recursive: true });
await writeFile(file, source, { flag: 'wx' });
process.stdout.write(`${shown}\n`);
