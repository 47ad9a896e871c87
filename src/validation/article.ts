import { normaliseLineBreaks, splitFrontmatter } from '../lib/frontmatter.ts';
import {
  ARTICLE_FIELDS,
  articleFrontmatterSchema,
  type ArticleFrontmatter,
} from '../schemas/article.ts';
import { fieldLocator, fieldName, type Problem } from '../lib/problems.ts';
import { findReferences, type BodyReference } from '../lib/references.ts';
import { placeArticle } from '../lib/editions.ts';
import { EDITIONS } from '../i18n/index.ts';
import { formatOf } from '../lib/text.ts';
import { findUnsafeMarkdown, MAX_NESTING, nestingDepth } from '../lib/body-rules.ts';
import { findUnsafeMdx, MdxSyntaxError } from '../lib/mdx-rules.ts';
import type { EmbedPolicy, UnsafeMarkup } from '../lib/safe-html.ts';
import { SITE } from '../site.config.ts';
import { issuesToProblems } from './issues.ts';

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
  /** The slug the article is published under, in its edition. */
  slug: string;
  /** The `lang` of its edition. */
  edition: string;
  /** Its content id, unique across editions (`ru/<slug>` outside the default edition). */
  key: string;
  /** The validated frontmatter, when it is valid. */
  data?: ArticleFrontmatter;
  /** Tags as written, even when other fields are invalid, for corpus-wide checks. */
  tags: string[];
  /**
   * The byline, section and draft flag as written, those of them well formed, when the frontmatter
   * as a whole is invalid: their problems are reported with the others.
   */
  namesAsWritten?: { author?: string; authors?: string[]; section?: string; draft?: boolean };
  /** The frontmatter's YAML text, to locate fields when a corpus-wide check finds a problem in one. */
  frontmatter: string;
  /** Links and images in the body, located in the file. */
  references: BodyReference[];
  problems: Problem[];
}

/** How bodies are judged: what may be embedded, and whether this file's MDX is trusted to run code. */
export interface BodyPolicy extends EmbedPolicy {
  /** Whether the file's MDX may use `import`, `export` and expressions (`SITE.content.trustedMdxFolders`). */
  trustedMdx?: boolean;
}

/** The policy of the site's own settings, trusting no MDX. */
export const SITE_BODY_POLICY: BodyPolicy = {
  embedHosts: SITE.content.embedHosts,
  imageHosts: SITE.content.imageHosts,
};

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
    return [
      {
        ...located({
          line: error.line,
          column: error.column,
          message: `MDX syntax error: ${error.message}`,
        }),
        field: undefined,
      },
    ];
  }
}

// What XML 1.0 forbids outright: C0 controls but tab and line breaks, lone surrogates, U+FFFE/F.
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** The byline, section and draft flag of frontmatter, those of them well formed. */
function namesAsWritten(raw: Record<string, unknown>): CheckedArticle['namesAsWritten'] {
  const { author, authors, section, draft } = raw;
  const isText = (value: unknown): value is string =>
    typeof value === 'string' && value.trim() !== '';
  return {
    ...(isText(author) ? { author } : {}),
    ...(Array.isArray(authors) && authors.every(isText) ? { authors } : {}),
    ...(isText(section) ? { section } : {}),
    draft: draft === true,
  };
}

/** Characters no feed or sitemap may carry, each where it stands: one would break the feed for every reader. */
export function xmlForbiddenCharacters(file: string, source: string): Problem[] {
  const problems: Problem[] = [];
  const lines = normaliseLineBreaks(source).split('\n');
  lines.forEach((text, index) => {
    for (const match of text.matchAll(XML_FORBIDDEN)) {
      const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.push({
        file,
        line: index + 1,
        column: match.index + 1,
        message: `character U+${code} is not allowed: feeds and sitemaps (XML 1.0) cannot carry it; delete it`,
        severity: 'error',
      });
    }
  });
  return problems;
}

