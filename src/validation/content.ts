import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlesFolder, listContentFiles } from '../data/content-files.ts';
import { listFiles } from '../data/files.ts';
import { isoDay } from '../lib/dates.ts';
import type { Problem } from '../lib/problems.ts';
import { placeArticle } from '../lib/editions.ts';
import { DEFAULT_EDITION, EDITIONS } from '../i18n/index.ts';
import { findUnsafeSvg } from '../lib/svg-rules.ts';
import { isTrustedMdx } from '../lib/mdx-rules.ts';
import { within } from '../lib/safe-path.ts';
import { ratesAreStale } from '../lib/ticker.ts';
import { indexRegistry, type TagIndex } from '../lib/tags.ts';
import {
  checkArticle,
  type CheckedArticle,
  SITE_BODY_POLICY,
  type BodyPolicy,
  type SourceFile,
} from './article.ts';
import { checkCorpus } from './corpus.ts';
import { checkRates } from './rates.ts';
import { checkRedirects } from './redirects.ts';
import { checkReferences } from './references.ts';
import {
  AUTHOR_REGISTRY,
  checkTagRegistry,
  SECTION_REGISTRY,
  TAG_REGISTRY_FILE,
} from './registry.ts';
import { checkPeopleAndSections } from './people.ts';
import {
  checkAuthorBios,
  checkAuthorPhotos,
  oversizedPhotos,
  loadNameRegistry,
  relativeImageProblem,
} from './registry-files.ts';
import type { NameRegistry } from '../lib/registry.ts';
import type { AuthorEntry } from '../schemas/authors.ts';
import type { SectionEntry } from '../schemas/sections.ts';
import type { Rates } from '../schemas/rates.ts';
import type { Redirect } from '../schemas/redirects.ts';
import { SITE } from '../site.config.ts';

/** What validating a content folder found. */
export interface ContentReport {
  articles: CheckedArticle[];
  rates?: Rates;
  /** The tag registry, indexed; empty when there is no `tags.yaml`. */
  tags: TagIndex;
  /** The authors registry, indexed; open when there is no `authors.yaml`. */
  authors: NameRegistry<AuthorEntry>;
  /** The sections registry, indexed; open when there is no `sections.yaml`. */
  sections: NameRegistry<SectionEntry>;
  /** The redirects the site serves, when the content is valid. */
  redirects: Redirect[];
  problems: Problem[];
}

/** The project's public folder, whose files the site serves as they are. */
export const PUBLIC_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public');

const READ_BATCH = 256;

/** A path as problems show it: relative to `cwd` when inside it, else absolute. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || !within(cwd, path) ? path : rel;
}

async function readSource(path: string, cwd: string): Promise<SourceFile | undefined> {
  try {
    return { file: displayPath(path, cwd), source: await readFile(path, 'utf8') };
  } catch {
    return undefined;
  }
}

/** Every article file under `<contentDir>/articles`, at any depth, in a stable order (`listContentFiles`). */
export function listArticleFiles(contentDir: string): string[] {
  return listContentFiles(contentDir).articles;
}

/** Where an article that could not be read is published, by its path alone. */
function placedByPath(relativePath: string): Pick<CheckedArticle, 'slug' | 'edition' | 'key'> {
  const { slug, edition, key } = placeArticle(relativePath, {}, EDITIONS);
  return { slug, edition: edition.lang, key };
}

/** An article's problems, or one problem naming the file when checking it failed outright (say, nesting too deep for the parser). */
function checkArticleSafely(
  source: SourceFile & { relativePath: string },
  policy: BodyPolicy,
): CheckedArticle {
  try {
    return checkArticle(source, policy);
  } catch (error) {
    const reason =
      error instanceof RangeError
        ? 'the body is nested too deeply to read (thousands of levels of quotes or lists)'
        : (error as Error).message;
    return {
      file: source.file,
      ...placedByPath(source.relativePath),
      tags: [],
      frontmatter: '',
      references: [],
      problems: [
        { file: source.file, message: `could not be checked: ${reason}`, severity: 'error' },
      ],
    };
  }
}

/**
 * Validates a content folder the way the build reads it: every article's frontmatter and MDX,
 * the corpus-wide rules, and `rates.json`. Paths in problems are relative to `cwd`.
 * `now` decides whether the rates are stale (a warning, not an error).
 */
