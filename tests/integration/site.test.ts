import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALPHA, HOSTILE_TITLE, LONG_PLAIN_WORDS, PUBLISHED_COUNT } from '../fixtures/newsroom.ts';
import { newsroomSite } from '../shared-site.ts';
import { listFiles, page, pageSource, shownPage, text, type BuildResult } from '../helpers/site.ts';
import { readFile } from 'node:fs/promises';

let out: string;
let build: BuildResult;

beforeAll(async () => {
  ({ out, build } = await newsroomSite());
});

const counter = async (path: string) => text((await page(out, path)).querySelector('.counter'));
const listed = async (path: string) =>
  (await page(out, path))
    .querySelectorAll('.article-list h2 a')
    .map((a) => ({ title: text(a), href: a.getAttribute('href') }));

describe('tag pages', () => {
  it.each([
    ['/tags/alpha/', 'Viewing results 1 - 6 of 14'],
    // The older stories, twenty a page counted from the oldest, so a page stays as it is when
    // stories arrive; it shows its stories' dates, never totals.
    ['/tags/alpha/2/', 'Stories from 5 January 2025 to 25 May 2025'],
  ])('%s counts %s', async (path, expected) => expect(await counter(path)).toBe(expected));

  it('names an older page by its dates', async () => {
    expect(text((await page(out, '/tags/alpha/2/')).querySelector('title'))).toMatch(
      /^Alpha \(5 January 2025 – 25 May 2025\)/,
    );
  });

  it('shows the excerpts on the first page and teasers on the older one', async () => {
    const excerpts = async (path: string) =>
      (await page(out, path)).querySelectorAll('.excerpt').map(text);
    expect(await excerpts('/tags/alpha/')).toHaveLength(6);
    expect(await excerpts('/tags/alpha/2/')).toHaveLength(8);
  });

  it('has no page past the last', async () => {
    const files = await listFiles(out);
    expect(
      files.filter((file) => file.startsWith('tags/alpha/') && file.endsWith('.html')),
    ).toEqual(['tags/alpha/2/index.html', 'tags/alpha/index.html']);
  });

  it('lists newest first across pages, each title linking to its article', async () => {
    const all = [...(await listed('/tags/alpha/')), ...(await listed('/tags/alpha/2/'))];
    const expected = [...ALPHA]
      .reverse()
      .map(({ slug, title }) => ({ title, href: `/articles/${slug}/` }));
    expect(all).toEqual(expected);
    const files = new Set(await listFiles(out));
    for (const { href } of all) expect(files.has(`${href!.slice(1)}index.html`)).toBe(true);
  });

  it('links the pager to newer and older stories', async () => {
    const links = async (path: string) =>
      (await page(out, path))
        .querySelectorAll('nav.pager a')
        .map((a) => [text(a), a.getAttribute('href')]);
    expect(await links('/tags/alpha/')).toEqual([['Older stories', '/tags/alpha/2/']]);
    expect(await links('/tags/alpha/2/')).toEqual([['Newer stories', '/tags/alpha/']]);
  });

  it('merges case variants of a tag and shows the most common spelling', async () => {
    expect(text((await page(out, '/tags/alpha/')).querySelector('h1'))).toBe('Alpha');
    const index = await page(out, '/tags/');
    const items = index.querySelectorAll('.tag-index li').map(text);
    expect(items).toContain('Alpha (14)');
    expect(items.filter((item) => /^alpha/i.test(item))).toHaveLength(1);
  });

  it('gives a Cyrillic tag a transliterated slug', async () => {
    expect(text((await page(out, '/tags/odkb/')).querySelector('h1'))).toBe('ОДКБ');
  });

  it('shows only a teaser of 40 words on the other listings', async () => {
    const latest = (await listFiles(out)).filter((file) =>
      /^latest\/(\d+\/)?index\.html$/.test(file),
    );
    const excerpts = (
      await Promise.all(
        latest.map(async (file) =>
          (await page(out, `/${file.replace('index.html', '')}`))
            .querySelectorAll('.excerpt')
            .map(text),
        ),
      )
    ).flat();
    const long = excerpts.find((excerpt) => excerpt.startsWith(`${LONG_PLAIN_WORDS[0]} `));
    expect(long).toBe(`${LONG_PLAIN_WORDS.slice(0, 40).join(' ')}...`);
  });

  it('shows a 500-word excerpt ending in ... for a long article, and whole text for a short one', async () => {
    const longExcerpt = text((await page(out, '/tags/longform/')).querySelector('.excerpt'));
    expect(longExcerpt).toBe(`${LONG_PLAIN_WORDS.slice(0, 500).join(' ')}...`);
    const short = (await page(out, '/tags/alpha/')).querySelectorAll('.excerpt').map(text);
    expect(short[0]).toBe('Alpha body 14 with a link and emphasis.');
  });
});

