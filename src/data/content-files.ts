import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { within } from '../lib/safe-path.ts';

/** A file of the content folder that is not used, and why. */
export interface RefusedFile {
  /** The path as found, absolute. */
  path: string;
  message: string;
}

/** What a walk of a content folder found. */
export interface ContentFiles {
  /** Absolute paths of the article files, in a stable order. */
  articles: string[];
  /** Absolute paths of the SVG images, in a stable order. */
  svgs: string[];
  /** Entries that are not read: links leading outside the content folder, and unreadable entries. */
  refused: RefusedFile[];
}

const ARTICLE = /\.mdx?$/;
const SVG = /\.svg$/i;

/** The folder of a content folder that holds the articles (and the photos beside them). */
export function articlesFolder(contentDir: string): string {
  return join(contentDir, 'articles');
}

/**
 * Every article (`.md`, `.mdx`) and SVG file under `<contentDir>/articles`, at any depth, hidden
 * names left out: the one
 * list both validation and Astro's loader read, so neither can see a file the other does not.
 * A symbolic link is followed only when its target lies inside the content folder; one that
 * leads outside it (or nowhere) is refused, never read, since a link can publish any file the
 * build machine can read.
 */
export function listContentFiles(contentDir: string): ContentFiles {
  const root = articlesFolder(contentDir);
  const found: ContentFiles = { articles: [], svgs: [], refused: [] };
  let realContent: string;
  try {
    realContent = realpathSync(contentDir);
    // The articles folder itself may not lead elsewhere either.
    if (!within(realContent, realpathSync(root))) {
      found.refused.push({
        path: root,
        message: 'the articles folder leads outside the content folder',
      });
      return found;
    }
  } catch {
    return found;
  }
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    // A link back to a folder already walked would loop for ever.
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of readdirSync(dir).sort()) {
      // Hidden files are editors' and tools' (`.#draft.md`), never articles.
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let isDirectory: boolean;
      try {
        const entry = lstatSync(path);
        if (entry.isSymbolicLink()) {
          if (!within(realContent, realpathSync(path))) {
            found.refused.push({
              path,
              message: 'symbolic link leads outside the content folder; copy the file in instead',
            });
            continue;
          }
          isDirectory = statSync(path).isDirectory();
        } else {
          isDirectory = entry.isDirectory();
        }
      } catch {
        found.refused.push({
          path,
          message: 'symbolic link leads nowhere, or the entry could not be read',
        });
        continue;
      }
      if (isDirectory) walk(path);
      else if (ARTICLE.test(name)) found.articles.push(path);
      else if (SVG.test(name)) found.svgs.push(path);
    }
  };
  walk(root);
  return found;
}
