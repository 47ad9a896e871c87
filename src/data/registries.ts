import { formatProblem } from '../lib/problems.ts';
import type { NamedEntry, NameRegistry } from '../lib/registry.ts';
import type { AuthorEntry } from '../schemas/authors.ts';
import type { SectionEntry } from '../schemas/sections.ts';
import {
  AUTHOR_REGISTRY,
  SECTION_REGISTRY,
  type NameRegistrySpec,
} from '../validation/registry.ts';
import { loadNameRegistry } from '../validation/registry-files.ts';
import { CONTENT_DIR } from './build-context.ts';

/**
 * A name registry file read, checked and indexed; an open registry when the file does not exist.
 * `scripts/build.ts` has validated it; under `astro dev` this is the check.
 * @throws the registry's problems, when it has any.
 */
export function readNameRegistry<E extends NamedEntry>(
  contentDir: string,
  registry: { file: string; spec: NameRegistrySpec<E> },
  lang?: string,
): NameRegistry<E> {
  const loaded = loadNameRegistry(contentDir, registry, undefined, lang);
  if (loaded.problems.length > 0) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.registry;
}

const authors = new Map<string, NameRegistry<AuthorEntry>>();
const sections = new Map<string, NameRegistry<SectionEntry>>();

function cached<E>(cache: Map<string, E>, lang: string, read: () => E): E {
  let registry = cache.get(lang);
  if (!registry) cache.set(lang, (registry = read()));
  return registry;
}

/** The authors registry (`content/authors.yaml`) as the edition in `lang` reads it, once per build. */
export function getAuthorRegistry(lang: string): NameRegistry<AuthorEntry> {
  return cached(authors, lang, () => readNameRegistry(CONTENT_DIR, AUTHOR_REGISTRY, lang));
}

/** The sections registry (`content/sections.yaml`) as the edition in `lang` reads it, once per build. */
export function getSectionRegistry(lang: string): NameRegistry<SectionEntry> {
  return cached(sections, lang, () => readNameRegistry(CONTENT_DIR, SECTION_REGISTRY, lang));
}
