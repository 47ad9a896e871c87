import { spawn } from 'node:child_process';
import { readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, writeFiles } from '../helpers/site.ts';

// Khabar relies on an experimental Astro feature, `experimental.incrementalBuild`, with astro pinned
// exactly in package.json. This is its contract as Khabar uses it, on a site of two pages: a page
// whose `cacheKey` is unchanged is restored from the cache folder into a new output folder, not
// rendered again; a page whose key changed is rendered again. It fails if an Astro upgrade changes
// either, before the newsroom's pages go stale or stop being reused.
const PAGE = `---
export function getStaticPaths() {
  return [
    { params: { page: 'kept' }, cacheKey: 'always-the-same' },
    { params: { page: 'changed' }, cacheKey: process.env.CONTRACT_KEY },
  ];
}
---
<p>{crypto.randomUUID()}</p>
`;

function build(root: string, outDir: string, key: string): Promise<number | null> {
  const script = `const { build } = await import('astro'); await build({ root: ${JSON.stringify(root)}, outDir: ${JSON.stringify(outDir)}, logLevel: 'error' });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, CONTRACT_KEY: key, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  return new Promise((resolve) => child.on('close', resolve));
}

describe("Astro's incremental build, as Khabar uses it", () => {
  it('restores a page whose cacheKey is unchanged into a new output folder, and renders one whose key changed', async () => {
    const root = await tempDir('astro-contract');
    await writeFiles(root, {
      'astro.config.mjs': 'export default { experimental: { incrementalBuild: true } };\n',
      'src/pages/[page].astro': PAGE,
      'package.json': '{ "name": "contract", "type": "module", "private": true }\n',
    });
    await symlink(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    expect(await build(root, join(root, 'first'), 'one')).toBe(0);
    expect(await build(root, join(root, 'second'), 'two')).toBe(0);
    const read = (out: string, page: string) =>
      readFile(join(root, out, page, 'index.html'), 'utf8');
    expect(await read('second', 'kept')).toBe(await read('first', 'kept'));
    expect(await read('second', 'changed')).not.toBe(await read('first', 'changed'));
  });
});
