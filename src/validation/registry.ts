import { DEFAULT_EDITION, EDITIONS } from '../i18n/index.ts';
import { localizeEntries, unknownLanguages } from '../lib/localized.ts';
import { parse as parseYaml } from 'yaml';
import {
  TAG_REGISTRY_FIELDS,
  tagEntrySchema,
  tagRegistrySchema,
  type TagRegistry,
} from '../schemas/tags.ts';
import { fieldLocator, fieldName, type Problem } from '../lib/problems.ts';
import { tagKey } from '../lib/tags.ts';
import { nameKey, slugOf, type NamedEntry } from '../lib/registry.ts';
import { registryItems } from '../schemas/registry-fields.ts';
import { normaliseLineBreaks } from '../lib/frontmatter.ts';
import { xmlForbiddenCharacters, xmlForbiddenValues } from './article.ts';
import type { z } from 'astro/zod';
import { AUTHOR_FIELDS, authorRegistrySchema, type AuthorEntry } from '../schemas/authors.ts';
import { SECTION_FIELDS, sectionRegistrySchema, type SectionEntry } from '../schemas/sections.ts';
import type { SourceFile } from './article.ts';
import { issuesToProblems, yamlSyntaxProblem } from './issues.ts';

/** Per-language values in languages the site has no edition for, each at its field. */
function languageProblems(
  file: string,
  items: unknown,
  at: readonly PropertyKey[],
  langs: readonly string[],
  locate: ReturnType<typeof fieldLocator>,
): Problem[] {
  return unknownLanguages(items, langs).map(({ path, message }) => ({
    file,
    ...locate([...at, ...path]),
    field: fieldName([...at, ...path]),
    message,
    severity: 'error',
  }));
}

/** The tag registry's file name inside the content folder. */
export const TAG_REGISTRY_FILE = 'tags.yaml';

/**
 * Checks `content/tags.yaml`: YAML syntax, its schema, and that no name or alias belongs to two tags.
 * Registry keys are compared like tags: `CSTO` and `csto` are one tag. Values written per language
 * are read in `lang` (src/lib/localized.ts).
 */
export function checkTagRegistry(
  { file, source }: SourceFile,
  lang: string = DEFAULT_EDITION.lang,
): {
  registry?: TagRegistry;
  problems: Problem[];
} {
  let raw: unknown;
  try {
    raw = parseYaml(normaliseLineBreaks(source)) ?? {};
  } catch (error) {
    return { problems: [yamlSyntaxProblem(file, error, 'YAML syntax error')] };
  }
  const locate = fieldLocator(source);
  const langs = EDITIONS.map((edition) => edition.lang);
  const result = tagRegistrySchema.safeParse(
    raw !== null && typeof raw === 'object' && 'tags' in raw
      ? { ...raw, tags: localizeEntries(raw.tags, lang, langs) }
      : raw,
  );
  if (!result.success) {
    const entryFields = Object.keys(tagEntrySchema.shape);
    return {
      problems: issuesToProblems(result.error.issues, file, locate, (path) =>
        path.length === 0 ? TAG_REGISTRY_FIELDS : entryFields,
      ),
    };
  }
  const problems: Problem[] =
    raw !== null && typeof raw === 'object' && 'tags' in raw
      ? languageProblems(file, raw.tags, ['tags'], langs, locate)
      : [];
  const owner = new Map<string, string>();
  const claim = (name: string, tag: string, path: PropertyKey[], what: string) => {
    const key = tagKey(name);
    const previous = owner.get(key);
    if (previous === undefined) owner.set(key, tag);
    else if (previous !== tag || what === 'name') {
      problems.push({
        file,
        ...locate(path, what === 'name'),
        field: fieldName(path),
        message: `${what} "${name}" already belongs to tag "${previous}"; each name may stand for one tag only`,
        severity: 'error',
      });
    }
  };
  for (const tag of Object.keys(result.data.tags)) claim(tag, tag, ['tags', tag], 'name');
  for (const [tag, entry] of Object.entries(result.data.tags)) {
    if (entry.name !== undefined) claim(entry.name, tag, ['tags', tag, 'name'], 'display name');
    entry.aliases.forEach((alias, i) => claim(alias, tag, ['tags', tag, 'aliases', i], 'alias'));
  }
  return { registry: result.data, problems };
}

