import { articleTags, type ArticleSummary } from './catalog.ts';
import { articlePath } from './routes.ts';
import type { Tag } from './tags.ts';

/** One RSS item, in the shape @astrojs/rss takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/** The RSS item of an article: the summary, or the excerpt when there is none. */
export function feedItem(article: ArticleSummary, tags: ReadonlyMap<string, Tag>): FeedItem {
  return {
    title: article.title,
    link: articlePath(article.slug),
    pubDate: article.date,
    description: article.summary ?? article.excerpt,
    categories: articleTags(article, tags).map((tag) => tag.name),
  };
}
