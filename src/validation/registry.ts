import { parse as parseYaml } from 'yaml';
import {
  TAG_REGISTRY_FIELDS,
  tagEntrySchema,
  tagRegistrySchema,
  type TagRegistry,
} from '../schemas/tags.ts';
import { fieldLocator, fieldName, type Problem } from '../lib/problems.ts';
import { tagKey } from '../lib/tags.ts';
import type { SourceFile } from './article.ts';
import { issuesToProblems, yamlSyntaxProblem } from './issues.ts';

/** The tag registry's file name inside the content folder. */
export const TAG_REGISTRY_FILE = 'tags.yaml';

/**
 * Checks `content/tags.yaml`: YAML syntax, its schema, and that no name or alias belongs to two tags.
 * Registry keys are compared like tags: `CSTO` and `csto` are one tag.
 */
export function checkTagRegistry({ file, source }: SourceFile): {
  registry?: TagRegistry;
  problems: Problem[];
} {
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
    return {
      problems: issuesToProblems(result.error.issues, file, locate, (path) =>
        path.length === 0 ? TAG_REGISTRY_FIELDS : entryFields,
      ),
    };
  }
  const problems: Problem[] = [];
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
  for (const [tag, entry] of Object.entries(result.data.tags))
    entry.aliases.forEach((alias, i) => claim(alias, tag, ['tags', tag, 'aliases', i], 'alias'));
  return { registry: result.data, problems };
}
