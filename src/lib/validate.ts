import { parse as parseYaml, YAMLError } from 'yaml';
import { normaliseLineBreaks, splitFrontmatter } from './frontmatter.ts';
import type { z } from 'astro/zod';
import { ARTICLE_FIELDS, articleFrontmatterSchema, type ArticleFrontmatter } from '../schemas/article.ts';
import { ratesSchema, type Rates } from '../schemas/rates.ts';
import type { Redirect } from '../schemas/redirects.ts';
import { TAG_REGISTRY_FIELDS, tagEntrySchema, tagRegistrySchema, type TagRegistry } from '../schemas/tags.ts';
import { isPublished, newestFirst, type ArticleSummary } from './catalog.ts';
import { fieldLocator, fieldName, suggest, type Position, type Problem } from './problems.ts';
import { planRedirects, type RedirectRequest } from './redirects.ts';
import { articleLinkTarget, findReferences, localImage, type BodyReference } from './references.ts';
import { articlePath, livePagePaths, tagPath } from './routes.ts';
import { articleSlug, toSlug } from './slug.ts';
import { canonicalTag, collectTags, findTagSlugCollisions, lookupTag, NO_REGISTRY, tagKey, type TagIndex } from './tags.ts';
import { formatOf } from './text.ts';
import { findUnsafeMarkdown, findUnsafeMdx, MAX_NESTING, MdxSyntaxError, nestingDepth } from './body-rules.ts';
import type { EmbedPolicy, UnsafeMarkup } from './safe-html.ts';
import { SITE } from '../site.config.ts';

/** The tag registry's file name inside the content folder. */
export const TAG_REGISTRY_FILE = 'tags.yaml';

/** An article file as read from disk. */
export interface SourceFile {
  /** Path relative to the project, as it is reported. */
  file: string;
  /** The file's text. */
  source: string;
}

/** What checking one article file found. */
export interface CheckedArticle {
  file: string;
  /** The slug the article is published under. */
  slug: string;
  /** The validated frontmatter, when it is valid. */
  data?: ArticleFrontmatter;
  /** Tags as written, even when other fields are invalid, for corpus-wide checks. */
  tags: string[];
  /** The frontmatter's YAML text, to locate fields when a corpus-wide check finds a problem in one. */
  frontmatter: string;
  /** Links and images in the body, located in the file. */
  references: BodyReference[];
  problems: Problem[];
}

