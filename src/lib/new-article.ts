import type { Edition } from './editions.ts';
import { authoredYaml } from './frontmatter.ts';
import type { ArticleFrontmatterInput } from '../schemas/article.ts';
import {
  lookupName,
  nameKey,
  resolveName,
  type NamedEntry,
  type NameRegistry,
} from './registry.ts';
import { suggest } from './problems.ts';
import { toSlug } from './slug.ts';

/** What `npm run new` asks for. */
export interface NewArticle {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  tags: string[];
  /** The byline, in order; none when empty or absent. */
  authors?: string[];
  section?: string;
  draft: boolean;
  /** Links the story to its versions in other editions. */
  translationKey?: string;
}

/**
 * Where a new article goes under the articles folder: `YYYY/MM/<slug>.md`, the slug from the
 * title, in its edition's folder (`ru/YYYY/MM/<slug>.md`) outside the default edition.
 */
export function newArticlePath(
  article: Pick<NewArticle, 'title' | 'date'>,
  edition: Pick<Edition, 'prefix'> = { prefix: '' },
): {
  slug: string;
  path: string;
} {
  const slug = toSlug(article.title);
  const [year, month] = article.date.split('-');
  // An edition's articles live in its folder (`ru/2026/02/…`); the default edition's at the top.
  const folder = edition.prefix === '' ? '' : `${edition.prefix.slice(1)}/`;
  return { slug, path: `${folder}${year}/${month}/${slug}.md` };
}

/**
 * A new article's text: frontmatter with the given fields (`authors` when there are any,
 * `section` when given, `draft` only when true) and an empty body.
 */
export function newArticleSource({
  title,
  date,
  tags,
  authors = [],
  section,
  draft,
  translationKey,
}: NewArticle): string {
  const frontmatter: ArticleFrontmatterInput = {
    title,
    date,
    tags,
    ...(authors.length > 0 ? { authors } : {}),
    ...(section !== undefined ? { section } : {}),
    ...(draft ? { draft: true } : {}),
    ...(translationKey !== undefined ? { translationKey } : {}),
  };
  return `---\n${authoredYaml(frontmatter, ['tags', 'authors'])}---\n\n`;
}

/**
 * The values of a command-line option that may be repeated or comma-separated
 * (`--author A --author "B, C"` → `[A, B, C]`), trimmed, empty ones dropped.
 */
export function listArgument(values: string | readonly string[] | undefined): string[] {
  return [values ?? []]
    .flat()
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** The registries a new article's names are checked against; open when their file does not exist. */
export interface NewArticleRegistries {
  authors: NameRegistry<NamedEntry>;
  sections: NameRegistry<NamedEntry>;
}

/** A registry as messages name it: the option, what one entry is, the file. */
interface NameOption {
  flag: string;
  what: string;
  file: string;
}

/** Up to eight of a registry's names, for a message that cannot suggest one. */
function someNames(names: readonly string[]): string {
  return `${names.slice(0, 8).join(', ')}${names.length > 8 ? '…' : ''}`;
}

/**
 * One name given on the command line as the article will write it: the registered spelling, or
 * (without the registry's file) as given, white space folded; or why it cannot be used.
 */
function resolveOne(
  raw: string,
  registry: NameRegistry<NamedEntry>,
  { flag, what, file }: NameOption,
): { name?: string; problem?: string } {
  if (registry.closed && !lookupName(raw, registry)) {
    const known = registry.entries.map((entry) => entry.name);
    const near = suggest(raw, known);
    return {
      problem: `${flag}: unknown ${what} "${raw}"${
        near
          ? `; did you mean "${near}"?`
          : known.length > 0
            ? `; add it to content/${file} or use one of: ${someNames(known)}`
            : `; content/${file} lists none`
      }`,
    };
  }
  return { name: resolveName(raw, registry).name };
}

/**
 * `--author` and `--section` as the new article writes them: with `content/authors.yaml` or
 * `content/sections.yaml`, each name must be registered (matched as `npm run check` matches it,
 * case and spaces aside) and is written in its registered spelling; with `sections.yaml` the
 * section is required. The same author given twice is written once. Each problem names the option.
 */
export function resolveNewArticleNames(
  given: { authors: readonly string[]; section?: string },
  registries: NewArticleRegistries,
): { authors: string[]; section?: string; problems: string[] } {
  const problems: string[] = [];
  const authors: string[] = [];
  for (const raw of given.authors) {
    const { name, problem } = resolveOne(raw, registries.authors, {
      flag: '--author',
      what: 'author',
      file: 'authors.yaml',
    });
    if (problem) problems.push(problem);
    else if (name && !authors.some((other) => nameKey(other) === nameKey(name))) authors.push(name);
  }
  let section: string | undefined;
  const sectionNames = registries.sections.entries.map((entry) => entry.name);
  const oneOf =
    sectionNames.length > 0
      ? `one of ${sectionNames.join(', ')} (content/sections.yaml)`
      : 'content/sections.yaml lists none yet';
  if (given.section === undefined) {
    if (registries.sections.closed) problems.push(`missing --section: ${oneOf}`);
  } else if (given.section.trim() === '') {
    problems.push(
      `--section: expected a section name${registries.sections.closed ? `, ${oneOf}` : ''}`,
    );
  } else {
    const { name, problem } = resolveOne(given.section.trim(), registries.sections, {
      flag: '--section',
      what: 'section',
      file: 'sections.yaml',
    });
    if (problem) problems.push(problem);
    section = name;
  }
  return { authors, ...(section !== undefined ? { section } : {}), problems };
}
