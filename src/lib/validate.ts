import matter from 'gray-matter';
import type { Root } from 'mdast';
import { parse as parseYaml, YAMLError } from 'yaml';
import type { z } from 'astro/zod';
import { ARTICLE_FIELDS, articleFrontmatterSchema, type ArticleFrontmatter } from '../schemas/article.ts';
import { ratesSchema, type Rates } from '../schemas/rates.ts';
import { fieldLocator, fieldName, suggest, type Position, type Problem } from './problems.ts';
import { articleSlug, toSlug } from './slug.ts';
import { findTagSlugCollisions, tagKey } from './tags.ts';
import { formatOf, parseBody } from './text.ts';
import { findUnsafeMarkup } from './unsafe-markup.ts';

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
  problems: Problem[];
}

// YAML 1.2 core schema: dates stay strings, so `2026-13-45` is reported instead of rolling over
// into February 2027 as a YAML 1.1 timestamp would.
const yamlEngine = {
  parse: (text: string): object => (parseYaml(text) as object | null) ?? {},
};

/** Converts zod issues to problems located in the source; unknown keys get a did-you-mean. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  locate: (path: ReadonlyArray<PropertyKey>, key?: boolean) => Position | undefined,
  knownFields: readonly string[],
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
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
    return [{ file, ...locate(issue.path), field: fieldName(issue.path) || undefined, message: issue.message, severity: 'error' }];
  });
}

/** Lines of the file before the body starts, given gray-matter's split. */
function bodyLineOffset(source: string, body: string): number {
  const head = source.slice(0, source.length - body.length);
  return head.split('\n').length - 1;
}

/** Body problems: MDX that does not parse, and markup that would run script in the reader's browser. */
function checkBody(file: string, body: string, lineOffset: number): Problem[] {
  const format = formatOf(file);
  // MDX is parsed here anyway, to report syntax errors; the scan reuses that tree.
  let tree: Root | undefined;
  try {
    if (format === 'mdx') tree = parseBody(body, format);
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message: string };
    return [
      {
        file,
        line: place.line !== undefined ? place.line + lineOffset : undefined,
        column: place.column,
        message: `MDX syntax error: ${place.reason ?? place.message}`,
        severity: 'error',
      },
    ];
  }
  return findUnsafeMarkup(body, format, tree).map(({ line, column, message }) => ({
    file,
    line: line + lineOffset,
    column,
    field: 'body',
    message,
    severity: 'error',
  }));
}

/**
 * Checks one article file on its own: YAML syntax, the frontmatter schema, that an MDX body
 * parses, and that the body holds no script. Every problem is reported; none stops the others from being found.
 */
export function checkArticle({ file, source }: SourceFile): CheckedArticle {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also turns off gray-matter's cache, which would keep every file in memory.
    parsed = matter(source, { engines: { yaml: yamlEngine } });
  } catch (error) {
    const position = error instanceof YAMLError ? error.linePos?.[0] : undefined;
    const reason = (error instanceof YAMLError ? error.message.split('\n')[0] : (error as Error).message) ?? '';
    return {
      file,
      slug: articleSlug(file),
      tags: [],
      problems: [
        {
          file,
          // The frontmatter text starts right after the opening `---`, so its line n is the file's line n.
          line: position?.line,
          column: position?.col,
          message: `YAML syntax error in frontmatter: ${reason.replace(/ at line \d+, column \d+:?$/, '')}`,
          severity: 'error',
        },
      ],
    };
  }
  const raw = (parsed.data ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [];
  if (!source.startsWith('---')) {
    problems.push({ file, line: 1, column: 1, message: 'missing frontmatter: start the file with a `---` block holding title, date and tags', severity: 'error' });
  }
  const result = articleFrontmatterSchema.safeParse(raw);
  if (!result.success && source.startsWith('---')) {
    problems.push(...issuesToProblems(result.error.issues, file, fieldLocator(parsed.matter), ARTICLE_FIELDS));
  }
  problems.push(...checkBody(file, parsed.content, bodyLineOffset(source, parsed.content)));
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((tag): tag is string => typeof tag === 'string') : [];
  return { file, slug: articleSlug(file, raw.slug), data: result.success ? result.data : undefined, tags, problems };
}

/** Problems that only show across files: two articles under one slug, two tags under one tag slug. */
export function checkCorpus(articles: readonly CheckedArticle[]): Problem[] {
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
  for (const article of articles) {
    for (const tag of article.tags) {
      if (tag.trim() !== '' && toSlug(tag) === '') {
        problems.push({ file: article.file, field: 'tags', message: `tag "${tag}" has no letters or digits to make a URL from`, severity: 'error' });
      }
    }
  }
  for (const collision of findTagSlugCollisions(articles.map((article) => article.tags))) {
    const users = articles.filter((article) => article.tags.some((tag) => collision.keys.includes(tagKey(tag))));
    for (const article of users) {
      problems.push({
        file: article.file,
        field: 'tags',
        message: `tags ${collision.names.map((name) => `"${name}"`).join(' and ')} would share the URL /tags/${collision.slug}/; use one spelling`,
        severity: 'error',
      });
    }
  }
  return problems;
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
