import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Nu Html Checker's jar, from the `vnu-jar` package (its own Java download is never run). */
const VNU_JAR = join(
  dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
);

/** Why the checker cannot run here (no Java runtime: `.ci/run` installs Debian's), or undefined. */
export const NU_SKIP_REASON: string | undefined = await run('java', ['-version'])
  .then(() => undefined)
  .catch(() => 'no Java runtime (java) on the PATH');

interface NuMessage {
  type: string;
  url: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
}

/** The W3C Nu Html Checker's errors on `files`, one `file:line:col message` line each. */
export async function nuErrors(files: readonly string[]): Promise<string[]> {
  const { stdout, stderr } = await run(
    'java',
    ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--exit-zero-always', ...files],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout || stderr) as { messages: NuMessage[] };
  return report.messages
    .filter((message) => message.type === 'error')
    .map(
      (message) =>
        `${message.url.replace(/^file:/, '')}:${message.lastLine ?? 0}:${message.lastColumn ?? 0} ${message.message}`,
    );
}
