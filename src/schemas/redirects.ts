import { z } from 'astro/zod';
import { unsafePathReason } from '../lib/safe-path.ts';

/** An old URL that must keep working: a slug (`old-name`) or a site path (`/2019/05/old-name.html`). */
export const redirectSourceSchema = z
  .string({
    error: 'expected an old slug such as `old-name` or a path such as `/2019/05/old-name.html`',
  })
  .trim()
  .regex(/^(\/[^\s?#]*|[a-z0-9]+(?:-[a-z0-9]+)*)$/, {
    error:
      'expected an old slug such as `old-name` or a path starting with `/`, without spaces, `?` or `#`',
  })
  .superRefine((source, ctx) => {
    const reason = source.startsWith('/') ? unsafePathReason(source) : undefined;
    if (reason) ctx.addIssue({ code: 'custom', message: `the path ${reason}`, input: source });
  });

/** A list of old URLs, each of which redirects to the page that declares it. */
export const redirectFromSchema = z.array(redirectSourceSchema, {
  error: 'expected a list of old slugs or paths',
});

/** One redirect the build writes: a static page at `from` and a `_redirects` line. */
export const redirectSchema = z.object({
  /** The old path, starting and (for pages) ending with `/`. */
  from: z.string(),
  /** The live path it points to. */
  to: z.string(),
});

export type RedirectSource = z.infer<typeof redirectSourceSchema>;
export type Redirect = z.infer<typeof redirectSchema>;
export type RedirectInput = z.input<typeof redirectSchema>;