/** The same for frontmatter values, which YAML escapes (`"\a"`) can fill with what the file does not show. */
export function xmlForbiddenValues(
  file: string,
  data: unknown,
  locate: ReturnType<typeof fieldLocator>,
  path: PropertyKey[] = [],
): Problem[] {
  if (typeof data === 'string') {
    const match = data.match(new RegExp(XML_FORBIDDEN.source, 'u'));
    if (!match) return [];
    const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return [
      {
        file,
        ...locate(path),
        field: fieldName(path),
        message: `character U+${code} is not allowed: feeds and sitemaps (XML 1.0) cannot carry it; delete it`,
        severity: 'error',
      },
    ];
  }
  if (Array.isArray(data))
    return data.flatMap((item, index) => xmlForbiddenValues(file, item, locate, [...path, index]));
  if (typeof data === 'object' && data !== null)
    return Object.entries(data).flatMap(([key, value]) =>
      xmlForbiddenValues(file, value, locate, [...path, key]),
    );
  return [];
}

/**
 * Checks one article file on its own: YAML syntax, the frontmatter schema, that an MDX body
 * parses, and that the body holds no script. Every problem is reported; none stops the others from being found.
 */
export function checkArticle(
  { file, source, relativePath = file }: SourceFile & { relativePath?: string },
  policy: BodyPolicy = SITE_BODY_POLICY,
): CheckedArticle {
  const split = splitFrontmatter(source);
  const raw = split.data;
  const place = placeArticle(relativePath, raw, EDITIONS);
  const placed = { slug: place.slug, edition: place.edition.lang, key: place.key };
  const problems: Problem[] = [
    ...split.problems.map((problem): Problem => ({ file, ...problem, severity: 'error' })),
    ...xmlForbiddenCharacters(file, source),
    ...xmlForbiddenValues(file, raw, fieldLocator(split.yaml)),
  ];
  if (place.problem)
    problems.push({
      file,
      ...fieldLocator(split.yaml)(['lang']),
      field: 'lang',
      message: place.problem,
      severity: 'error',
    });
  if (!split.hasFrontmatter && problems.length === 0) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message:
        'missing frontmatter: start the file with a `---` block holding title, date and tags',
      severity: 'error',
    });
  }
  const result = articleFrontmatterSchema.safeParse(raw);
  if (!result.success && split.hasFrontmatter && split.problems.length === 0) {
    problems.push(
      ...issuesToProblems(result.error.issues, file, fieldLocator(split.yaml), ARTICLE_FIELDS),
    );
  }
  const lineOffset = split.bodyLineOffset;
  // A body nested thousands deep would overflow every recursive reader after this one.
  const depth = nestingDepth(split.body);
  if (depth > MAX_NESTING) {
    const levels = Number.isFinite(depth) ? String(depth) : 'too many';
    problems.push({
      file,
      line: lineOffset + 1,
      field: 'body',
      message: `the body nests ${levels} levels deep (quotes, lists or tags); at most ${MAX_NESTING} can be read`,
      severity: 'error',
    });
    return {
      file,
      ...placed,
      tags: [],
      frontmatter: split.yaml,
      references: [],
      problems,
    };
  }
  problems.push(...checkBody(file, split.body, lineOffset, policy));
  if (result.success && !result.data.draft && split.body.trim() === '') {
    problems.push({
      file,
      line: lineOffset + 1,
      field: 'body',
      message:
        'a published article needs a body: write the story below the frontmatter, or set `draft: true`',
      severity: 'error',
    });
  }
  const references = findReferences(split.body, formatOf(file)).map((reference) => ({
    ...reference,
    line: reference.line + lineOffset,
  }));
  const tags = Array.isArray(raw.tags)
    ? raw.tags.filter((tag): tag is string => typeof tag === 'string')
    : [];
  return {
    file,
    ...placed,
    data: result.success ? result.data : undefined,
    tags,
    ...(result.success ? {} : { namesAsWritten: namesAsWritten(raw) }),
    frontmatter: split.yaml,
    references,
    problems,
  };
}