/** Converts zod issues to problems located in the source; unknown keys get a did-you-mean. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  locate: (path: ReadonlyArray<PropertyKey>, key?: boolean) => Position | undefined,
  fieldsAt: readonly string[] | ((path: ReadonlyArray<PropertyKey>) => readonly string[]),
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      const knownFields = typeof fieldsAt === 'function' ? fieldsAt(issue.path) : fieldsAt;
      return issue.keys.map((key) => {
        const near = suggest(key, knownFields);
        return {
          file,
          ...locate([...issue.path, key], true),
          field: fieldName([...issue.path, key]),
          message: `unknown field${near ? `; did you mean \`${near}\`?` : ` (expected one of: ${knownFields.join(', ')})`}`,
          severity: 'error',
        };
      });
    }
    const at = issue.code === 'custom' && Array.isArray(issue.params?.at) ? (issue.params.at as PropertyKey[]) : issue.path;
    return [{ file, ...locate(at), field: fieldName(issue.path) || undefined, message: issue.message, severity: 'error' }];
  });
}

/** A YAML parser's error as a problem at its line and column, without the position repeated in words. */
function yamlSyntaxProblem(file: string, error: unknown, what: string): Problem {
  const position = error instanceof YAMLError ? error.linePos?.[0] : undefined;
  const reason = ((error as Error).message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return { file, line: position?.line, column: position?.col, message: `${what}: ${reason}`, severity: 'error' };
}

/** How bodies are judged: what may be embedded, and whether this file's MDX is trusted to run code. */
export interface BodyPolicy extends EmbedPolicy {
  /** Whether the file's MDX may use `import`, `export` and expressions (`SITE.content.trustedMdxFolders`). */
  trustedMdx?: boolean;
}

/** The policy of the site's own settings, trusting no MDX. */
export const SITE_BODY_POLICY: BodyPolicy = { embedHosts: SITE.content.embedHosts };

/**
 * Body problems: MDX that does not parse or runs code, markup the sanitizer would remove, and a
 * published article without a body.
 */
function checkBody(file: string, body: string, lineOffset: number, policy: BodyPolicy): Problem[] {
  const located = ({ line, column, message }: UnsafeMarkup): Problem => ({
    file,
    line: line !== undefined ? line + lineOffset : undefined,
    column,
    field: 'body',
    message,
    severity: 'error',
  });
  if (formatOf(file) === 'md') return findUnsafeMarkdown(body, policy).map(located);
  if (policy.trustedMdx) return [];
  try {
    return findUnsafeMdx(body, policy).map(located);
  } catch (error) {
    if (!(error instanceof MdxSyntaxError)) throw error;
    return [{ ...located({ line: error.line, column: error.column, message: `MDX syntax error: ${error.message}` }), field: undefined }];
  }
}

// What XML 1.0 forbids outright: C0 controls but tab and line breaks, lone surrogates, U+FFFE/F.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Characters no feed or sitemap may carry, each where it stands: one would break the feed for every reader. */
function xmlForbiddenCharacters(file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  const lines = normaliseLineBreaks(source).split('\n');
  lines.forEach((text, index) => {
    for (const match of text.matchAll(XML_FORBIDDEN)) {
      const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push({ file, line: index + 1, column: match.index + 1, message: `character U+${code} is not allowed: feeds and sitemaps (XML 1.0) cannot carry it; delete it`, severity: 'error' });
    }
  });
  return problems;
}

/** The same for frontmatter values, which YAML escapes (`"\a"`) can fill with what the file does not show. */
function xmlForbiddenValues(file: string, data: unknown, locate: ReturnType<typeof fieldLocator>, path: PropertyKey[] = []): Problem[] {
  if (typeof data === 'string') {
    const match = data.match(new RegExp(XML_FORBIDDEN.source, 'u'));
    if (!match) return [];
    const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return [{ file, ...locate(path), field: fieldName(path), message: `character U+${code} is not allowed: feeds and sitemaps (XML 1.0) cannot carry it; delete it`, severity: 'error' }];
  }
  if (Array.isArray(data)) return data.flatMap((item, index) => xmlForbiddenValues(file, item, locate, [...path, index]));
  if (typeof data === 'object' && data !== null) return Object.entries(data).flatMap(([key, value]) => xmlForbiddenValues(file, value, locate, [...path, key]));
  return [];
}

/**
 * Checks one article file on its own: YAML syntax, the frontmatter schema, that an MDX body
 * parses, and that the body holds no script. Every problem is reported; none stops the others from being found.
 */
export function checkArticle({ file, source }: SourceFile, policy: BodyPolicy = SITE_BODY_POLICY): CheckedArticle {
  const split = splitFrontmatter(source);
  const raw = split.data;
  const problems: Problem[] = [
    ...split.problems.map((problem): Problem => ({ file, ...problem, severity: 'error' })),
    ...xmlForbiddenCharacters(file, source),
    ...xmlForbiddenValues(file, raw, fieldLocator(split.yaml)),
  ];
  if (!split.hasFrontmatter && problems.length === 0) {
    problems.push({ file, line: 1, column: 1, message: 'missing frontmatter: start the file with a `---` block holding title, date and tags', severity: 'error' });
  }
  const result = articleFrontmatterSchema.safeParse(raw);
  if (!result.success && split.hasFrontmatter && split.problems.length === 0) {
    problems.push(...issuesToProblems(result.error.issues, file, fieldLocator(split.yaml), ARTICLE_FIELDS));
  }
  const lineOffset = split.bodyLineOffset;
  // A body nested thousands deep would overflow every recursive reader after this one.
  const depth = nestingDepth(split.body);
  if (depth > MAX_NESTING) {
    const levels = Number.isFinite(depth) ? String(depth) : 'too many';
    problems.push({ file, line: lineOffset + 1, field: 'body', message: `the body nests ${levels} levels deep (quotes, lists or tags); at most ${MAX_NESTING} can be read`, severity: 'error' });
    return { file, slug: articleSlug(file, raw.slug), tags: [], frontmatter: split.yaml, references: [], problems };
  }
  problems.push(...checkBody(file, split.body, lineOffset, policy));
  if (result.success && !result.data.draft && split.body.trim() === '') {
    problems.push({ file, line: lineOffset + 1, field: 'body', message: 'a published article needs a body: write the story below the frontmatter, or set `draft: true`', severity: 'error' });
  }
  const references = findReferences(split.body, formatOf(file)).map((reference) => ({ ...reference, line: reference.line + lineOffset }));
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((tag): tag is string => typeof tag === 'string') : [];
  return { file, slug: articleSlug(file, raw.slug), data: result.success ? result.data : undefined, tags, frontmatter: split.yaml, references, problems };
}

/** Where a frontmatter field of a checked article stands in its file. */
function locateField(article: CheckedArticle, path: ReadonlyArray<PropertyKey>): Position | undefined {
  return fieldLocator(article.frontmatter)(path);
}

/**
 * Problems that only show across files: two articles under one slug, two tags under one tag slug,
 * and tags the registry does not know (errors when it is strict; near misses are warnings otherwise).
 */
export function checkCorpus(articles: readonly CheckedArticle[], index: TagIndex = NO_REGISTRY): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, CheckedArticle[]>();
  for (const article of articles) {
    const same = bySlug.get(article.slug);
    if (same) same.push(article);
    else bySlug.set(article.slug, [article]);
  }
  for (const [slug, same] of bySlug) {
    if (same.length < 2) continue;
    for (const article of same) {
      const others = same.filter((other) => other !== article).map((other) => other.file);
      problems.push({
        file: article.file,
        field: 'slug',
        message: `duplicate slug "${slug}": also used by ${others.join(', ')}; rename the file or set a different \`slug\``,
        severity: 'error',
      });
    }
  }
  for (const collision of findTagSlugCollisions(articles.map((article) => article.tags), index)) {
    const users = articles.filter((article) => article.tags.some((tag) => collision.keys.includes(tagKey(canonicalTag(tag, index)))));
    for (const article of users) {
      problems.push({
        file: article.file,
        field: 'tags',
        message: `tags ${collision.names.map((name) => `"${name}"`).join(' and ')} would share the URL /tags/${collision.slug}/; use one spelling`,
        severity: 'error',
      });
    }
  }
  if (index.registered.size > 0) problems.push(...checkTagNames(articles, index));
  return problems;
}

