// `tsc` alone does not know `.astro` files (`astro check` does, with their real types); this lets
// the few `.ts` modules that pass Astro components around be checked by `tsc --noEmit` as well.
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}

// turndown's GFM plugin ships no types of its own.
declare module 'turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export const gfm: TurndownService.Plugin;
}
