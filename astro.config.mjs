// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { khabar } from './src/integrations/khabar/index.ts';
import { CONTENT_DIR } from './src/data/build-context.ts';
import { articlesFolder } from './src/data/content-files.ts';
import { MARKDOWN_FEATURES } from './src/lib/body-rules.ts';
import { articleLinks } from './src/markdown/article-links.ts';
import { bodyFigures } from './src/markdown/body-figures.ts';
import { mdxGuard } from './src/markdown/mdx-guard.ts';
import { SITE } from './src/site.config.ts';

// Builds go through scripts/build.ts, which passes outDir and cacheDir inline and publishes the
// result; Khabar's integration (src/integrations/khabar/) does the rest through Astro's hooks.
export default defineConfig({
  site: SITE.url,
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  // Keep the author's quotes and dashes as written, in pages as in excerpts.
  // No syntax highlighting: Shiki colours code with inline styles, which the CSP blocks, and news
  // articles show code rarely enough that plain <pre> blocks serve.
  // Relative links between article files become links to the articles' pages.
  markdown: {
    // MDX that uses code (import, export, expressions) or unregistered components never compiles,
    // unless its folder is trusted (docs/security.md).
    processor: satteri({
      features: MARKDOWN_FEATURES,
      mdastPlugins: [
        articleLinks(SITE.url, articlesFolder(CONTENT_DIR)),
        bodyFigures(),
        mdxGuard({
          articlesDir: articlesFolder(CONTENT_DIR),
          embedHosts: SITE.content.embedHosts,
          imageHosts: SITE.content.imageHosts,
          trustedMdxFolders: SITE.content.trustedMdxFolders,
        }),
      ],
    }),
    syntaxHighlight: false,
  },
  integrations: [mdx(), khabar()],
  devToolbar: { enabled: false },
  // Pages whose cacheKey (src/data/cache-keys.ts) and code are unchanged are copied from the
  // previous build in cacheDir instead of rendered again. Experimental: astro is pinned exactly in
  // package.json, and tests/integration/incremental.test.ts fails if the feature's contract changes.
  experimental: { incrementalBuild: true },
  // Every page gets a Content-Security-Policy <meta>; Astro hashes the styles and scripts it emits.
  // Directives a <meta> cannot carry (frame-ancestors) are in public/_headers.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self' data: https:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
        // The day's documents every page includes (INCLUDES in src/lib/routes.ts), and video
        // embeds from the hosts article bodies may embed (SITE.content.embedHosts).
        `frame-src ${["'self'", ...SITE.content.embedHosts.map((host) => `https://${host}`)].join(' ')}`,
      ],
      // 'wasm-unsafe-eval' lets the search page start Pagefind's WebAssembly; nothing else uses it.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Harmless noise printed once per article (withastro/astro#18087); real warnings still show.
          if (
            warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
            warning.message.includes('astro:head-inject')
          )
            return;
          warn(warning);
        },
      },
    },
  },
});
