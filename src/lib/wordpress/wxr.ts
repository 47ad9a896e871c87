import { createReadStream } from 'node:fs';
import sax from 'sax';

/** The WXR versions Khabar reads: what WordPress's Tools → Export and `wp export` have written. */
export const WXR_VERSIONS = ['1.0', '1.1', '1.2'] as const;

/** What an export says of the site it came from. */
export interface WxrChannel {
  title: string;
  /** The site's address (`<link>`). */
  link: string;
  /** `wp:base_site_url`: where WordPress itself is installed. */
  baseSiteUrl: string;
  /** `wp:base_blog_url`: the blog's root address. */
  baseBlogUrl: string;
  /** `wp:wxr_version`. */
  version: string;
  language: string;
}

/** A `wp:author` of the export. */
export interface WxrAuthor {
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

/** A category (`wp:category`) or tag (`wp:tag`) defined by the export, in its order. */
export interface WxrTerm {
  kind: 'category' | 'post_tag';
  slug: string;
  name: string;
  /** The parent category's slug, if any. */
  parent: string;
  description: string;
}

/** One `<item>`: a post, page, attachment, menu item or other post type. */
export interface WxrItem {
  id: string;
  title: string;
  /** The permalink as the site published it. */
  link: string;
  /** The author's login (`dc:creator`). */
  creator: string;
  /** `content:encoded`: the body as WordPress stores it. */
  content: string;
  /** `excerpt:encoded`. */
  excerpt: string;
  /** `wp:post_date`: site-local time, `YYYY-MM-DD HH:MM:SS`. */
  date: string;
  /** `wp:post_date_gmt`; `0000-00-00 00:00:00` for drafts never scheduled. */
  dateGmt: string;
  modified: string;
  modifiedGmt: string;
  /** `wp:post_name`, percent-encoded as WordPress stores non-Latin slugs. */
  slug: string;
  status: string;
  type: string;
  parent: string;
  password: string;
  sticky: boolean;
  /** `wp:attachment_url`, for attachments. */
  attachmentUrl: string;
  /** Categories and tags, in the item's order: `domain` is `category` or `post_tag`. */
  terms: { domain: string; slug: string; name: string }[];
  /** `wp:postmeta`, by key (the first value of each). */
  meta: Map<string, string>;
  /** How many `wp:comment` the item has. */
  comments: number;
}

/** What the export reader calls, in document order. */
export interface WxrHandlers {
  channel?: (channel: WxrChannel) => void;
  author?: (author: WxrAuthor) => void;
  term?: (term: WxrTerm) => void;
  item?: (item: WxrItem) => void;
}

const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Why an export cannot be read: not WXR, malformed or truncated XML, an unknown version. */
export class WxrError extends Error {}

const emptyItem = (): WxrItem => ({
  id: '',
  title: '',
  link: '',
  creator: '',
  content: '',
  excerpt: '',
  date: '',
  dateGmt: '',
  modified: '',
  modifiedGmt: '',
  slug: '',
  status: '',
  type: '',
  parent: '',
  password: '',
  sticky: false,
  attachmentUrl: '',
  terms: [],
  meta: new Map(),
  comments: 0,
});

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'id',
  'wp:post_date': 'date',
  'wp:post_date_gmt': 'dateGmt',
  'wp:post_modified': 'modified',
  'wp:post_modified_gmt': 'modifiedGmt',
  'wp:post_name': 'slug',
  'wp:status': 'status',
  'wp:post_type': 'type',
  'wp:post_parent': 'parent',
  'wp:post_password': 'password',
  'wp:attachment_url': 'attachmentUrl',
};

/**
 * Reads a WordPress export file as a stream: only the element being read is held in memory, so
 * an export of any size is read in bounded memory. Handlers are called in document order.
 * @throws WxrError when the file is not WXR, is malformed or truncated XML, or has a WXR version
 * Khabar does not know; the message names the line.
 */
