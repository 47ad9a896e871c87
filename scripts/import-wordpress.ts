/**
 * `npm run import:wordpress -- <export.xml> [--content DIR] [--uploads DIR] [--dry-run] [--force]
 * [--time-zone ZONE]`: moves a WordPress site's posts, authors, categories, tags and photos into
 * a Khabar content folder, with redirects from every old address. Reads the export (WXR 1.0–1.2)
 * as a stream, twice: attachments, people and terms first, then the posts. Nothing is written
 * until the whole export has been read; a file edited since an earlier import is kept unless
 * `--force`. See docs/wordpress-import.md.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readWxr, WxrError, type WxrAuthor, type WxrTerm } from '../src/lib/wordpress/wxr.ts';
import type { Attachment } from '../src/lib/wordpress/body.ts';
import { plainText } from '../src/lib/wordpress/body.ts';
import { permalinkPath, titleText } from '../src/lib/wordpress/posts.ts';
import { SITE } from '../src/site.config.ts';
import { ArticlePlanner, type ExportIndex } from './lib/wordpress/plan.ts';
import { authorNames, authorsYaml, sectionsYaml, tagsYaml } from './lib/wordpress/registries.ts';
import { ImportReport } from './lib/wordpress/report.ts';
import { writePlanned } from './lib/wordpress/write.ts';
import { addImageHosts, imageHostsProblem } from './lib/wordpress/site-config.ts';

const USAGE =
  'usage: npm run import:wordpress -- <export.xml> [--content DIR] [--uploads DIR] [--dry-run] [--force] [--time-zone ZONE]';
const PROGRESS_EVERY = 1000;

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      content: { type: 'string', default: 'content' },
      uploads: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'time-zone': { type: 'string', default: SITE.timeZone },
      'site-config': {
        type: 'string',
        default: fileURLToPath(new URL('../src/site.config.ts', import.meta.url)),
      },
    },
  });
} catch (error) {
  fail([(error as Error).message, USAGE]);
}
const { values: args, positionals } = parsed;
const problems: string[] = [];
const exportPath = positionals[0] ? resolve(positionals[0]) : undefined;
if (!exportPath) problems.push('missing the export file');
else if (!existsSync(exportPath) || !statSync(exportPath).isFile())
  problems.push(`${positionals[0]}: no such file`);
if (positionals.length > 1)
  problems.push(`one export at a time; also given: ${positionals.slice(1).join(' ')}`);
const uploads = args.uploads ? resolve(args.uploads) : undefined;
if (uploads && (!existsSync(uploads) || !statSync(uploads).isDirectory()))
  problems.push(`--uploads ${args.uploads}: no such folder (a copy of wp-content/uploads)`);
try {
  new Intl.DateTimeFormat('en', { timeZone: args['time-zone'] });
} catch {
  problems.push(`--time-zone ${args['time-zone']}: not an IANA time zone`);
}
if (existsSync(resolve(args.content)) && !statSync(resolve(args.content)).isDirectory())
  problems.push(`--content ${args.content}: not a folder`);
// Photos left on the old site need their host in the site config: a config the import cannot
// edit is found now, before anything is written.
const configProblem = await imageHostsProblem(args['site-config']);
if (configProblem) problems.push(configProblem);
if (problems.length > 0) fail([...problems, USAGE, 'Nothing was written.']);

const contentDir = resolve(args.content);
const report = new ImportReport();
let read = 0;
const progress = (pass: string) => {
  read += 1;
  if (read % PROGRESS_EVERY === 0) process.stderr.write(`${pass}: ${read} items\n`);
};

// First pass: the site, its people and terms, and every attachment (bodies may name one that
// comes later in the file).
const authors: WxrAuthor[] = [];
const permalinks = new Set<string>();
let siteUrls: string[] = [];
const terms: WxrTerm[] = [];
const attachments = new Map<string, Attachment>();
let channel;
try {
  channel = await readWxr(exportPath!, {
    channel: ({ link, baseSiteUrl, baseBlogUrl }) => {
      siteUrls = [link, baseSiteUrl, baseBlogUrl].filter((url) => url !== '');
    },
    author: (author) => authors.push(author),
    term: (term) => terms.push(term),
    item: (item) => {
      progress('reading attachments');
      if (item.type === 'post') {
        const path = permalinkPath(item.link, siteUrls);
        if (path)
          permalinks.add(path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`);
      }
      if (item.type !== 'attachment') return;
      attachments.set(item.id, {
        url: item.attachmentUrl || item.link,
        alt: plainText(item.meta.get('_wp_attachment_image_alt') ?? ''),
        title: plainText(item.title),
        caption: item.excerpt,
        parent: item.parent.trim() === '0' ? '' : item.parent.trim(),
      });
    },
  });
} catch (error) {
  if (error instanceof WxrError)
    fail([`${positionals[0]}: ${error.message}`, 'Nothing was written.']);
  throw error;
}

const index: ExportIndex = {
  channel,
  authors: new Map(authors.map((author) => [author.login, author])),
  authorNames: authorNames(authors),
  permalinks,
  terms,
  attachments,
};
const staging = await mkdtemp(join(tmpdir(), 'khabar-import-'));
process.on('exit', () => rmSync(staging, { recursive: true, force: true }));
const planner = new ArticlePlanner(
  index,
  {
    uploads,
    staging,
    timeZone: args['time-zone'],
    policy: { embedHosts: SITE.content.embedHosts },
  },
  report,
);
read = 0;
await readWxr(exportPath!, {
  item: (item) => {
    progress('importing posts');
    if (item.type === 'post') planner.add(item);
    else if (item.type !== 'attachment') report.other(item.type || 'unknown');
  },
});

// Registries of the names the imported posts use.
const files = planner.files;
const authorsFile = authorsYaml(authors, index.authorNames, planner.usedAuthors);
// Terms the export declares, then those only its posts name (an export of posts alone lists none).
const declared = new Set(terms.map((term) => `${term.kind}:${titleText(term.name)}`));
const allTerms = [
  ...terms,
  ...[...planner.itemTerms].filter(([key]) => !declared.has(key)).map(([, term]) => term),
];
const sectionsFile = sectionsYaml(allTerms, planner.usedSections);
const tagsFile = tagsYaml(allTerms, planner.usedTags, planner.usedSections);
if (authorsFile.count > 0) files.set('authors.yaml', { text: authorsFile.text });
files.set('sections.yaml', { text: sectionsFile.text });
files.set('tags.yaml', { text: tagsFile.text });
report.totals = {
  authors: authorsFile.count,
  sections: sectionsFile.count,
  tags: tagsFile.count,
  images: [...files].filter(([path, file]) => 'copyOf' in file && !path.endsWith('.md')).length,
  redirects: planner.redirects + sectionsFile.redirects + tagsFile.redirects,
};

await writePlanned(contentDir, files, { force: args.force, dryRun: args['dry-run'] }, report);
const hosts = [...planner.remoteHosts].sort();
if (hosts.length > 0)
  report.note(
    'Image hosts',
    `photos stay on ${hosts.join(', ')}; ${args['dry-run'] ? 'the import would add them' : 'added'} to SITE.content.imageHosts`,
  );
const reportText = report.markdown(positionals[0]!);
if (!args['dry-run']) {
  if (hosts.length > 0) await addImageHosts(args['site-config'], hosts);
  await writeFile(join(contentDir, 'import-report.md'), reportText);
}
process.stdout.write(
  `${report.summary()}\n${args['dry-run'] ? 'Dry run: nothing was written.' : `The report is in ${join(args.content, 'import-report.md')}.`}\n`,
);