describe('home and archives', () => {
  it('paginates the latest articles under /latest/, twenty teasers a page', async () => {
    expect(PUBLISHED_COUNT).toBe(21);
    expect(await counter('/latest/')).toBe('Viewing results 1 - 20 of 21');
    // The oldest story on page 2, which counts from the oldest.
    expect((await listed('/latest/2/')).map(({ title }) => title)).toEqual([
      'Alpha story number 1',
    ]);
    expect(await counter('/latest/2/')).toBe('Stories of 5 January 2025');
    expect((await listFiles(out)).some((file) => file.startsWith('latest/3/'))).toBe(false);
  });

  it('lists years and months with counts, months by the site time zone', async () => {
    const archive = await page(out, '/archive/');
    expect(archive.querySelectorAll('.archive-year h2').map(text)).toEqual([
      '2026 (1)',
      '2025 (20)',
    ]);
    const months2026 = archive
      .querySelectorAll('.archive-year')[0]!
      .querySelectorAll('li')
      .map(text);
    // Month names alone under their year; each link still names its year for screen readers.
    expect(months2026).toEqual(['January (1)']);
    expect(
      archive
        .querySelectorAll('.archive-year')[0]!
        .querySelector('li a')
        ?.getAttribute('aria-label'),
    ).toBe('January 2026');
    expect(text((await page(out, '/archive/2026/01/')).querySelector('.article-list h2'))).toBe(
      'New year in Almaty',
    );
  });

  it('shows a year as its months, and a month as a listing', async () => {
    const year = await page(out, '/archive/2025/');
    expect(text(year.querySelector('h1'))).toBe('Archive: 2025');
    expect(text(year.querySelector('.archive-year h2'))).toBe('2025 (20)');
    expect(year.querySelectorAll('.archive-months li').map(text)).toContain('January (2)');
    expect(year.querySelector('.article-list')).toBeNull();
    expect((await listFiles(out)).some((file) => file.startsWith('archive/2025/page/'))).toBe(
      false,
    );
    expect(await counter('/archive/2025/01/')).toBe('Viewing results 1 - 2 of 2');
    const january = await listed('/archive/2025/01/');
    expect(january.map((item) => item.title)).toEqual([
      'Alpha story number 2',
      'Alpha story number 1',
    ]);
  });
});

describe('articles', () => {
  it('renders the title as the only h1, date, author and linked tags', async () => {
    const doc = await page(out, '/articles/alpha-03/');
    expect(doc.querySelectorAll('h1').map(text)).toEqual(['Alpha story number 3']);
    expect(text(doc.querySelector('.article-header time'))).toBe('14 February 2025');
    expect(text(doc.querySelector('.byline'))).toBe('By Fixture Desk and Second Writer');
    expect(
      doc.querySelectorAll('.tag-links a').map((a) => [text(a), a.getAttribute('href')]),
    ).toEqual([
      ['Alpha', '/tags/alpha/'],
      ['Zeta', '/tags/zeta/'],
    ]);
    expect(doc.querySelector('.article-body a')?.getAttribute('href')).toBe(
      'https://example.org/2',
    );
    expect(text(doc.querySelector('.article-body em'))).toBe('emphasis');
  });

  it('renders MDX text and registered components', async () => {
    const doc = await page(out, '/articles/mdx-piece/');
    expect(text(doc.querySelector('.article-body'))).toContain('There are 3 things.');
    expect(text(doc.querySelector('.article-body aside.callout .callout-title'))).toBe('Note');
    expect(text(doc.querySelector('.article-body aside.callout'))).toContain('Inside the callout');
  });

  it('takes the slug from the file name at any depth, or from frontmatter', async () => {
    const files = await listFiles(out);
    expect(files).toContain('articles/nested-story/index.html');
    expect(files).toContain('articles/custom-slug/index.html');
    expect(files).not.toContain('articles/file-name/index.html');
  });
});

