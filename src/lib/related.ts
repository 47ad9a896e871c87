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

// A tag's weight is an inverse document frequency against this fixed number of stories, larger
// than any archive, rather than the archive's size: it depends on the tag's own count alone, so a
// story added under other tags reorders no list.
const WEIGHT_SCALE = 1_000_000;

// Candidates per tag: the articles of each of an article's tags nearest it in time, this many on
// either side. A tag on thousands of articles weighs little anyway, and this keeps the whole
// computation linear in the archive; a window around the article, rather than the tag's newest,
// means a new story never pushes an old article's candidates out.
const CANDIDATES_EACH_SIDE = 100;

/**
 * Up to `count` related articles for every article of `articles` (the published catalogue, newest
 * first), computed once for the whole archive. Related means sharing tags, a rarer tag weighing
 * more (inverse document frequency), the same section preferred ({@link SECTION_WEIGHT}); ties go
 * to the article nearer in time, then to the newer, so the result is the same on every build and
 * a new story enters an old article's list only by relating better than what it holds: the day's
 * new stories leave old pages as they were. An article is never related to itself, and only
 * published articles (those given) are ever chosen.
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
  // Where each article stands in each of its tags' lists, in the order of `tagsOf`.
  const places = tagsOf.map((ids, index) => ids.map((id) => members[id]!.push(index) - 1));
  const weight = members.map((list) => Math.max(1, Math.log(WEIGHT_SCALE / list.length) + 1));

  const sections = articles.map((article) =>
    article.section ? tagKey(article.section.name) : undefined,
  );
  const scores = new Float64Array(articles.length);
  const related = new Map<string, string[]>();
  tagsOf.forEach((ids, index) => {
    const touched: number[] = [];
    for (const [k, id] of ids.entries()) {
      const place = places[index]![k]!;
      const list = members[id]!;
      const to = Math.min(list.length, place + CANDIDATES_EACH_SIDE + 1);
      for (let at = Math.max(0, place - CANDIDATES_EACH_SIDE); at < to; at++) {
        const other = list[at]!;
        if (other === index) continue;
        if (scores[other] === 0) {
          touched.push(other);
          if (sections[index] !== undefined && sections[other] === sections[index])
            scores[other]! += SECTION_WEIGHT;
        }
        scores[other]! += weight[id]!;
      }
    }
    // The best `count`: higher score first, then the nearer in time, then the newer (lower index).
    const before = (a: number, b: number) =>
      scores[a]! > scores[b]! ||
      (scores[a] === scores[b] &&
        (Math.abs(a - index) < Math.abs(b - index) ||
          (Math.abs(a - index) === Math.abs(b - index) && a < b)));
    const best: number[] = [];
    for (const other of touched) {
      let at = best.length;
      while (at > 0 && before(other, best[at - 1]!)) at--;
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