/** How one name registry file (authors, sections) is read and checked. */
export interface NameRegistrySpec<E extends NamedEntry> {
  /** The key that may hold the list (`authors`). */
  key: string;
  /** The file's list schema. */
  schema: z.ZodType<E[]>;
  /** The keys an entry may have, for suggestions. */
  fields: readonly string[];
  /** What one entry is, in messages: `author`. */
  what: string;
}

/**
 * Checks a name registry file: YAML syntax, its schema, and that no two entries share a name or a
 * URL slug. Names are compared like tags: `Aigerim Bekova` and `aigerim  bekova` are one.
 */
export function checkNameRegistry<E extends NamedEntry>(
  { file, source }: SourceFile,
  spec: NameRegistrySpec<E>,
  lang: string = DEFAULT_EDITION.lang,
): { entries?: E[]; problems: Problem[] } {
  // Registry text reaches feeds and sitemaps: no character XML 1.0 forbids, written or escaped.
  const text = normaliseLineBreaks(source);
  const forbidden = xmlForbiddenCharacters(file, text);
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    return { problems: [...forbidden, yamlSyntaxProblem(file, error, 'YAML syntax error')] };
  }
  const locate = fieldLocator(text);
  // Written characters are reported where they stand; escaped ones (`"\a"`) at their field.
  const escaped = forbidden.length > 0 ? [] : xmlForbiddenValues(file, raw, locate);
  const { items, path } = registryItems(raw, spec.key);
  const langs = EDITIONS.map((edition) => edition.lang);
  const result = spec.schema.safeParse(localizeEntries(items, lang, langs));
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      ...issue,
      path: [...path, ...issue.path],
    }));
    return {
      problems: [
        ...forbidden,
        ...escaped,
        ...issuesToProblems(issues, file, locate, () => spec.fields),
      ],
    };
  }
  const problems: Problem[] = [
    ...forbidden,
    ...escaped,
    ...languageProblems(file, items, path, langs, locate),
  ];
  const owner = new Map<string, string>();
  result.data.forEach((entry, i) => {
    const claims: Array<[string, string]> = [
      ['name', entry.name],
      ['slug', slugOf(entry)],
      ...(entry.aliases ?? []).map((alias): [string, string] => ['alias', alias]),
    ];
    for (const [what, value] of claims) {
      // A name and an alias are one namespace: either stands for exactly one entry.
      const key = `${what === 'slug' ? 'slug' : 'name'}:${nameKey(value)}`;
      if (what === 'alias' && owner.get(key) === entry.name) continue;
      const previous = owner.get(key);
      if (previous === undefined) owner.set(key, entry.name);
      else
        problems.push({
          file,
          ...locate([
            ...path,
            i,
            what === 'slug' && entry.slug === undefined
              ? 'name'
              : what === 'alias'
                ? 'aliases'
                : what,
          ]),
          field: fieldName([...path, i, what === 'alias' ? 'aliases' : what]),
          message:
            what === 'name'
              ? `${spec.what} "${entry.name}" is listed twice; each ${spec.what} once`
              : what === 'alias'
                ? `${spec.what} "${entry.name}": the name "${value}" already stands for "${previous}"`
                : `${spec.what} "${entry.name}" would share the URL slug "${value}" with "${previous}"; set a different \`slug\``,
          severity: 'error',
        });
    }
  });
  return { entries: result.data, problems };
}

/** `content/authors.yaml`: the newsroom's people. */
export const AUTHOR_REGISTRY = {
  file: 'authors.yaml',
  spec: {
    key: 'authors',
    schema: authorRegistrySchema,
    fields: AUTHOR_FIELDS,
    what: 'author',
  } satisfies NameRegistrySpec<AuthorEntry>,
};

/** `content/sections.yaml`: the newsroom's sections, in navigation order. */
export const SECTION_REGISTRY = {
  file: 'sections.yaml',
  spec: {
    key: 'sections',
    schema: sectionRegistrySchema,
    fields: SECTION_FIELDS,
    what: 'section',
  } satisfies NameRegistrySpec<SectionEntry>,
};
