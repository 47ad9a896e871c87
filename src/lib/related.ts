import type { ArticleSummary } from './catalog.ts';
import { tagKey } from './tags.ts';

/** How many related stories an article page ends with. */
export const RELATED_COUNT = 4;

/**
 * What sharing the article's section adds to the score of a story that shares a tag: half what the
 * commonest tag weighs, so a story of the same section goes before one sharing the same tags from
 * another section, but never before one sharing more tags. A section alone relates nothing.
 */
export const SECTION_WEIGHT = 0.5;

// Candidates per tag: the newest articles of each of an article's tags. A tag on thousands of
// articles weighs little anyway, and this keeps the whole computation linear in the archive.
const CANDIDATES_PER_TAG = 200;

/**
 * Up to `count` related articles for every article of `articles` (the published catalogue, newest
 * first), computed once for the whole archive. Related means sharing tags, a rarer tag weighing
 * more (inverse document frequency), the same section preferred ({@link SECTION_WEIGHT}); ties go
 * to the newer article, then by slug, so the result is the same on every build. An article is never related to itself, and only published articles
 * (those given) are ever chosen.
 */
export function relatedArticles(
  articles: readonly ArticleSummary[],
  count: number = RELATED_COUNT,
): Map<string, string[]> {
  // Articles by index (their place newest first), tags by number: the loops below touch only numbers.
  const tagIds = new Map<string, number>();
  const tagsOf = articles.map((article) => [
    ...new Set(
      article.tags.map((tag) => {
        const key = tagKey(tag);
        let id = tagIds.get(key);
        if (id === undefined) tagIds.set(key, (id = tagIds.size));
        return id;
      }),
    ),
  ]);
  const members: number[][] = Array.from({ length: tagIds.size }, () => []);
  tagsOf.forEach((ids, index) => ids.forEach((id) => members[id]!.push(index)));
  const weight = members.map((list) => Math.log(articles.length / list.length) + 1);
  const candidates = members.map((list) => list.slice(0, CANDIDATES_PER_TAG + 1));

  const sections = articles.map((article) =>
    article.section ? tagKey(article.section.name) : undefined,
  );
  const scores = new Float64Array(articles.length);
  const related = new Map<string, string[]>();
  tagsOf.forEach((ids, index) => {
    const touched: number[] = [];
    for (const id of ids) {
      for (const other of candidates[id]!) {
        if (other === index) continue;
        if (scores[other] === 0) {
          touched.push(other);
          if (sections[index] !== undefined && sections[other] === sections[index])
            scores[other]! += SECTION_WEIGHT;
        }
        scores[other]! += weight[id]!;
      }
    }
    // The best `count`: higher score first, then the newer (lower index).
    const best: number[] = [];
    for (const other of touched) {
      let at = best.length;
      while (
        at > 0 &&
        (scores[best[at - 1]!]! < scores[other]! ||
          (scores[best[at - 1]!] === scores[other] && best[at - 1]! > other))
      )
        at--;
      if (at < count) {
        best.splice(at, 0, other);
        if (best.length > count) best.pop();
      }
    }
    for (const other of touched) scores[other] = 0;
    related.set(
      articles[index]!.slug,
      best.map((other) => articles[other]!.slug),
    );
  });
  return related;
}
