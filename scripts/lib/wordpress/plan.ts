import { createHash } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { authoredYaml } from '../../../src/lib/frontmatter.ts';
import { zonedParts } from '../../../src/lib/dates.ts';
import {
  bodyToMarkdown,
  plainText,
  type Attachment,
  type BodyContext,
} from '../../../src/lib/wordpress/body.ts';
import {
  permalinkPath,
  postFate,
  postSlug,
  titleFromBody,
  titleText,
  wordpressTime,
} from '../../../src/lib/wordpress/posts.ts';
import type { WxrAuthor, WxrChannel, WxrItem, WxrTerm } from '../../../src/lib/wordpress/wxr.ts';
import {
  decodeURIComponentSafe,
  isBuildOwned,
  unsafePathReason,
} from '../../../src/lib/safe-path.ts';
import type { EmbedPolicy } from '../../../src/lib/safe-html.ts';
import type { ImportReport } from './report.ts';
import { redirectSourceSchema } from '../../../src/schemas/redirects.ts';
import { EDITIONS } from '../../../src/i18n/index.ts';
import { articlePath, EDITION_PAGES, pagePath, RETIRED_LATEST } from '../../../src/lib/routes.ts';
import { PUBLIC_DIR } from '../../../src/validation/content.ts';

/** A file the import will write: text, or a copy of a file (an upload, or a staged article). */
export type PlannedFile = { text: string } | { copyOf: string };

/** What the first reading of the export gathered: the site, its people, terms and attachments. */
export interface ExportIndex {
  channel: WxrChannel;
  authors: Map<string, WxrAuthor>;
  /** Each author's byline name, by login (`authorNames`). */
  authorNames: Map<string, string>;
  /** The permalink paths of every post of the export, as `permalinkPath` gives them. */
  permalinks: Set<string>;
  terms: WxrTerm[];
  attachments: Map<string, Attachment>;
}

/** How the import runs. */
export interface ImportOptions {
  /** A copy of `wp-content/uploads`, whose files are copied beside their articles. */
  uploads?: string;
  /**
   * A scratch folder the articles are written to as they are made, so an export of any size is
   * imported in bounded memory; they reach the content folder only once the whole export is read.
   */
  staging: string;
  /** The site's time zone, for WordPress's local times. */
  timeZone: string;
  policy: EmbedPolicy;
}

/** The section of a post filed under no category, as WordPress names it. */
export const UNCATEGORIZED = 'Uncategorized';

// Files of the new site's root a WordPress address may also name (`/index.html` on a site whose
// permalinks end in `.html`).
const SITE_FILES = /^\/(?:index|404)\.html$/i;

// The new site's own pages and the folders of its listings, in every edition: an old address
// among them (WordPress's `/search/` page, a post at `/tags/`) would collide with a live page.
const SITE_PAGES = EDITIONS.flatMap((edition) => [
  ...(Object.keys(EDITION_PAGES) as (keyof typeof EDITION_PAGES)[])
    .filter((page) => page !== 'front')
    .map((page) => pagePath(edition, page)),
  articlePath(edition, '').replace(/\/\/$/, '/'),
  ...(edition.prefix === '' ? [] : [`${edition.prefix}/`]),
]);

/** Builds the articles of an export, one post at a time, into `files` (paths under the content folder). */
export class ArticlePlanner {
  readonly files = new Map<string, PlannedFile>();
  readonly keys = new Set<string>();
  /** Image hosts that stay remote (no `--uploads`). */
  readonly remoteHosts = new Set<string>();
  /** Names used: authors by login, first categories (sections) and tags, by their names. */
  readonly usedAuthors = new Set<string>();
  readonly usedSections = new Set<string>();
  readonly usedTags = new Set<string>();
  /** Old addresses of the planned articles, redirected to them. */
  redirects = 0;
  /** Old addresses already given to a post: one address leads to one story. */
  private readonly claimed = new Set<string>();
  /** Categories and tags as posts name them, for exports that list none of their own. */
  readonly itemTerms = new Map<string, WxrTerm>();
  private readonly siteUrls: string[];
  /** The hosts of the old site's own addresses. */
  private readonly siteHosts: Set<string>;

  private readonly index: ExportIndex;
  private readonly options: ImportOptions;
  private readonly report: ImportReport;

  constructor(index: ExportIndex, options: ImportOptions, report: ImportReport) {
    this.index = index;
    this.options = options;
    this.report = report;
    const { link, baseSiteUrl, baseBlogUrl } = index.channel;
    this.siteUrls = [link, baseSiteUrl, baseBlogUrl].filter((url) => url !== '');
    this.siteHosts = new Set(
      this.siteUrls.flatMap((site) => {
        const url = parseUrl(site);
        return url ? [url.host] : [];
      }),
    );
  }

