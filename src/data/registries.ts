import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../lib/problems.ts';
import { indexNames, type NamedEntry, type NameRegistry } from '../lib/registry.ts';
import type { AuthorEntry } from '../schemas/authors.ts';
import type { SectionEntry } from '../schemas/sections.ts';
import {
  AUTHOR_REGISTRY,
  checkNameRegistry,
  SECTION_REGISTRY,
  type NameRegistrySpec,
} from '../validation/registry.ts';
import { CONTENT_DIR } from './build-context.ts';

/**
 * A name registry file read, checked and indexed; an open registry when the file does not exist.
 * `scripts/build.ts` has validated it; under `astro dev` this is the check.
 */
export function readNameRegistry<E extends NamedEntry>(
  contentDir: string,
  { file: name, spec }: { file: string; spec: NameRegistrySpec<E> },
): NameRegistry<E> {
  const file = join(contentDir, name);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return indexNames<E>(undefined);
  }
  const { entries, problems } = checkNameRegistry({ file, source }, spec);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (!entries || errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
  return indexNames(entries);
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
