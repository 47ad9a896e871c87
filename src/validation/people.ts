import { fieldName, suggest, type Problem } from '../lib/problems.ts';
import {
  lookupName,
  nameKey,
  resolveName,
  type NamedEntry,
  type NameRegistry,
} from '../lib/registry.ts';
import { bylineNames } from '../schemas/article.ts';
import type { AuthorEntry } from '../schemas/authors.ts';
import type { SectionEntry } from '../schemas/sections.ts';
import type { CheckedArticle } from './article.ts';
import { locateField } from './issues.ts';

/** A name written in an article, where it stands. */
interface Mention {
  article: CheckedArticle;
  name: string;
  /** The frontmatter path it was written at: `['authors', 1]`, `['section']`. */
  path: PropertyKey[];
}

function mentionProblem(
  { article, path }: Mention,
  message: string,
  severity: Problem['severity'] = 'error',
): Problem {
  const field = fieldName(path);
  return { file: article.file, ...locateField(article, path), field, message, severity };
}

/** Names a closed registry does not list, with a suggestion; free names that would share a URL. */
function checkMentions<E extends NamedEntry>(
  mentions: readonly Mention[],
  registry: NameRegistry<E>,
  { what, file, folder }: { what: string; file: string; folder: string },
): Problem[] {
  const problems: Problem[] = [];
  const known = registry.entries.map((entry) => entry.name);
  const bySlug = new Map<string, Set<string>>();
  for (const mention of mentions) {
    if (registry.closed && !lookupName(mention.name, registry)) {
      const near = suggest(mention.name, known);
      problems.push(
        mentionProblem(
          mention,
          `unknown ${what} "${mention.name}"${near ? `; did you mean "${near}"?` : `; add it to content/${file} or use one of: ${known.slice(0, 8).join(', ')}${known.length > 8 ? '…' : ''}`}`,
        ),
      );
      continue;
    }
    const named = resolveName(mention.name, registry);
    if (named.slug === '') {
      problems.push(
        mentionProblem(
          mention,
          `${what} "${mention.name}" has no letters or digits to make a URL from`,
        ),
      );
      continue;
    }
    const names = bySlug.get(named.slug) ?? new Set<string>();
    names.add(named.key);
    bySlug.set(named.slug, names);
  }
  for (const mention of mentions) {
    const named = resolveName(mention.name, registry);
    const keys = bySlug.get(named.slug);
    if (!keys || keys.size < 2 || named.entry) continue;
    const others = mentions
      .filter(
        (other) =>
          nameKey(other.name) !== named.key && keys.has(resolveName(other.name, registry).key),
      )
      .map((other) => `"${other.name}"`);
    problems.push(
      mentionProblem(
        mention,
        `${what} "${mention.name}" and ${[...new Set(others)].join(', ')} would share the URL /${folder}/${named.slug}/; use one spelling`,
      ),
    );
  }
  return problems;
}

/**
 * Bylines and sections across articles: with `authors.yaml`, every byline name is registered;
 * with `sections.yaml`, every article that is not a draft names a registered section. Without the
 * files, names are free, but two spellings that would share one page are an error.
 */
export function checkPeopleAndSections(
  articles: readonly CheckedArticle[],
  authors: NameRegistry<AuthorEntry>,
  sections: NameRegistry<SectionEntry>,
): Problem[] {
  const bylines: Mention[] = [];
  const desks: Mention[] = [];
  const problems: Problem[] = [];
  for (const article of articles) {
    const data = article.data ?? article.namesAsWritten;
    if (!data) continue;
    const field = data.authors ? 'authors' : 'author';
    const named = new Set<string>();
    bylineNames(data).forEach((name, i) => {
      const mention: Mention = {
        article,
        name,
        path: field === 'authors' ? ['authors', i] : ['author'],
      };
      // One person once: `Dana Seitkali` and `dana seitkali` (or her slug) are the same author.
      const key = resolveName(name, authors).key;
      if (named.has(key))
        problems.push(mentionProblem(mention, `author "${name}" is already in this byline`));
      else bylines.push(mention);
      named.add(key);
    });
    if (data.section !== undefined) desks.push({ article, name: data.section, path: ['section'] });
    else if (sections.closed && !data.draft) {
      const names = sections.entries.map((entry) => entry.name);
      problems.push({
        file: article.file,
        // A missing field has no line of its own: the frontmatter's first.
        line: 1,
        field: 'section',
        message: `required: section, one of ${names.join(', ')} (content/sections.yaml)`,
        severity: 'error',
      });
    }
  }
  problems.push(
    ...checkMentions(bylines, authors, { what: 'author', file: 'authors.yaml', folder: 'authors' }),
    ...checkMentions(desks, sections, {
      what: 'section',
      file: 'sections.yaml',
      folder: 'sections',
    }),
  );
  return problems;
}