  /**
   * The address an image gets: a copy beside the article (with `--uploads`), else its https URL;
   * undefined when it has none a reader could load (empty, `data:`, not a URL), which is reported.
   */
  private imageFor(folder: string, slug: string, raw: string, title: string): string | undefined {
    const site = this.siteUrls[0];
    const address = raw.trim() === '' ? undefined : parseUrl(raw.trim(), site);
    if (!address || !/^https?:$/.test(address.protocol)) {
      this.report.note(
        title,
        `an image without an address a reader can load ("${raw.slice(0, 60)}") was left out`,
      );
      return undefined;
    }
    const upload = this.uploadPath(address);
    if (upload !== undefined && this.options.uploads) {
      const source = join(this.options.uploads, upload);
      if (existsSync(source) && statSync(source).isFile() && PHOTO_FILE.test(source)) {
        return `./${this.copyName(folder, slug, upload, source)}`;
      }
      this.report.note(
        title,
        existsSync(source)
          ? `the upload ${upload} is not a photo the site resizes; its address is kept`
          : `the upload ${upload} is not in --uploads; its address is kept`,
      );
    }
    address.protocol = 'https:';
    this.remoteHosts.add(address.host);
    return address.href;
  }

  /** A copy's name beside its article: `<slug>-<file>`, told apart when two uploads share it. */
  private copyName(folder: string, slug: string, upload: string, source: string): string {
    let name = `${slug}-${basename(upload)}`.replace(/[^\w.-]/g, '-');
    const taken = (candidate: string) => {
      const file = this.files.get(`${folder}/${candidate}`);
      return file !== undefined && !('copyOf' in file && file.copyOf === source);
    };
    if (taken(name)) {
      const digest = createHash('sha256').update(upload).digest('hex').slice(0, 8);
      name = name.replace(/(\.[a-z0-9]+)?$/i, (extension) => `-${digest}${extension}`);
    }
    this.files.set(`${folder}/${name}`, { copyOf: source });
    return name;
  }

  /** The path under `wp-content/uploads/` of an address on the old site, if it is one. */
  private uploadPath(address: URL): string | undefined {
    if (!this.siteHosts.has(address.host)) return undefined;
    const match = /\/wp-content\/uploads\/(.+)$/.exec(address.pathname);
    if (!match) return undefined;
    const path = decodeURIComponentSafe(match[1]!);
    return path.split('/').some((segment) => segment === '..' || segment === '' || segment === '.')
      ? undefined
      : path;
  }

  /** Plans one `post` item: its article (and photos), or why it is not imported. */
  add(item: WxrItem): void {
    const fate = postFate(item);
    if (fate.kind === 'skipped') {
      this.report.skip(item, fate.reason);
      return;
    }
    const body = item.content;
    let title = titleText(item.title);
    if (title === '') {
      title = titleFromBody(plainText(body), item.id);
      this.report.note(title, 'had no title; it was made from the first words');
    }
    const date =
      wordpressTime(item.dateGmt, item.date, this.options.timeZone) ??
      wordpressTime(item.modifiedGmt, item.modified, this.options.timeZone);
    if (!date) {
      this.report.skip(item, 'it has no date');
      return;
    }
    const { year, month } = zonedParts(date, this.options.timeZone);
    const folder = `articles/${year}/${String(month).padStart(2, '0')}`;
    let slug = postSlug(item, title);
    const wanted = slug;
    for (let n = 2; this.keys.has(slug); n++)
      slug = n === 2 ? `${wanted}-${item.id}` : `${wanted}-${item.id}-${n}`;
    if (slug !== wanted)
      this.report.note(title, `its slug "${wanted}" is taken; it is published as "${slug}"`);
    this.keys.add(slug);

    const image = (url: string) => this.imageFor(folder, slug, url, title);
    const context: BodyContext = {
      attachments: this.index.attachments,
      postId: item.id,
      policy: this.options.policy,
      image,
    };
    const converted = bodyToMarkdown(body, context);
    for (const removed of converted.removed) this.report.removed(title, removed);
    for (const code of converted.shortcodes) this.report.shortcode(title, code);
    let draft = fate.kind === 'draft';
    if (converted.markdown === '' && !draft) {
      draft = true;
      this.report.note(title, 'has no body; it was imported as a draft');
    }

    // Names as readers see them: WordPress stores `Arts &amp; Culture`.
    for (const term of item.terms) {
      const kind =
        term.domain === 'category'
          ? 'category'
          : term.domain === 'post_tag'
            ? 'post_tag'
            : undefined;
      const name = titleText(term.name);
      if (kind && name !== '' && !this.itemTerms.has(`${kind}:${name}`))
        this.itemTerms.set(`${kind}:${name}`, {
          kind,
          slug: term.slug,
          name,
          parent: '',
          description: '',
        });
    }
    const categories = item.terms
      .filter((term) => term.domain === 'category')
      .map((term) => titleText(term.name))
      .filter((name) => name !== '');
    const section = categories[0] ?? UNCATEGORIZED;
    const tags = [
      ...new Set([
        ...categories.slice(1),
        ...item.terms
          .filter((term) => term.domain === 'post_tag')
          .map((term) => titleText(term.name)),
      ]),
    ].filter((tag) => tag.trim() !== '');
    if (tags.length === 0) tags.push(section);
    this.usedSections.add(section);
    for (const tag of tags) this.usedTags.add(tag);
    const login = authorLogin(item.creator);
    const byline = this.index.authorNames.get(login) ?? login;
    if (byline) this.usedAuthors.add(login);

    const modified = wordpressTime(item.modifiedGmt, item.modified, this.options.timeZone);
    const thumbnail = this.index.attachments.get(item.meta.get('_thumbnail_id') ?? '');
    const lead = thumbnail ? image(thumbnail.url) : undefined;
    const leadCaption = thumbnail ? plainText(thumbnail.caption) : '';
    const newPath = `/articles/${slug}/`;
    const redirects = this.redirectsOf(item, title, newPath);
    this.redirects += redirects.length;
    const frontmatter: Record<string, unknown> = {
      title,
      date: date.toISOString(),
      ...(modified && modified.getTime() - date.getTime() >= 60_000 && !draft
        ? { updated: modified.toISOString() }
        : {}),
      ...(plainText(item.excerpt) ? { summary: plainText(item.excerpt) } : {}),
      tags,
      ...(byline ? { authors: [byline] } : {}),
      section,
      ...(thumbnail && lead
        ? {
            image: lead,
            imageAlt: thumbnail.alt || thumbnail.title || title,
            ...(leadCaption ? { imageCaption: leadCaption } : {}),
          }
        : {}),
      ...(item.sticky ? { featured: true } : {}),
      ...(draft ? { draft: true } : {}),
      ...(redirects.length > 0 ? { redirectFrom: redirects } : {}),
    };
    this.report.imported(
      fate.kind === 'scheduled' && !draft ? 'scheduled' : draft ? 'draft' : 'published',
      item.comments,
    );
    const staged = join(this.options.staging, `${this.files.size}.md`);
    writeFileSync(
      staged,
      `---\n${authoredYaml(frontmatter, ['tags', 'authors'])}---\n\n${converted.markdown}\n`,
    );
    this.files.set(`${folder}/${slug}.md`, { copyOf: staged });
  }

