import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { stringify } from 'yaml';
import { CMS_LOCAL_PORT } from '../../data/build-context.ts';
import { getAuthorRegistry, getSectionRegistry } from '../../data/registries.ts';
import { getTagIndex } from '../../data/tag-registry.ts';
import { cmsConfig, type JsonSchemaObject } from '../../lib/cms-config.ts';
import type { NamedEntry, NameRegistry } from '../../lib/registry.ts';
import { articleFrontmatterObject } from '../../schemas/article.ts';
import { SITE } from '../../site.config.ts';
import { DEFAULT_EDITION, EDITIONS } from '../../i18n/index.ts';

/** A registry's names, offered as choices; undefined when its file does not exist. */
function choices(registry: NameRegistry<NamedEntry>): string[] | undefined {
  return registry.closed ? registry.entries.map((entry) => entry.name) : undefined;
}

export const GET: APIRoute = () => {
  const index = getTagIndex(DEFAULT_EDITION.lang);
  const schema = z.toJSONSchema(articleFrontmatterObject, {
    io: 'input',
    unrepresentable: 'any',
  }) as unknown as JsonSchemaObject;
  const config = cmsConfig(schema, {
    ...SITE.cms,
    localPort: CMS_LOCAL_PORT,
    siteUrl: SITE.url,
    contentFolder: 'content',
    tags: {
      strict: index.strict,
      names: [...index.registered.values()].map(({ canonical }) => canonical),
    },
    authors: choices(getAuthorRegistry(DEFAULT_EDITION.lang)),
    sections: choices(getSectionRegistry(DEFAULT_EDITION.lang)),
    editions: EDITIONS.map((edition) => edition.lang),
  });
  return new Response(
    `# Generated from the article schema (src/schemas/article.ts); do not edit.\n${stringify(config)}`,
    {
      headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
    },
  );
};
