import Callout from './Callout.astro';

/** Components every MDX article may use without importing them. */
export const mdxComponents = { Callout };