  /**
   * The old addresses of a post: its permalink, the permalinks of its old slugs, and its shortlink
   * (`/?p=<id>`, served through `/p/<id>/`: see `redirectsFile`).
   */
  private redirectsOf(item: WxrItem, title: string, newPath: string): string[] {
    const paths: string[] = [`/p/${item.id}/`];
    const permalink = permalinkPath(item.link, this.siteUrls);
    if (permalink) {
      paths.push(permalink);
      const current = decodeURIComponentSafe(item.slug);
      const oldSlug = item.meta.get('_wp_old_slug');
      if (oldSlug && current && permalink.includes(`/${current}`))
        paths.push(permalink.replace(`/${current}`, `/${decodeURIComponentSafe(oldSlug)}`));
    }
    return [...new Set(paths)].filter((path) => {
      const normal = path.endsWith('/') || /\.[a-z0-9]+$/i.test(path) ? path : `${path}/`;
      if (normal === newPath) return false;
      const reason =
        unsafePathReason(path) ??
        (redirectSourceSchema.safeParse(path).success
          ? undefined
          : 'has characters an old address may not (spaces, `?`, `#`)') ??
        // WordPress's category and tag archives redirect to their sections and tags.
        (/^\/(?:category|tag)\//.test(normal) ? 'is a category or tag archive' : undefined) ??
        (isBuildOwned(path) ||
        SITE_PAGES.some((page) => normal.startsWith(page)) ||
        SITE_FILES.test(normal) ||
        RETIRED_LATEST.test(normal) ||
        existsSync(join(PUBLIC_DIR, normal))
          ? 'is a page of the new site'
          : this.index.permalinks.has(normal) && normal !== permalink
            ? "is another post's address"
            : this.claimed.has(normal)
              ? 'is already an old address of another post'
              : undefined);
      if (reason) this.report.note(title, `its old address ${path} cannot redirect: it ${reason}`);
      else this.claimed.add(normal);
      return reason === undefined;
    });
  }
}

/**
 * An author's login as an item names it (`dc:creator`): characters WordPress never allows in a
 * login (a stray `>` from a hand-edited export) dropped.
 */
export function authorLogin(creator: string): string {
  return creator.replace(/[^\p{L}\p{N} _.@-]/gu, '').trim();
}

/** A URL, resolved against `base` when relative; undefined when it is none. */
function parseUrl(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/** Photos the site resizes, and so copies beside their articles; a drawing (SVG) stays remote. */
const PHOTO_FILE = /\.(?:png|jpe?g|gif|webp|avif)$/i;
