/**
 * `npm run bench:import -- [--posts N] [--kib K]`: writes a WordPress export of N posts (default
 * 10,000) with bodies of about K KiB each (default 20, so 10,000 posts make a 200 MB export), times
 * `npm run import:wordpress` on it and reports its peak memory. Figures go to docs/performance.md.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { wxr, type WxrPost } from '../tests/fixtures/wxr.ts';

const { values: args } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000' },
    kib: { type: 'string', default: '20' },
  },
});
const count = Number(args.posts);
const kib = Number(args.kib);

const paragraph = (i: number, j: number) =>
  `<p>Paragraph ${j} of story ${i}: <strong>officials</strong> in <a href="https://example.org/${i}">the capital</a> said the talks would continue, and <em>observers</em> expect more news.</p>`;

function post(i: number): WxrPost {
  const paragraphs = Math.max(1, Math.round((kib * 1024) / 220));
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const year = 2010 + Math.floor(i / 336);
  return {
    id: i + 1,
    title: `Story ${i + 1}: talks &amp; trade in the region`,
    slug: `story-${i + 1}`,
    content: [
      ...Array.from({ length: paragraphs }, (_, j) => paragraph(i, j)),
      '<ul><li>One</li><li>Two</li></ul>',
      '[caption id="attachment_1" width="300"]<img src="https://old.example.com/wp-content/uploads/photo.jpg" alt="A photo"> A caption[/caption]',
    ].join('\n\n'),
    excerpt: `Summary of story ${i + 1}.`,
    date: `${year}-${month}-${day} 10:00:00`,
    dateGmt: `${year}-${month}-${day} 04:00:00`,
    categories: [[`desk-${i % 6}`, `Desk ${i % 6}`]],
    tags: [
      [`topic-${i % 40}`, `Topic ${i % 40}`],
      [`country-${i % 5}`, `Country ${i % 5}`],
    ],
  };
}

const dir = await mkdtemp(join(tmpdir(), 'khabar-bench-import-'));
const exportFile = join(dir, 'export.xml');
process.stdout.write(`Writing an export of ${count} posts of about ${kib} KiB…\n`);
await writeFile(exportFile, wxr({ posts: Array.from({ length: count }, (_, i) => post(i)) }));
const size = (await stat(exportFile)).size;

// The photos stay remote (no uploads): the import adds their host to this stand-in config.
await writeFile(join(dir, 'site.config.ts'), 'export const content = { imageHosts: [] };\n');
const script = fileURLToPath(new URL('./import-wordpress.ts', import.meta.url));
const started = performance.now();
const result = await new Promise<{ code: number | null; peakMiB: number; output: string }>(
  (resolve, reject) => {
    // `/usr/bin/time -v` would do; Node reports its own peak resident memory as well.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'data:text/javascript,process.on("exit",()=>process.stderr.write(`peak-rss ${process.resourceUsage().maxRSS}\\n`))',
        script,
        exportFile,
        '--content',
        join(dir, 'content'),
        '--site-config',
        join(dir, 'site.config.ts'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const peak = Number(/peak-rss (\d+)/.exec(output)?.[1] ?? 0) / 1024;
      resolve({ code, peakMiB: peak, output });
    });
  },
);
const seconds = (performance.now() - started) / 1000;
if (result.code !== 0) {
  process.stderr.write(result.output);
  process.exit(1);
}
process.stdout.write(
  `${result.output
    .split('\n')
    .filter((line) => line.startsWith('Imported'))
    .join('\n')}\n` +
    `Imported ${count} posts from a ${(size / 1024 / 1024).toFixed(0)} MB export in ${seconds.toFixed(1)} s, peak memory ${result.peakMiB.toFixed(0)} MiB.\n`,
);
await rm(dir, { recursive: true, force: true });