/** Article tags the registry does not know: errors under `strict`, else warnings when a registered name is close. */
function checkTagNames(articles: readonly CheckedArticle[], index: TagIndex): Problem[] {
  const known = [...index.registered.values()].flatMap(({ canonical, entry }) => [canonical, ...entry.aliases]);
  const problems: Problem[] = [];
  for (const article of articles) {
    article.tags.forEach((tag, i) => {
      if (lookupTag(tag, index) || toSlug(tag) === '') return;
      const near = suggest(tag, known);
      const hint = near ? `; did you mean "${canonicalTag(near, index)}"?` : '';
      if (!index.strict && !near) return;
      problems.push({
        file: article.file,
        ...locateField(article, ['tags', i]),
        field: `tags[${i}]`,
        message: index.strict
          ? `unknown tag "${tag}"${hint || '; add it to content/tags.yaml or use a registered tag'}`
          : `tag "${tag}" is not registered${hint}`,
        severity: index.strict ? 'error' : 'warning',
      });
    });
  }
  return problems;
}

/**
 * Checks `content/tags.yaml`: YAML syntax, its schema, and that no name or alias belongs to two tags.
 * Registry keys are compared like tags: `CSTO` and `csto` are one tag.
 */
export function checkTagRegistry({ file, source }: SourceFile): { registry?: TagRegistry; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = parseYaml(source) ?? {};
  } catch (error) {
    return { problems: [yamlSyntaxProblem(file, error, 'YAML syntax error')] };
  }
  const locate = fieldLocator(source);
  const result = tagRegistrySchema.safeParse(raw);
  if (!result.success) {
    const entryFields = Object.keys(tagEntrySchema.shape);
    return { problems: issuesToProblems(result.error.issues, file, locate, (path) => (path.length === 0 ? TAG_REGISTRY_FIELDS : entryFields)) };
  }
  const problems: Problem[] = [];
  const owner = new Map<string, string>();
  const claim = (name: string, tag: string, path: PropertyKey[], what: string) => {
    const key = tagKey(name);
    const previous = owner.get(key);
    if (previous === undefined) owner.set(key, tag);
    else if (previous !== tag || what === 'name') {
      problems.push({ file, ...locate(path, what === 'name'), field: fieldName(path), message: `${what} "${name}" already belongs to tag "${previous}"; each name may stand for one tag only`, severity: 'error' });
    }
  };
  for (const tag of Object.keys(result.data.tags)) claim(tag, tag, ['tags', tag], 'name');
  for (const [tag, entry] of Object.entries(result.data.tags)) entry.aliases.forEach((alias, i) => claim(alias, tag, ['tags', tag, 'aliases', i], 'alias'));
  return { registry: result.data, problems };
}

