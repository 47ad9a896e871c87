import { Document, isSeq } from 'yaml';
import type { ArticleFrontmatterInput } from '../schemas/article.ts';
import { toSlug } from './slug.ts';

/** What `npm run new` asks for. */
export interface NewArticle {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  tags: string[];
  draft: boolean;
}

/** Where a new article goes under the articles folder: `YYYY/MM/<slug>.md`, the slug from the title. */
export function newArticlePath(article: Pick<NewArticle, 'title' | 'date'>): {
  slug: string;
  path: string;
} {
  const slug = toSlug(article.title);
  const [year, month] = article.date.split('-');
  return { slug, path: `${year}/${month}/${slug}.md` };
}

/** A new article's text: frontmatter with the given fields (`draft` only when true) and an empty body. */
export function newArticleSource({ title, date, tags, draft }: NewArticle): string {
  const frontmatter: ArticleFrontmatterInput = {
    title,
    date,
    tags,
    ...(draft ? { draft: true } : {}),
  };
  const document = new Document(frontmatter);
  // `tags: [CSTO, Kazakhstan]`, the way authors write them.
  const list = document.get('tags', true);
  if (isSeq(list)) list.flow = true;
  return `---\n${document.toString({ flowCollectionPadding: false })}---\n\n`;
}
