// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { SITE } from './src/site.config.ts';

// Builds go through scripts/build.ts, which validates first and passes outDir and cacheDir inline.
export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Harmless noise printed once per article (withastro/astro#18087); real warnings still show.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