/** How the link and image checks find files: paths relative to the public folder, or as reported. */
export interface ReferenceContext {
  /** The site's origin, so absolute links to it count as internal. */
  siteUrl: string;
  /** The build's "now": links to articles not yet published are flagged. */
  now: Date;
  /** Whether `path` (under the public folder, without a leading `/`) exists. */
  publicFileExists: (path: string) => boolean;
  /** Whether a file exists at `path`, a path of the same form as the articles' `file`. */
  fileExists: (path: string) => boolean;
}

/**
 * Links between articles that point nowhere (unknown slug, missing file, a draft), links to an
 * old slug (a warning: the redirect works, a direct link is better), and images that do not exist,
 * in the body and in the `image` field.
 */
export function checkReferences(articles: readonly CheckedArticle[], context: ReferenceContext): Problem[] {
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const byFile = new Map(articles.map((article) => [article.file.split('\\').join('/'), article]));
  const movedTo = new Map<string, string>();
  for (const article of articles) {
    for (const source of article.data?.redirectFrom ?? []) if (!source.startsWith('/')) movedTo.set(source, article.slug);
  }
  const slugs = [...bySlug.keys()];
  const problems: Problem[] = [];
  for (const article of articles) {
    const file = article.file.split('\\').join('/');
    const at = (reference: BodyReference) => ({ file: article.file, line: reference.line, column: reference.column, field: 'body' });
    for (const reference of article.references) {
      if (reference.kind === 'image') {
        const image = localImage(reference.url, file);
        if (image && !(image.kind === 'public' ? context.publicFileExists(image.path) : context.fileExists(image.path))) {
          problems.push({ ...at(reference), message: `image ${reference.url} does not exist${image.kind === 'public' ? ' in public/' : ''}`, severity: 'error' });
        } else if (reference.alt !== undefined && reference.alt.trim() === '') {
          problems.push({ ...at(reference), message: `image ${reference.url} has no alt text; describe it for readers who cannot see it`, severity: 'warning' });
        }
        continue;
      }
      const link = articleLinkTarget(reference.url, file, context.siteUrl);
      if (!link) continue;
      const target = link.kind === 'slug' ? bySlug.get(link.slug) : byFile.get(link.path);
      if (!target) {
        const moved = link.kind === 'slug' ? movedTo.get(link.slug) : undefined;
        if (moved) {
          problems.push({ ...at(reference), message: `link to ${reference.url}: that article moved to ${articlePath(moved)}; link there directly`, severity: 'warning' });
          continue;
        }
        const near = link.kind === 'slug' ? suggest(link.slug, slugs) : undefined;
        const what = link.kind === 'slug' ? `no article has the slug "${link.slug}"` : `no article file at ${link.path}`;
        problems.push({ ...at(reference), message: `link to ${reference.url} points nowhere: ${what}${near ? `; did you mean ${articlePath(near)}?` : ''}`, severity: 'error' });
        continue;
      }
      if (!target.data || !article.data || article.data.draft) continue;
      if (target.data.draft) {
        problems.push({ ...at(reference), message: `link to ${reference.url} points to a draft (${target.file}), which is never published`, severity: 'error' });
      } else if (target.data.date > article.data.date && target.data.date > context.now) {
        problems.push({ ...at(reference), message: `link to ${reference.url} points to an article scheduled for ${target.data.date.toISOString()}, after this one; the link is broken until then`, severity: 'warning' });
      }
    }
    const image = article.data?.image;
    const local = image === undefined ? undefined : localImage(image, file);
    if (image !== undefined && local && !(local.kind === 'public' ? context.publicFileExists(local.path) : context.fileExists(local.path))) {
      problems.push({ file: article.file, ...locateField(article, ['image']), field: 'image', message: `${image} does not exist${local.kind === 'public' ? ' in public/' : ''}`, severity: 'error' });
    }
  }
  return problems;
}

/** What listings need of a checked article, for the set of live pages. */
function summaryOf(article: CheckedArticle & { data: ArticleFrontmatter }): ArticleSummary {
  const { title, date, tags } = article.data;
  return { slug: article.slug, title, date, tags, excerpt: '' };
}

