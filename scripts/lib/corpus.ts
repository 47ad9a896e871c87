import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A seeded pseudo-random source (mulberry32): the same seed always gives the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'ra',
  'tan',
  'bel',
  'sor',
  'min',
  'dor',
  'vel',
  'at',
  'is',
  'un',
  'ol',
  'pre',
  'sta',
  'gor',
  'lin',
  'ex',
  'com',
  'port',
  'ment',
];
const COMMON = [
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'for',
  'on',
  'with',
  'as',
  'by',
  'at',
  'from',
  'that',
  'its',
  'was',
  'has',
  'will',
];
const TOPICS = [
  'CSTO',
  'Kazakhstan',
  'Kyrgyzstan',
  'Tajikistan',
  'Uzbekistan',
  'Turkmenistan',
  'Armenia',
  'Afghanistan',
  'Russia',
  'China',
  'Energy',
  'Water',
  'Trade',
  'Migration',
  'Security',
  'Elections',
  'Agriculture',
  'Mining',
  'Banking',
  'Currency',
  'Railways',
  'Aviation',
  'Tourism',
  'Education',
  'Health',
  'Climate',
  'Media',
  'Courts',
  'Borders',
  'Gas',
  'Oil',
  'Cotton',
  'Gold',
  'Uranium',
  'Hydropower',
  'Caspian',
  'Aral Sea',
  'Fergana Valley',
  'Almaty',
  'Tashkent',
  'Bishkek',
  'Dushanbe',
  'Ashgabat',
  'Astana',
  'Samarkand',
  'Osh',
  'Diplomacy',
  'Defence',
  'Telecoms',
  'Startups',
  'Labour',
  'Pensions',
  'Budget',
  'Inflation',
  'Construction',
  'Culture',
  'Sport',
  'Religion',
  'Environment',
  'Transport',
];
const AUTHORS = Array.from(
  { length: 24 },
  (_, i) => `Correspondent ${String.fromCharCode(65 + (i % 26))}${i + 1}`,
);

const SECTIONS = ['Politics', 'Economy', 'Society', 'Security', 'Culture', 'Sport'];

/** What to generate. */
export interface CorpusOptions {
  articles: number;
  seed: number;
  /** The newest article's date; the rest spread over the ten years before it. */
  newest: Date;
  /** Whether one article in three has a lead photo beside it (default true). */
  photos?: boolean;
  /** How many days before `newest` the articles spread over (default ten years); 0: all on it. */
  spanDays?: number;
  /** What each slug starts with, before its number (default `story-`). */
  slugPrefix?: string;
}

function pick<T>(items: readonly T[], rnd: () => number): T {
  return items[Math.floor(rnd() * items.length)]!;
}

/** An index in [0, n) drawn with Zipf-like popularity: index 0 most often. */
function zipf(n: number, rnd: () => number): number {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1));
  let target = rnd() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) {
    target -= weights[i]!;
    if (target <= 0) return i;
  }
  return n - 1;
}

function word(rnd: () => number): string {
  if (rnd() < 0.45) return pick(COMMON, rnd);
  let out = '';
  for (let i = 0, n = 1 + Math.floor(rnd() * 3); i < n; i++) out += pick(SYLLABLES, rnd);
  return out;
}

function sentence(rnd: () => number, slugs: readonly string[]): string {
  const words = Array.from({ length: 8 + Math.floor(rnd() * 14) }, () => word(rnd));
  const i = Math.floor(rnd() * words.length);
  const r = rnd();
  if (r < 0.08 && slugs.length > 0) words[i] = `[${words[i]}](/articles/${pick(slugs, rnd)}/)`;
  else if (r < 0.16) words[i] = `[${words[i]}](https://example.org/${words[i]})`;
  else if (r < 0.3) words[i] = `*${words[i]}*`;
  else if (r < 0.36) words[i] = `**${words[i]}**`;
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A body of about 600 words: paragraphs under `##` headings, with a list, links and emphasis. */
function body(rnd: () => number, slugs: readonly string[]): string {
  const blocks: string[] = [];
  let words = 0;
  while (words < 600) {
    if (blocks.length > 0 && blocks.length % 4 === 0)
      blocks.push(`## ${sentence(rnd, []).slice(0, -1)}`);
    if (rnd() < 0.15) {
      blocks.push(Array.from({ length: 3 }, () => `- ${sentence(rnd, slugs)}`).join('\n'));
    } else {
      const paragraph = Array.from({ length: 3 + Math.floor(rnd() * 3) }, () =>
        sentence(rnd, slugs),
      ).join(' ');
      blocks.push(paragraph);
    }
    words += blocks.at(-1)!.split(/\s+/).length;
  }
  return blocks.join('\n\n');
}

/** One generated article: where it goes and its text. */
export interface GeneratedArticle {
  /** Path relative to the content folder. */
  path: string;
  slug: string;
  source: string;
  /** Its lead photo's path relative to the content folder, when it has one. */
  photo?: string;
}

/** The articles of a synthetic newsroom corpus, deterministic for a seed. */
export function generateArticles({
  articles,
  seed,
  newest,
  photos = true,
  spanDays = 10 * 365,
  slugPrefix = 'story-',
}: CorpusOptions): GeneratedArticle[] {
  const rnd = random(seed);
  const span = spanDays * 86_400_000;
  const out: GeneratedArticle[] = [];
  const slugs: string[] = [];
  for (let i = 0; i < articles; i++) {
    const slug = `${slugPrefix}${String(i + 1).padStart(6, '0')}`;
    const date = new Date(newest.getTime() - Math.floor(rnd() * span));
    const day = date.toISOString().slice(0, 10);
    const tags = new Set<string>();
    for (let n = 1 + Math.floor(rnd() * 4); tags.size < n;)
      tags.add(TOPICS[zipf(TOPICS.length, rnd)]!);
    const title = sentence(rnd, [])
      .slice(0, 70)
      .replace(/[.\s]+$/, '')
      .replace(/[*[\]()]/g, '');
    const folder = `articles/${day.slice(0, 4)}/${day.slice(5, 7)}`;
    const photo = photos && i % 3 === 0 ? `${folder}/${slug}.jpg` : undefined;
    const frontmatter = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `date: ${day}`,
      `tags: ${JSON.stringify([...tags])}`,
      `authors: ${JSON.stringify([pick(AUTHORS, rnd)])}`,
      `section: ${pick(SECTIONS, rnd)}`,
      ...(photo
        ? [
            `image: ./${slug}.jpg`,
            'imageAlt: A generated picture of gradients',
            'imageCaption: A picture made for the benchmark.',
            'imageCredit: Khabar bench',
          ]
        : []),
      '---',
    ].join('\n');
    out.push({
      path: `${folder}/${slug}.md`,
      slug,
      source: `${frontmatter}\n\n${body(rnd, slugs)}\n`,
      ...(photo ? { photo } : {}),
    });
    slugs.push(slug);
  }
  return out;
}

