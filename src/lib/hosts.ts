/**
 * The static hosts a site ships to, and the limits each documents (docs/deploy.md cites them):
 * the build measures its output against the chosen host's and warns, with figures, before a
 * deploy fails or a host quietly drops what it cannot hold.
 */
export type HostName = 'github-pages' | 'cloudflare-pages' | 'netlify' | 's3';

/** What a host does with a site, and how much of one it takes. */
export interface Host {
  /** The host's name as people write it. */
  title: string;
  /** Whether the host reads `_redirects` (and `_headers`): redirects without a page each. */
  readsRedirectsFile: boolean;
  /** Largest published site, in bytes. */
  maxSiteBytes?: number;
  /** Most files in one deploy. */
  maxFiles?: number;
  /** Largest file, in bytes. */
  maxFileBytes?: number;
  /** Most entries (files and folders) in one folder. */
  maxFolderEntries?: number;
  /** Most `_redirects` rules without placeholders. */
  maxStaticRedirects?: number;
  /** Most `_redirects` rules with placeholders or splats. */
  maxDynamicRedirects?: number;
  /**
   * Whether a `_redirects` rule that matches a query (`/ p=:id /p/:id/`, Netlify's syntax) is
   * refused: such a line has four fields, and this host's parser takes at most three.
   */
  refusesQueryRules?: boolean;
}

const MiB = 2 ** 20;

/** Every host Khabar deploys to, by the name `SITE.host` gives. */
export const HOSTS: Readonly<Record<HostName, Host>> = {
  'github-pages': {
    title: 'GitHub Pages',
    readsRedirectsFile: false,
    maxSiteBytes: 1e9,
    maxFileBytes: 100 * MiB,
  },
  'cloudflare-pages': {
    title: 'Cloudflare Pages',
    readsRedirectsFile: true,
    maxFiles: 20_000,
    maxFileBytes: 25 * MiB,
    maxStaticRedirects: 2_000,
    maxDynamicRedirects: 100,
    refusesQueryRules: true,
  },
  netlify: {
    title: 'Netlify',
    readsRedirectsFile: true,
    maxFolderEntries: 54_000,
  },
  s3: {
    title: 'S3-compatible object storage',
    readsRedirectsFile: false,
    maxFileBytes: 5 * 1024 * MiB,
  },
};

/** What the build measured of its output. */
export interface OutputStats {
  bytes: number;
  files: number;
  largestFile: { path: string; bytes: number };
  largestFolder: { path: string; entries: number };
  staticRedirects: number;
  dynamicRedirects: number;
}

/**
 * The sizes `hostWarnings` compares, of a site's files (paths relative to its folder, with `/`),
 * besides its redirects.
 */
export function measureOutput(
  files: Iterable<{ path: string; bytes: number }>,
): Omit<OutputStats, 'staticRedirects' | 'dynamicRedirects'> {
  let bytes = 0;
  let count = 0;
  let largestFile = { path: '', bytes: 0 };
  const entries = new Map<string, Set<string>>();
  for (const file of files) {
    bytes += file.bytes;
    count += 1;
    if (file.bytes > largestFile.bytes) largestFile = { path: `/${file.path}`, bytes: file.bytes };
    const parts = file.path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const folder = `/${parts.slice(0, i).join('/')}`;
      let children = entries.get(folder);
      if (!children) entries.set(folder, (children = new Set()));
      children.add(parts[i]!);
    }
  }
  let largestFolder = { path: '/', entries: 0 };
  for (const [path, children] of entries)
    if (children.size > largestFolder.entries) largestFolder = { path, entries: children.size };
  return { bytes, files: count, largestFile, largestFolder };
}

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const count = (n: number) => n.toLocaleString('en-GB');

/** One warning per limit of `host` that `stats` passes, each with both figures; none when all hold. */
export function hostWarnings(host: Host, stats: OutputStats): string[] {
  const over: string[] = [];
  const check = (limit: number | undefined, value: number, say: (limit: number) => string) => {
    if (limit !== undefined && value > limit) over.push(say(limit));
  };
  check(
    host.maxSiteBytes,
    stats.bytes,
    (limit) => `the site is ${mib(stats.bytes)}, over the ${mib(limit)} a site may be`,
  );
  check(
    host.maxFiles,
    stats.files,
    (limit) => `the site has ${count(stats.files)} files, over the ${count(limit)} a site may have`,
  );
  check(
    host.maxFileBytes,
    stats.largestFile.bytes,
    (limit) =>
      `${stats.largestFile.path} is ${mib(stats.largestFile.bytes)}, over the ${mib(limit)} a file may be`,
  );
  check(
    host.maxFolderEntries,
    stats.largestFolder.entries,
    (limit) =>
      `${stats.largestFolder.path} holds ${count(stats.largestFolder.entries)} entries, over the ${count(limit)} a folder may hold`,
  );
  check(
    host.maxStaticRedirects,
    stats.staticRedirects,
    (limit) =>
      `_redirects has ${count(stats.staticRedirects)} plain rules, over the ${count(limit)} read; the rest are redirect pages`,
  );
  check(
    host.maxDynamicRedirects,
    stats.dynamicRedirects,
    (limit) =>
      `_redirects has ${count(stats.dynamicRedirects)} pattern rules, over the ${count(limit)} read`,
  );
  return over.map((text) => `${host.title}: ${text} (docs/deploy.md)`);
}
