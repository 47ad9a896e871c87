import { EDITIONS } from '../i18n/index.ts';
import { splitArticleKey } from '../lib/editions.ts';
import { suggest, type Problem } from '../lib/problems.ts';
import { articleLinkTarget, localImage, type BodyReference } from '../lib/references.ts';
import { articlePath } from '../lib/routes.ts';
import type { CheckedArticle } from './article.ts';
import { locateField } from './issues.ts';

/** How the link and image checks find files: paths relative to the public folder, or as reported. */
export interface ReferenceContext {
  /** The site's origin, so absolute links to it count as internal. */
  siteUrl: string;
  /** The build's "now": links to articles not yet published are flagged. */
  now: Date;
  /** Whether `path` (under the public folder, without a leading `/`) exists. */
  publicFileExists: (path: string) => boolean;
  /** Whether a file exists at `path`, a path of the same form as the articles' `file`. */
  fileExists: (path: string) => boolean;
  /**
   * Why an image beside the articles (a path as reported) cannot be published, or undefined: it
   * must lie inside the articles folder and be the picture its name says.
   */
  relativeImageProblem?: (path: string) => string | undefined;
}

/**
 * Links between articles that point nowhere (unknown slug, missing file, a draft), links to an
 * old slug (a warning: the redirect works, a direct link is better), and images that do not exist,
 * in the body and in the `image` field.
 */
/** What is wrong with a local image beyond its absence: a bad escape, a place outside, not a picture. */
function imageProblem(
  image: ReturnType<typeof localImage>,
  context: ReferenceContext,
): string | undefined {
  if (image?.kind === 'invalid')
    return 'is not a valid address: a `%` is not followed by two hex digits';
  if (image?.kind === 'outside')
    return 'leads out of public/ (`..` above the site root); name a file under public/';
  if (image?.kind === 'relative' && context.fileExists(image.path))
    return context.relativeImageProblem?.(image.path);
  return undefined;
}

export function checkReferences(
  articles: readonly CheckedArticle[],
  context: ReferenceContext,
): Problem[] {
  const bySlug = new Map(articles.map((article) => [article.key, article]));
  const pathOf = (key: string) => {
    const { edition, slug } = splitArticleKey(key, EDITIONS);
    return articlePath(edition, slug);
  };
  const byFile = new Map(articles.map((article) => [article.file.split('\\').join('/'), article]));
  const movedTo = new Map<string, string>();
  for (const article of articles) {
    for (const source of article.data?.redirectFrom ?? [])
      if (!source.startsWith('/')) movedTo.set(article.key.replace(/[^/]+$/, source), article.key);
  }
  const slugs = [...bySlug.keys()];
  const problems: Problem[] = [];
  for (const article of articles) {
    const file = article.file.split('\\').join('/');
    const at = (reference: BodyReference) => ({
      file: article.file,
      line: reference.line,
      column: reference.column,
      field: 'body',
    });
    for (const reference of article.references) {
      if (reference.kind === 'image') {
        const image = localImage(reference.url, file);
        const problem = imageProblem(image, context);
        if (problem) {
          problems.push({
            ...at(reference),
            message: `image ${reference.url} ${problem}`,
            severity: 'error',
          });
        } else if (
          image &&
          !(image.kind === 'public'
            ? context.publicFileExists(image.path)
            : context.fileExists(image.path))
        ) {
          problems.push({
            ...at(reference),
            message: `image ${reference.url} does not exist${image.kind === 'public' ? ' in public/' : ''}`,
            severity: 'error',
          });
        } else if (reference.alt !== undefined && reference.alt.trim() === '') {
          problems.push({
            ...at(reference),
            message: `image ${reference.url} has no alt text; describe it for readers who cannot see it`,
            severity: 'warning',
          });
        }
        continue;
      }
      const link = articleLinkTarget(reference.url, file, context.siteUrl);
      if (!link) continue;
      const target = link.kind === 'slug' ? bySlug.get(link.slug) : byFile.get(link.path);
      if (!target) {
        const moved = link.kind === 'slug' ? movedTo.get(link.slug) : undefined;
        if (moved) {
          problems.push({
            ...at(reference),
            message: `link to ${reference.url}: that article moved to ${pathOf(moved)}; link there directly`,
            severity: 'warning',
          });
          continue;
        }
        const near = link.kind === 'slug' ? suggest(link.slug, slugs) : undefined;
        const what =
          link.kind === 'slug'
            ? `no article has the slug "${link.slug}"`
            : `no article file at ${link.path}`;
        problems.push({
          ...at(reference),
          message: `link to ${reference.url} points nowhere: ${what}${near ? `; did you mean ${pathOf(near)}?` : ''}`,
          severity: 'error',
        });
        continue;
      }
      if (!target.data || !article.data || article.data.draft) continue;
      if (target.data.draft) {
        problems.push({
          ...at(reference),
          message: `link to ${reference.url} points to a draft (${target.file}), which is never published`,
          severity: 'error',
        });
      } else if (target.data.date > article.data.date && target.data.date > context.now) {
        problems.push({
          ...at(reference),
          message: `link to ${reference.url} points to an article scheduled for ${target.data.date.toISOString()}, after this one; the link is broken until then`,
          severity: 'warning',
        });
      }
    }
    const image = article.data?.image;
    const local = image === undefined ? undefined : localImage(image, file);
    const problem = imageProblem(local, context);
    if (image !== undefined && problem) {
      problems.push({
        file: article.file,
        ...locateField(article, ['image']),
        field: 'image',
        message: `${image} ${problem}`,
        severity: 'error',
      });
    } else if (
      image !== undefined &&
      local &&
      !(local.kind === 'public'
        ? context.publicFileExists(local.path)
        : context.fileExists(local.path))
    ) {
      problems.push({
        file: article.file,
        ...locateField(article, ['image']),
        field: 'image',
        message: `${image} does not exist${local.kind === 'public' ? ' in public/' : ''}`,
        severity: 'error',
      });
    }
  }
  return problems;
}