/**
 * The redirects the site will serve, from articles' `redirectFrom` and the registry's tag
 * `redirectFrom` and aliases, and the problems with them (see {@link planRedirects}).
 * Redirects to articles not yet published are left out until they are, with a warning.
 */
export function checkRedirects(
  articles: readonly CheckedArticle[],
  index: TagIndex,
  registry: { file: string; source: string } | undefined,
  site: { perPage: number; timeZone: string; now: Date; publicPaths?: readonly string[] },
): { redirects: Redirect[]; problems: Problem[] } {
  const valid = articles.filter((article): article is CheckedArticle & { data: ArticleFrontmatter } => article.data !== undefined);
  const published = valid.filter((article) => isPublished(article.data, site.now)).map(summaryOf).sort(newestFirst);
  // Files of public/ are copied into the site as they are: a redirect may not replace one either.
  const live = new Set([...livePagePaths(published, index, site.perPage, site.timeZone), ...(site.publicPaths ?? [])]);
  const problems: Problem[] = [];
  const requests: RedirectRequest[] = [];
  const locations = new Map<RedirectRequest, Position | undefined>();
  for (const article of valid) {
    const sources = article.data.redirectFrom ?? [];
    if (sources.length === 0) continue;
    if (!isPublished(article.data, site.now)) {
      problems.push({ file: article.file, ...locateField(article, ['redirectFrom']), field: 'redirectFrom', message: 'the article is not published yet, so its redirects are written once it is', severity: 'warning' });
      continue;
    }
    sources.forEach((source, i) => {
      const request: RedirectRequest = { source, kind: 'article', to: articlePath(article.slug), file: article.file, field: `redirectFrom[${i}]` };
      locations.set(request, locateField(article, ['redirectFrom', i]));
      requests.push(request);
    });
  }
  if (registry) {
    const locate = fieldLocator(registry.source);
    const tags = collectTags([[...index.registered.values()].map(({ canonical }) => canonical)], index);
    for (const [key, { canonical, entry }] of index.registered) {
      const to = tagPath(tags.get(key)!.slug);
      entry.redirectFrom.forEach((source, i) => {
        const request: RedirectRequest = { source, kind: 'tag', to, file: registry.file, field: `tags.${canonical}.redirectFrom[${i}]` };
        locations.set(request, locate(['tags', canonical, 'redirectFrom', i]));
        requests.push(request);
      });
      entry.aliases.forEach((alias, i) => {
        const slug = toSlug(alias);
        if (slug !== '' && tagPath(slug) !== to) requests.push({ source: slug, kind: 'tag', to, file: registry.file, field: `tags.${canonical}.aliases[${i}]`, implicit: true });
      });
    }
  }
  const { redirects, conflicts } = planRedirects(requests, live);
  // With invalid articles left out, pages that will exist look missing; say so only of valid content.
  const complete = valid.length === articles.length;
  for (const { request, message } of conflicts.filter((conflict) => complete || conflict.reason !== 'nowhere')) {
    problems.push({ file: request.file, ...locations.get(request), field: request.field, message, severity: 'error' });
  }
  return { redirects, problems };
}

/**
 * Checks a JSON file against a schema: syntax errors and schema problems, each located by line.
 * `fields` are the top-level keys offered as suggestions for unknown ones.
 */
export function checkJson<T>(
  { file, source }: SourceFile,
  schema: z.ZodType<T>,
  fields: readonly string[],
): { value?: T; problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1];
    const before = offset === undefined ? undefined : source.slice(0, Number(offset)).split('\n');
    return {
      problems: [
        {
          file,
          line: before?.length,
          column: before ? (before.at(-1)?.length ?? 0) + 1 : undefined,
          message: `expected valid JSON: ${message}`,
          severity: 'error',
        },
      ],
    };
  }
  const result = schema.safeParse(json);
  if (result.success) return { value: result.data, problems: [] };
  return { problems: issuesToProblems(result.error.issues, file, fieldLocator(source), fields) };
}

/** Checks the ticker's rates file: JSON syntax and the rates schema. */
export function checkRates(file: SourceFile): { rates?: Rates; problems: Problem[] } {
  const { value, problems } = checkJson(file, ratesSchema, ['asOf', 'base', 'rates']);
  return { rates: value, problems };
}