/** Writes a whole corpus (articles and a rates file dated `newest`) into `contentDir`. */
export async function writeCorpus(
  contentDir: string,
  options: CorpusOptions,
): Promise<GeneratedArticle[]> {
  const articles = generateArticles(options);
  await writeArticles(contentDir, articles);
  await writeFile(
    join(contentDir, 'authors.yaml'),
    `authors:\n${AUTHORS.map((name) => `  - name: ${name}\n    role: Correspondent\n`).join('')}`,
  );
  await writeFile(
    join(contentDir, 'sections.yaml'),
    `sections:\n${SECTIONS.map((name) => `  - name: ${name}\n`).join('')}`,
  );
  await writeRates(contentDir, options.newest, 0);
  return articles;
}

/**
 * The next day's news, written into a corpus `writeCorpus` made: `count` new stories dated
 * `day` (one in three with a photo, as the corpus has them) and the day's rates.
 */
export async function writeNextDay(
  contentDir: string,
  options: { seed: number; day: Date; count: number; photos: boolean },
): Promise<GeneratedArticle[]> {
  const articles = generateArticles({
    articles: options.count,
    seed: options.seed + 1,
    newest: options.day,
    photos: options.photos,
    spanDays: 0,
    slugPrefix: `next-${options.day.toISOString().slice(0, 10)}-`,
  });
  await writeArticles(contentDir, articles);
  await writeRates(contentDir, options.day, 1);
  return articles;
}

/** Writes `articles` and their photos into `contentDir`. */
async function writeArticles(
  contentDir: string,
  articles: readonly GeneratedArticle[],
): Promise<void> {
  const folders = new Set(articles.map((article) => dirname(join(contentDir, article.path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  for (let i = 0; i < articles.length; i += 500) {
    await Promise.all(
      articles
        .slice(i, i + 500)
        .map((article) => writeFile(join(contentDir, article.path), article.source)),
    );
  }
  // Each photo distinct, as a newsroom's are: a gradient in the article's own colours.
  const photos = articles.filter((article) => article.photo);
  for (let i = 0; i < photos.length; i += 16) {
    await Promise.all(
      photos
        .slice(i, i + 16)
        .map((article, j) =>
          writePhoto(join(contentDir, article.photo!), i + j + (article.slug.length << 12)),
        ),
    );
  }
}

/** The rates file of `day`; `drift` moves every rate, as a new day's publication does. */
async function writeRates(contentDir: string, day: Date, drift: number): Promise<void> {
  const asOf = day.toISOString().slice(0, 10);
  const rates = ['KGS', 'KZT', 'TJS', 'UZS', 'TMT'].map((code, i) => ({
    code,
    value: [0.01144, 0.00193, 0.10626, 0.0000787, 0.28571][i]! * (1 + drift / 1000),
    change: [0, -0.12, 0.3, 0.05, 0][i]! + drift / 10,
  }));
  await writeFile(
    join(contentDir, 'rates.json'),
    `${JSON.stringify({ asOf, base: 'USD', rates }, null, 2)}\n`,
  );
}

/** A 1200×750 JPEG of gradients and bands, different for each `n` (so each is processed apart). */
async function writePhoto(path: string, n: number): Promise<void> {
  const { default: sharp } = await import('sharp');
  const width = 1200;
  const height = 750;
  const pixels = Buffer.alloc(width * height * 3);
  const [r, g, b] = [(n * 37) % 256, (n * 91) % 256, (n * 53) % 256];
  // A band whose place and slope follow n: no two photos of a corpus are alike.
  const band = n % width;
  const slope = 1 + (Math.floor(n / width) % 7);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      const inBand = Math.abs(((x * slope + y) % width) - band) < 40;
      pixels[at] = (r + x / 6 + (inBand ? 90 : 0)) & 255;
      pixels[at + 1] = (g + y / 4) & 255;
      pixels[at + 2] = (b + (x + y) / 10) & 255;
    }
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toFile(path);
}
