import { DEFAULT_EDITION, EDITIONS } from '../i18n/index.ts';
import { tagPath } from '../lib/routes.ts';
import { suggest, type Problem } from '../lib/problems.ts';
import { toSlug } from '../lib/slug.ts';
import {
  canonicalTag,
  findTagSlugCollisions,
  lookupTag,
  NO_REGISTRY,
  tagKey,
  type TagIndex,
} from '../lib/tags.ts';
import type { CheckedArticle } from './article.ts';
import { locateField } from './issues.ts';

/**
 * Problems that only show across files: two articles under one slug in an edition, one
 * translationKey twice in an edition, two tags under one tag slug in an edition (`indexFor` gives
 * each edition's registry, names in its language), and tags the registry does not know (errors
 * when it is strict; near misses are warnings otherwise).
 */
export function checkCorpus(
  articles: readonly CheckedArticle[],
  index: TagIndex = NO_REGISTRY,
  indexFor: (lang: string) => TagIndex = () => index,
): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, CheckedArticle[]>();
  for (const article of articles) {
    const same = bySlug.get(article.key);
    if (same) same.push(article);
    else bySlug.set(article.key, [article]);
  }
  for (const same of bySlug.values()) {
    if (same.length < 2) continue;
    const { slug, edition } = same[0]!;
    const where = edition === DEFAULT_EDITION.lang ? '' : ` in the "${edition}" edition`;
    for (const article of same) {
      const others = same.filter((other) => other !== article).map((other) => other.file);
      problems.push({
        file: article.file,
        field: 'slug',
        message: `duplicate slug "${slug}"${where}: also used by ${others.join(', ')}; rename the file or set a different \`slug\``,
        severity: 'error',
      });
    }
  }
  // One story has one version per edition: a key twice in an edition links nothing clearly.
  const byTranslation = new Map<string, CheckedArticle[]>();
  for (const article of articles) {
    const key = article.data?.translationKey;
    if (key === undefined) continue;
    const id = `${article.edition}\u0000${key}`;
    byTranslation.set(id, [...(byTranslation.get(id) ?? []), article]);
  }
  for (const same of byTranslation.values()) {
    if (same.length < 2) continue;
    for (const article of same) {
      const others = same.filter((other) => other !== article).map((other) => other.file);
      problems.push({
        file: article.file,
        ...locateField(article, ['translationKey']),
        field: 'translationKey',
        message: `translationKey "${article.data!.translationKey}" is also used by ${others.join(', ')} in the same edition ("${article.edition}"); a story has one version per edition`,
        severity: 'error',
      });
    }
  }
  // Each edition files its own stories under tag names in its language: their URLs are its own.
  for (const edition of EDITIONS) {
    const filed = articles.filter((article) => article.edition === edition.lang);
    const named = indexFor(edition.lang);
    for (const collision of findTagSlugCollisions(
      filed.map((article) => article.tags),
      named,
    )) {
      const users = filed.filter((article) =>
        article.tags.some((tag) => collision.keys.includes(tagKey(canonicalTag(tag, named)))),
      );
      for (const article of users) {
        problems.push({
          file: article.file,
          field: 'tags',
          message: `tags ${collision.names.map((name) => `"${name}"`).join(' and ')} would share the URL ${tagPath(edition, collision.slug)}; use one spelling${collision.keys.some((key) => named.registered.has(key)) ? ', or give a registered one its own `slug` in content/tags.yaml' : ''}`,
          severity: 'error',
        });
      }
    }
  }
  if (index.registered.size > 0) problems.push(...checkTagNames(articles, index));
  return problems;
}

/** Article tags the registry does not know: errors under `strict`, else warnings when a registered name is close. */
function checkTagNames(articles: readonly CheckedArticle[], index: TagIndex): Problem[] {
  const known = [...index.registered.values()].flatMap(({ canonical, entry }) => [
    canonical,
    ...entry.aliases,
  ]);
  const problems: Problem[] = [];
  for (const article of articles) {
    article.tags.forEach((tag, i) => {
      if (lookupTag(tag, index) || toSlug(tag) === '') return;
      const near = suggest(tag, known);
      const hint = near ? `; did you mean "${canonicalTag(near, index)}"?` : '';
      if (!index.strict && !near) return;
      problems.push({
        file: article.file,
        ...locateField(article, ['tags', i]),
        field: `tags[${i}]`,
        message: index.strict
          ? `unknown tag "${tag}"${hint || '; add it to content/tags.yaml or use a registered tag'}`
          : `tag "${tag}" is not registered${hint}`,
        severity: index.strict ? 'error' : 'warning',
      });
    });
  }
  return problems;
}