export async function readWxr(path: string, handlers: WxrHandlers): Promise<WxrChannel> {
  const parser = sax.parser(true, { trim: false, normalize: false });
  const stack: string[] = [];
  let text = '';
  const channel: WxrChannel = {
    title: '',
    link: '',
    baseSiteUrl: '',
    baseBlogUrl: '',
    version: '',
    language: '',
  };
  let channelSent = false;
  let author: Record<string, string> | undefined;
  let term: Record<string, string> | undefined;
  let item: WxrItem | undefined;
  let itemTerm: { domain: string; slug: string } | undefined;
  let meta: { key: string; value: string } | undefined;
  let failure: WxrError | undefined;

  const fail = (message: string) => {
    failure ??= new WxrError(`line ${parser.line + 1}: ${message}`);
  };
  const sendChannel = () => {
    if (channelSent) return;
    channelSent = true;
    if (channel.version === '')
      fail('not a WordPress export: the channel has no wp:wxr_version before its first item');
    else handlers.channel?.(channel);
  };

  parser.onerror = (error) => {
    fail(`not well-formed XML (${error.message.split('\n')[0]})`);
    // Reading stops at the first error; clearing it keeps sax from throwing mid-chunk.
    (parser as { error: Error | null }).error = null;
  };
  parser.onopentag = (node) => {
    const name = node.name;
    if (stack.length === 0 && name !== 'rss')
      fail(`not a WordPress export: the document is <${name}>, not <rss>`);
    stack.push(name);
    text = '';
    const parentName = stack[stack.length - 2];
    if (parentName === 'channel') {
      if (name === 'wp:author') author = {};
      else if (name === 'wp:category' || name === 'wp:tag' || name === 'wp:term') term = {};
      else if (name === 'item') {
        sendChannel();
        item = emptyItem();
      }
    }
    if (item && parentName === 'item' && name === 'category') {
      const attributes = node.attributes as Record<string, string>;
      itemTerm = { domain: attributes.domain ?? '', slug: attributes.nicename ?? '' };
    }
    if (item && name === 'wp:postmeta') meta = { key: '', value: '' };
  };
  // Characters XML 1.0 forbids, which WordPress lets through from pasted text (a control
  // character from a word processor): dropped, as no page, feed or sitemap may carry them.
  const append = (chunk: string) => {
    text += chunk.replace(FORBIDDEN, '');
  };
  parser.ontext = append;
  parser.oncdata = append;
  parser.onclosetag = (name) => {
    const parentName = stack[stack.length - 2];
    const value = text;
    text = '';
    if (parentName === 'channel') {
      if (name === 'title') channel.title = value.trim();
      else if (name === 'link') channel.link = value.trim();
      else if (name === 'language') channel.language = value.trim();
      else if (name === 'wp:base_site_url') channel.baseSiteUrl = value.trim();
      else if (name === 'wp:base_blog_url') channel.baseBlogUrl = value.trim();
      else if (name === 'wp:wxr_version') {
        channel.version = value.trim();
        if (!(WXR_VERSIONS as readonly string[]).includes(channel.version))
          fail(
            `WXR version "${channel.version}" is not one Khabar reads (${WXR_VERSIONS.join(', ')})`,
          );
      } else if (name === 'wp:author' && author) {
        handlers.author?.({
          id: author['wp:author_id'] ?? '',
          login: author['wp:author_login'] ?? '',
          email: author['wp:author_email'] ?? '',
          displayName: author['wp:author_display_name'] ?? '',
          firstName: author['wp:author_first_name'] ?? '',
          lastName: author['wp:author_last_name'] ?? '',
        });
        author = undefined;
      } else if ((name === 'wp:category' || name === 'wp:tag' || name === 'wp:term') && term) {
        const taxonomy =
          name === 'wp:category'
            ? 'category'
            : name === 'wp:tag'
              ? 'post_tag'
              : (term['wp:term_taxonomy'] ?? '');
        if (taxonomy === 'category' || taxonomy === 'post_tag')
          handlers.term?.({
            kind: taxonomy,
            slug: term['wp:category_nicename'] ?? term['wp:tag_slug'] ?? term['wp:term_slug'] ?? '',
            name: term['wp:cat_name'] ?? term['wp:tag_name'] ?? term['wp:term_name'] ?? '',
            parent: term['wp:category_parent'] ?? term['wp:term_parent'] ?? '',
            description:
              term['wp:category_description'] ??
              term['wp:tag_description'] ??
              term['wp:term_description'] ??
              '',
          });
        term = undefined;
      } else if (name === 'item' && item) {
        if (!failure) handlers.item?.(item);
        item = undefined;
      }
    } else if (parentName === 'wp:author' && author) author[name] = value.trim();
    else if (
      (parentName === 'wp:category' || parentName === 'wp:tag' || parentName === 'wp:term') &&
      term
    )
      term[name] = value.trim();
    else if (parentName === 'item' && item) {
      const field = ITEM_FIELDS[name];
      if (field) (item as unknown as Record<string, string>)[field] = value;
      else if (name === 'wp:is_sticky') item.sticky = value.trim() === '1';
      else if (name === 'wp:comment') item.comments += 1;
      else if (name === 'category' && itemTerm) {
        item.terms.push({ ...itemTerm, name: value.trim() });
        itemTerm = undefined;
      } else if (name === 'wp:postmeta' && meta) {
        if (meta.key !== '' && !item.meta.has(meta.key)) item.meta.set(meta.key, meta.value);
        meta = undefined;
      }
    } else if (parentName === 'wp:postmeta' && meta) {
      if (name === 'wp:meta_key') meta.key = value.trim();
      else if (name === 'wp:meta_value') meta.value = value;
    }
    stack.pop();
  };

  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      if (failure) break;
    }
  } catch (error) {
    // The file could not be read (a folder, no permission); a handler's own error is its own.
    if ((error as NodeJS.ErrnoException).code) throw new WxrError((error as Error).message);
    throw error;
  } finally {
    stream.destroy();
  }
  if (!failure) {
    if (stack.length > 0)
      fail(`the file ends inside <${stack.at(-1)}>: it is truncated or not well-formed`);
    else parser.close();
  }
  if (!failure && stack.length === 0 && !channelSent) sendChannel();
  if (!failure && channel.version === '')
    fail('not a WordPress export: no wp:wxr_version in the channel');
  if (failure) throw failure;
  return channel;
}
