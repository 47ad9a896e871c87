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
): NameRegistry<E> {
  const loaded = loadNameRegistry(contentDir, registry);
  if (loaded.problems.length > 0) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.registry;
}

let authors: NameRegistry<AuthorEntry> | undefined;
let sections: NameRegistry<SectionEntry> | undefined;

/** The authors registry (`content/authors.yaml`), read once per build. */
export function getAuthorRegistry(): NameRegistry<AuthorEntry> {
  return (authors ??= readNameRegistry(CONTENT_DIR, AUTHOR_REGISTRY));
}

/** The sections registry (`content/sections.yaml`), read once per build. */
export function getSectionRegistry(): NameRegistry<SectionEntry> {
  return (sections ??= readNameRegistry(CONTENT_DIR, SECTION_REGISTRY));
}
