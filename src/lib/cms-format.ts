import { Document } from 'yaml';
import { splitFrontmatter } from './frontmatter.ts';

/** The name the editing UI's article collection uses for its file format (`cmsConfig`). */
export const CMS_FORMAT = 'khabar-frontmatter';

/**
 * An article file as the editing UI's fields: the frontmatter through Khabar's one reader
 * (`splitFrontmatter`, YAML only), the body under `body`. Decap's own frontmatter format would
 * evaluate a `---js` block in the editor's browser, where the editor's GitHub token lives; this
 * one refuses to open such a file instead.
 * @throws naming the line, when the frontmatter cannot be read.
 */
export function cmsFromFile(content: string): Record<string, unknown> {
  const split = splitFrontmatter(content);
  if (split.problems.length > 0) {
    throw new Error(
      `This article cannot be opened in the editor: ${split.problems.map((problem) => `line ${problem.line ?? 1}: ${problem.message}`).join('; ')}`,
    );
  }
  const body = split.body.replace(/^\n/, '');
  // The editor picks authors from a list: a one-author byline written as `author:` opens as that list.
  const { author, ...data } = split.data;
  if (typeof author === 'string' && data.authors === undefined) data.authors = [author];
  else if (author !== undefined) data.author = author;
  return { ...data, ...(body.trim() !== '' ? { body } : {}) };
}

/**
 * The fields the editing UI saves, as an article file: YAML frontmatter with the fields in the
 * collection's order (`sortedKeys`), empty ones left out, a blank line, then the body, written as
 * the author left it.
 */
export function cmsToFile(data: object, sortedKeys: readonly string[] = []): string {
  const { body = '', ...all } = data as Record<string, unknown>;
  // A field the author filled in and cleared comes back as `""`, `null` or `[]`: it is left out,
  // as it was before it was filled in, instead of written as a value no field accepts.
  const fields = Object.fromEntries(
    Object.entries(all).filter(
      ([, value]) =>
        value !== null &&
        value !== undefined &&
        value !== '' &&
        !(Array.isArray(value) && value.length === 0),
    ),
  );
  const known = sortedKeys.filter((key) => key in fields);
  const ordered = Object.fromEntries(
    [...known, ...Object.keys(fields).filter((key) => !known.includes(key))].map((key) => [
      key,
      fields[key],
    ]),
  );
  return `---\n${new Document(ordered).toString()}---\n\n${String(body)}`;
}