export async function validateContent(
  contentDir: string,
  now: Date,
  cwd = process.cwd(),
  publicDir = PUBLIC_DIR,
): Promise<ContentReport> {
  const files = listContentFiles(contentDir);
  const trusted = {
    articlesDir: articlesFolder(contentDir),
    trustedMdxFolders: SITE.content.trustedMdxFolders,
  };
  const paths = files.articles;
  const articles: CheckedArticle[] = [];
  const unreadable: Problem[] = files.refused.map(({ path, message }) => ({
    file: displayPath(path, cwd),
    message,
    severity: 'error',
  }));
  // In batches: tens of thousands of files read at once exhaust the open-file limit (EMFILE).
  for (let i = 0; i < paths.length; i += READ_BATCH) {
    const batch = paths.slice(i, i + READ_BATCH);
    const sources = await Promise.all(batch.map((path) => readSource(path, cwd)));
    sources.forEach((source, j) => {
      if (source)
        articles.push(
          checkArticleSafely(
            { ...source, relativePath: relative(trusted.articlesDir, batch[j]!) },
            {
              ...SITE_BODY_POLICY,
              trustedMdx: isTrustedMdx(batch[j]!, trusted),
            },
          ),
        );
      else
        unreadable.push({
          file: displayPath(batch[j]!, cwd),
          message: 'could not be read',
          severity: 'error',
        });
    });
  }
  for (const path of files.svgs) {
    const source = await readSource(path, cwd);
    if (!source) continue;
    for (const { line, column, message } of findUnsafeSvg(source.source))
      unreadable.push({ file: source.file, line, column, message, severity: 'error' });
  }
  const registryPath = join(contentDir, TAG_REGISTRY_FILE);
  const registrySource = existsSync(registryPath) ? await readSource(registryPath, cwd) : undefined;
  const registry = registrySource ? checkTagRegistry(registrySource) : undefined;
  const tags = indexRegistry(registry?.registry);
  // Each edition reads the registries in its language, once: its names and slugs are checked too.
  const otherEditions = EDITIONS.filter((edition) => edition !== DEFAULT_EDITION);
  const tagRegistries = new Map(
    otherEditions.map((edition) => [
      edition.lang,
      registrySource ? checkTagRegistry(registrySource, edition.lang) : undefined,
    ]),
  );
  const tagIndexes = new Map(
    [...tagRegistries].map(([lang, checked]) => [lang, indexRegistry(checked?.registry)]),
  );
  const tagsIn = (lang: string): TagIndex => tagIndexes.get(lang) ?? tags;
  const editionProblems = otherEditions.flatMap((edition) => [
    ...(tagRegistries.get(edition.lang)?.problems ?? []),
    ...loadNameRegistry(contentDir, AUTHOR_REGISTRY, (path) => displayPath(path, cwd), edition.lang)
      .problems,
    ...loadNameRegistry(
      contentDir,
      SECTION_REGISTRY,
      (path) => displayPath(path, cwd),
      edition.lang,
    ).problems,
  ]);
  const shownAs = (path: string) => displayPath(path, cwd);
  const authorsFile = loadNameRegistry(contentDir, AUTHOR_REGISTRY, shownAs);
  const sectionsFile = loadNameRegistry(contentDir, SECTION_REGISTRY, shownAs);
  const authors = authorsFile.registry;
  const sections = sectionsFile.registry;
  // Photos beside the articles and authors.yaml that pass the checks, to measure once each.
  const photos = new Set<string>();
  const portraits = checkAuthorPhotos(
    authorsFile.source,
    authors.entries,
    contentDir,
    publicDir,
    photos,
  );
  const references = checkReferences(articles, {
    siteUrl: SITE.url,
    now,
    publicFileExists: (path) => existsSync(join(publicDir, path)),
    fileExists: (path) => existsSync(resolve(cwd, path)),
    relativeImageProblem: (path) => {
      const problem = relativeImageProblem(resolve(cwd, path), articlesFolder(contentDir));
      if (problem === undefined) photos.add(resolve(cwd, path));
      return problem;
    },
  });
  const oversized = await oversizedPhotos(photos, (path) => displayPath(path, cwd));
  const publicPaths = (await listFiles(publicDir).catch(() => [])).map((file) => `/${file}`);
  const redirects = checkRedirects(
    articles,
    tagsIn,
    registrySource,
    {
      perPage: SITE.perPage,
      teaserPerPage: SITE.teaserPerPage,
      timeZone: SITE.timeZone,
      now,
      publicPaths,
    },
    sectionsFile.source && sections.closed
      ? { ...sectionsFile.source, entries: sections.entries }
      : undefined,
  );
  // Registries are read once per edition: a problem every edition shares is reported once.
  const seenProblems = new Set<string>();
  const problems = [
    ...unreadable,
    ...articles.flatMap((article) => article.problems),
    ...(registry?.problems ?? []),
    ...authorsFile.problems,
    ...sectionsFile.problems,
    ...editionProblems,
    ...portraits,
    ...checkAuthorBios(authorsFile.source, authors.entries, SITE.content.imageHosts),
    ...checkCorpus(articles, tags, tagsIn),
    ...checkPeopleAndSections(articles, authors, sections),
    ...references,
    ...oversized,
    ...redirects.problems,
  ].filter((problem) => {
    const key = JSON.stringify([problem.file, problem.line, problem.field, problem.message]);
    if (seenProblems.has(key)) return false;
    seenProblems.add(key);
    return true;
  });

  const ratesPath = join(contentDir, 'rates.json');
  const ratesSource = await readSource(ratesPath, cwd);
  let rates: Rates | undefined;
  if (!ratesSource) {
    problems.push({
      file: displayPath(ratesPath, cwd),
      message: 'missing: the ticker needs this file (see README, "Rates")',
      severity: 'error',
    });
  } else {
    const checked = checkRates(ratesSource);
    rates = checked.rates;
    problems.push(...checked.problems);
    const today = isoDay(now, SITE.timeZone);
    if (rates && rates.asOf > isoDay(new Date(now.getTime() + 86_400_000), SITE.timeZone)) {
      problems.push({
        file: ratesSource.file,
        field: 'asOf',
        message: `rates are dated ${rates.asOf}, after ${today}: a publication from the future would make every real update look older; check the file`,
        severity: 'warning',
      });
    }
    if (rates && ratesAreStale(rates.asOf, today, SITE.ratesStaleDays)) {
      problems.push({
        file: ratesSource.file,
        field: 'asOf',
        message: `rates are from ${rates.asOf}, more than ${SITE.ratesStaleDays} days before ${today}; run \`npm run rates:update\``,
        severity: 'warning',
      });
    }
  }
  return { articles, rates, tags, authors, sections, redirects: redirects.redirects, problems };
}
