import { readFile, writeFile } from 'node:fs/promises';

const IMAGE_HOSTS = /(imageHosts:\s*\[)([^\]]*)(\])/;

/** Why `addImageHosts` could not edit the config at `configPath`, if it could not. */
export async function imageHostsProblem(configPath: string): Promise<string | undefined> {
  let source: string;
  try {
    source = await readFile(configPath, 'utf8');
  } catch {
    return `--site-config ${configPath}: no such file`;
  }
  return IMAGE_HOSTS.test(source)
    ? undefined
    : `--site-config ${configPath}: no \`imageHosts: [...]\` to add the old site's photo hosts to`;
}

/**
 * Adds `hosts` to `SITE.content.imageHosts` in the site config file, keeping the ones listed: the
 * photos an import leaves on the old site must pass the content rules. One list, edited in place.
 * @throws when the file has no `imageHosts: [...]` to edit.
 */
export async function addImageHosts(configPath: string, hosts: readonly string[]): Promise<void> {
  const source = await readFile(configPath, 'utf8');
  const match = IMAGE_HOSTS.exec(source);
  if (!match)
    throw new Error(`${configPath}: no \`imageHosts: [...]\` to add ${hosts.join(', ')} to`);
  const listed = [...match[2]!.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]!);
  const all = [...listed, ...hosts.filter((host) => !listed.includes(host))];
  if (all.length === listed.length) return;
  const list = all.map((host) => `'${host.replace(/'/g, '')}'`).join(', ');
  await writeFile(configPath, source.replace(IMAGE_HOSTS, `$1${list}$3`));
}
