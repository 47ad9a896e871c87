import type { AstroIntegration } from 'astro';
import type { ErrorPayload } from 'vite';
import { resolveNow } from '../lib/dates.ts';
import { formatProblem, sortProblems } from '../lib/problems.ts';
import { validateContent } from '../validation/content.ts';
import { CONTENT_DIR } from '../data/build-context.ts';

/**
 * Under `astro dev`, runs the checks of `npm run check` when the server starts and whenever a
 * content file changes: problems are printed compiler-style in the terminal, and errors are shown
 * in the browser's error overlay until they are fixed. Builds validate in scripts/build.ts instead.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'khabar-content-check',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        let timer: NodeJS.Timeout | undefined;
        // Kept, and sent again to every page that connects while the content has errors.
        let overlay: ErrorPayload | undefined;
        server.ws.on('connection', () => {
          if (overlay) server.ws.send(overlay);
        });
        const run = async () => {
          const { problems } = await validateContent(CONTENT_DIR, resolveNow(process.env));
          const sorted = sortProblems(problems);
          for (const problem of sorted) {
            if (problem.severity === 'error') logger.error(formatProblem(problem));
            else logger.warn(formatProblem(problem));
          }
          const errors = sorted.filter((problem) => problem.severity === 'error');
          const hadErrors = overlay !== undefined;
          overlay = undefined;
          if (errors.length === 0) {
            if (hadErrors) server.ws.send({ type: 'full-reload' });
            return;
          }
          const [first] = errors;
          overlay = {
            type: 'error',
            err: {
              message: `${errors.length} content problem${errors.length === 1 ? '' : 's'}; fix them and save:\n\n${errors.map(formatProblem).join('\n')}`,
              stack: '',
              id: first!.file,
              loc:
                first!.line !== undefined
                  ? { file: first!.file, line: first!.line, column: first!.column ?? 1 }
                  : undefined,
              plugin: 'khabar-content-check',
            },
          };
          server.ws.send(overlay);
        };
        const schedule = (file: string) => {
          if (!file.startsWith(CONTENT_DIR)) return;
          clearTimeout(timer);
          timer = setTimeout(
            () => void run().catch((error: unknown) => logger.error(String(error))),
            100,
          );
        };
        server.watcher.add(CONTENT_DIR);
        server.watcher.on('change', schedule).on('add', schedule).on('unlink', schedule);
        void run().catch((error: unknown) => logger.error(String(error)));
      },
    },
  };
}
