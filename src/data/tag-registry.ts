import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../lib/problems.ts';
import { indexRegistry, type TagIndex } from '../lib/tags.ts';
import { checkTagRegistry, TAG_REGISTRY_FILE } from '../validation/registry.ts';
import { CONTENT_DIR } from './build-context.ts';

const cached = new Map<string, TagIndex>();

/**
 * The tag registry (`content/tags.yaml`) as the edition in `lang` reads it, indexed once per build; an empty registry when
 * the file does not exist. `scripts/build.ts` has validated it; under `astro dev` this is the check.
 */
export function getTagIndex(lang: string): TagIndex {
  const known = cached.get(lang);
  if (known) return known;
  const file = join(CONTENT_DIR, TAG_REGISTRY_FILE);
  let source: string | undefined;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    source = undefined;
  }
  if (source === undefined) {
    cached.set(lang, indexRegistry(undefined));
    return cached.get(lang)!;
  }
  const { registry, problems } = checkTagRegistry({ file, source }, lang);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (!registry || errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
  cached.set(lang, indexRegistry(registry));
  return cached.get(lang)!;
}
