/**
 * `npm run new -- "Title" --tags CSTO,Kazakhstan [--section Politics] [--author "Name"]…
 * [--date YYYY-MM-DD] [--draft] [--lang ru] [--translation-key KEY]`: writes a new article at
 * `content/articles/YYYY/MM/<slug>.md` (`content/articles/ru/YYYY/MM/<slug>.md` in another edition)
 * with valid frontmatter and prints its path. Refuses, changing nothing, when the file or the slug
 * exists, a field is invalid, or (with `content/authors.yaml`, `content/sections.yaml`) an author
 * or the section is not registered or the section is missing.
 *
 * `--author` may be repeated or comma-separated; the byline keeps the order given.
 * Options: --content DIR (default content).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isoDay, resolveNow } from '../src/lib/dates.ts';
import {
  listArgument,
  newArticlePath,
  newArticleSource,
  resolveNewArticleNames,
} from '../src/lib/new-article.ts';
import { formatProblem, suggest } from '../src/lib/problems.ts';
import type { NamedEntry, NameRegistry } from '../src/lib/registry.ts';
import { editionOf, placeArticle } from '../src/lib/editions.ts';
import { splitFrontmatter } from '../src/lib/frontmatter.ts';
import { DEFAULT_EDITION, EDITIONS } from '../src/i18n/index.ts';
import { indexRegistry, lookupTag } from '../src/lib/tags.ts';
import { checkArticle } from '../src/validation/article.ts';
import {
  AUTHOR_REGISTRY,
  checkTagRegistry,
  SECTION_REGISTRY,
  TAG_REGISTRY_FILE,
  type NameRegistrySpec,
} from '../src/validation/registry.ts';
import { SITE } from '../src/site.config.ts';
import { displayPath, listArticleFiles } from '../src/validation/content.ts';
import { loadNameRegistry } from '../src/validation/registry-files.ts';

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

const USAGE =
  'usage: npm run new -- "Title" --tags CSTO,Kazakhstan [--section Politics] [--author "Name"]… [--date YYYY-MM-DD] [--draft] [--lang ru] [--translation-key KEY]';

/** A name registry of the content folder, its problems as the terminal shows them. */
function readRegistry<E extends NamedEntry>(
  contentDir: string,
  registry: { file: string; spec: NameRegistrySpec<E> },
  lang: string,
): { registry: NameRegistry<E>; problems: string[] } {
  const loaded = loadNameRegistry(
    contentDir,
    registry,
    (path) => displayPath(path, process.cwd()),
    lang,
  );
  return { registry: loaded.registry, problems: loaded.problems.map(formatProblem) };
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      tags: { type: 'string' },
      author: { type: 'string', multiple: true },
      section: { type: 'string' },
      date: { type: 'string' },
      draft: { type: 'boolean', default: false },
      lang: { type: 'string', default: DEFAULT_EDITION.lang },
      'translation-key': { type: 'string' },
      content: { type: 'string', default: 'content' },
    },
  });
} catch (error) {
  fail([(error as Error).message, USAGE]);
}
const { values: args, positionals } = parsed;
const title = positionals.join(' ').trim();
const tags = listArgument(args.tags);
const usage: string[] = [];
if (title === '') usage.push('missing the title: npm run new -- "Title" --tags CSTO,Kazakhstan');
if (tags.length === 0)
  usage.push('missing --tags: a comma-separated list, e.g. --tags CSTO,Kazakhstan');
const edition = editionOf(args.lang, EDITIONS);
if (!edition)
  usage.push(
    `--lang: the site has no "${args.lang}" edition; expected one of ${EDITIONS.map(({ lang }) => lang).join(', ')}`,
  );
if (usage.length > 0 || !edition) fail(usage);

const contentDir = resolve(args.content);
const date = args.date ?? isoDay(resolveNow(process.env), SITE.timeZone);
const { slug, path } = newArticlePath({ title, date }, edition);
const file = join(contentDir, 'articles', path);
const shown = displayPath(file, process.cwd());

// Authors and the section in their registered spelling, checked against the registries.
// In the edition's language: `--author "Айбек Токтосунов"` is written as the Russian edition names him.
const authorsFile = readRegistry(contentDir, AUTHOR_REGISTRY, edition.lang);
const sectionsFile = readRegistry(contentDir, SECTION_REGISTRY, edition.lang);
const given = listArgument(args.author);
const names = resolveNewArticleNames(
  { authors: given, section: args.section },
  { authors: authorsFile.registry, sections: sectionsFile.registry },
);
const source = newArticleSource({
  title,
  date,
  tags,
  authors: names.authors,
  section: names.section,
  draft: args.draft,
  ...(args['translation-key'] !== undefined ? { translationKey: args['translation-key'] } : {}),
});

// The same checks `npm run check` makes, before anything is written, but for the body the author
// writes next (check and build will insist on it).
const problems = /^\d{4}-\d{2}-\d{2}$/.test(date)
  ? checkArticle({ file: shown, source, relativePath: path })
      .problems.filter((problem) => problem.field !== 'body')
      .map(formatProblem)
  : [`--date: expected YYYY-MM-DD, got "${date}"`];
if (slug === '') problems.push(`the title "${title}" has no letters or digits to make a slug from`);
const registryFile = join(contentDir, TAG_REGISTRY_FILE);
if (existsSync(registryFile)) {
  const { registry } = checkTagRegistry(
    { file: registryFile, source: readFileSync(registryFile, 'utf8') },
    edition.lang,
  );
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
// Registry errors matter only when the new article's names are checked against that registry.
if (given.length > 0) problems.push(...authorsFile.problems);
problems.push(...sectionsFile.problems, ...names.problems);
if (existsSync(file))
  problems.push(`${shown} already exists; choose another title or edit that file`);
else if (slug !== '') {
  const articlesDir = join(contentDir, 'articles');
  const key = placeArticle(path, {}, EDITIONS).key;
  for (const other of listArticleFiles(contentDir)) {
    const { data } = splitFrontmatter(readFileSync(other, 'utf8'));
    if (placeArticle(relative(articlesDir, other), data, EDITIONS).key === key) {
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