describe('drafts and scheduled articles', () => {
  it('appear in no file at all', async () => {
    for (const file of await listFiles(out)) {
      const content = await readFile(join(out, file), 'utf8');
      expect(content, file).not.toMatch(/zzdraftmarker|zzfuturemarker|secret-draft|future-piece/);
    }
  });
  it('have no tag pages and add nothing to counts', async () => {
    const files = await listFiles(out);
    expect(files.some((file) => /tags\/(draftonly|futureonly)\//.test(file))).toBe(false);
    expect(await counter('/tags/alpha/')).toBe('Viewing results 1 - 6 of 14');
  });
});

describe('every page', () => {
  it('ends with </html>: every script inside the document', async () => {
    for (const file of (await listFiles(out)).filter((name) => name.endsWith('.html'))) {
      expect((await readFile(join(out, file), 'utf8')).trimEnd(), file).toMatch(/<\/html>$/);
    }
  });

  it('shows the build date and the ticker, each rate heard once', async () => {
    for (const path of ['/', '/tags/alpha/', '/articles/alpha-01/', '/archive/', '/404.html']) {
      const doc = await shownPage(out, path);
      expect(text(doc.querySelector('.today')), path).toBe('12 February 2026');
      const [visible, copy] = doc.querySelectorAll('.ticker-list');
      expect(visible!.querySelectorAll('li').map(text)).toEqual([
        'KGS/USD = 0.01144 0%',
        'TJS/USD = 0.10626 -0.19%',
        'UZS/USD = 0.0000787 +0.25%',
      ]);
      expect(visible!.getAttribute('aria-hidden')).toBeUndefined();
      expect(copy!.getAttribute('aria-hidden')).toBe('true');
      expect(text(doc.querySelector('.ticker-asof'))).toBe('Rates as of 1 February 2026');
    }
  });

  it('loads no JavaScript for the ticker', async () => {
    for (const path of ['/tags/alpha/', '/today/', '/today/latest/'])
      expect(await pageSource(out, path), path).not.toMatch(/<script/i);
  });

  it('shows the day in frames whose documents no search engine lists', async () => {
    const doc = await page(out, '/articles/alpha-01/');
    expect(doc.querySelectorAll('iframe').map((frame) => frame.getAttribute('src'))).toEqual([
      '/today/',
      '/today/latest/',
    ]);
    for (const frame of doc.querySelectorAll('iframe'))
      expect(frame.getAttribute('title')).toBeTruthy();
    const today = await page(out, '/today/');
    expect(today.querySelector('meta[name=robots]')?.getAttribute('content')).toBe('noindex');
    expect(today.querySelector('base')?.getAttribute('target')).toBe('_top');
    const sitemap = await readFile(join(out, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toMatch(/\/today\//);
  });

  it('warns that the rates are more than 3 days old', () => {
    expect(build.stderr).toMatch(
      /rates\.json asOf: warning: |warning: .*rates are from 2026-02-01/,
    );
  });
});

describe('hostile frontmatter', () => {
  it('is escaped as text in titles, attributes and listings', async () => {
    const html = await pageSource(out, '/articles/hostile/');
    expect(html).not.toContain('<script>alert("pwned")');
    expect(html).not.toContain('<img src=x');
    const doc = await page(out, '/articles/hostile/');
    // Inside a quoted attribute `</script>` is inert text; what matters is that no element came of it.
    expect(
      doc.querySelectorAll('script:not([type="application/ld+json"]), img[onerror], img[src="x"]'),
    ).toHaveLength(0);
    expect(text(doc.querySelector('h1'))).toBe(HOSTILE_TITLE);
    expect(doc.querySelector('meta[name=description]')?.getAttribute('content')).toBe(
      'Ends </script><script>alert(2)</script>',
    );
    expect(await pageSource(out, '/tags/security/')).toContain(
      '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &quot;Quotes&quot;',
    );
  });
});

describe('corrections', () => {
  it('are shown on the article as dated notices, oldest first', async () => {
    const notices = (await page(out, '/articles/alpha-05/')).querySelectorAll('.corrections li');
    expect(notices.map(text)).toEqual([
      'Correction, 1 December 2025: A first correction.',
      'Correction, 3 December 2025: A second correction.',
    ]);
  });
  it('mark the article as updated in listings, with the latest date', async () => {
    const items = (await page(out, '/tags/alpha/2/')).querySelectorAll('.article-list li');
    const item = items.find((li) => text(li.querySelector('h2')) === 'Alpha story number 5');
    expect(text(item?.querySelector('.updated'))).toBe('Updated 3 December 2025');
    expect(items.filter((li) => li.querySelector('.updated')).length).toBe(1);
  });
});

describe('related stories', () => {
  it('end an article page: up to four published stories sharing its tags, never itself', async () => {
    const links = (await page(out, '/articles/alpha-05/'))
      .querySelectorAll('.related a')
      .map((a) => a.getAttribute('href'));
    expect(links).toHaveLength(4);
    expect(links).not.toContain('/articles/alpha-05/');
    expect(links.every((href) => /^\/articles\/alpha-\d\d\/$/.test(href ?? ''))).toBe(true);
  });
  it('never lead to a draft or a scheduled story, on any page', async () => {
    for (const file of (await listFiles(out)).filter((f) =>
      /^articles\/[^/]+\/index\.html$/.test(f),
    )) {
      const html = await readFile(join(out, file), 'utf8');
      expect(html, file).not.toMatch(/zzdraftmarker|zzfuturemarker/);
    }
  });
});
