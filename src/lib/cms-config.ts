import { CMS_FORMAT } from './cms-format.ts';

/** A field of the JSON Schema zod writes for a frontmatter field (`io: 'input'`). */
export interface JsonSchemaField {
  type?: string;
  format?: string;
  pattern?: string;
  minItems?: number;
  default?: unknown;
  items?: JsonSchemaField;
  anyOf?: JsonSchemaField[];
  /** An object's fields (`corrections[]`). */
  properties?: Record<string, JsonSchemaField>;
  required?: string[];
}

/** The JSON Schema of the article frontmatter: the CMS's fields are generated from it. */
export interface JsonSchemaObject {
  properties: Record<string, JsonSchemaField>;
  required?: string[];
}

/** A Decap CMS field definition (the subset the generator writes). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  default?: unknown;
  hint?: string;
  pattern?: [string, string];
  /** A list's items, each an object of these fields. */
  fields?: CmsField[];
  [option: string]: unknown;
}

/** How the editing UI is set up: the production backend and the local one `npm run cms` runs. */
export interface CmsOptions {
  /** `owner/name` of the GitHub repository. */
  repo: string;
  branch: string;
  /** OAuth provider for GitHub sign-in; Netlify's when undefined. */
  authBaseUrl?: string;
  /** Port of the local decap-server on 127.0.0.1. */
  localPort: number;
  /** The site's origin, for "view live" links. */
  siteUrl: string;
  /** The content folder relative to the repository root. */
  contentFolder: string;
  /** Registered tag names, offered as choices when the registry is strict. */
  tags: { strict: boolean; names: string[] };
  /**
   * The names `content/authors.yaml` lists, in its order: the byline is chosen from them.
   * Undefined when the file does not exist, and bylines are typed.
   */
  authors?: readonly string[];
  /**
   * The names `content/sections.yaml` lists, in its order: the section is chosen from them and
   * required. Undefined when the file does not exist, and the section is typed and optional.
   */
  sections?: readonly string[];
  /** The site's editions by language, the default first: an article's `lang` is chosen from them. */
  editions?: readonly string[];
}

// Presentation only: which widget suits a field whose type alone does not say, labels and hints.
// Fields, their order, types, required-ness, defaults and patterns all come from the schema (the
// registries add choices). Keys are field paths: `corrections.text` is a correction's text.
const PRESENTATION: Record<string, Partial<CmsField>> = {
  title: { label: 'Headline' },
  summary: {
    widget: 'text',
    hint: 'One or two sentences for search results, feeds and link previews.',
  },
  // Older articles name one author in `author`; `authors` replaces it. Kept (hidden) so that
  // saving such an article keeps its byline; never offered, so new articles do not get it.
  author: { widget: 'hidden' },
  authors: { hint: 'The byline, in the order it is shown: “By A, B and C”.' },
  section: { hint: 'The desk the article belongs to.' },
  image: {
    widget: 'image',
    label: 'Lead photo',
    hint: 'Shown above the article, in listings and in link previews. Upload a photo or choose one from the media library (public/images/), or paste an https:// address on one of the site’s image hosts.',
  },
  imageAlt: {
    label: 'Lead photo description',
    hint: 'Required with a photo: what it shows, for readers who cannot see it. Not the caption.',
  },
  imageCaption: {
    label: 'Lead photo caption',
    hint: 'Shown under the photo: who or what it shows, where and when.',
  },
  imageCredit: {
    label: 'Lead photo credit',
    hint: 'Who took the photo or owns it, shown as “Photo: …”, e.g. Dana Seitkali/Khabar or Reuters.',
  },
  draft: { hint: 'A draft is never published, whatever its date.' },
  featured: {
    label: 'Lead the front page',
    hint: 'The newest featured story leads the front page; without one, the newest story does.',
  },
  date: { hint: 'A later date schedules the article.' },
  updated: { hint: 'When the article was last revised, shown as “Updated”.' },
  corrections: {
    label_singular: 'Correction',
    summary: '{{fields.date}}: {{fields.text}}',
    hint: 'When a published fact was wrong: each correction is shown on the article as a dated notice.',
  },
  'corrections.date': { hint: 'When the correction was made; not before the article’s date.' },
  'corrections.text': {
    widget: 'text',
    label: 'Correction',
    hint: 'What was wrong and what is right, as readers will read it.',
  },
  slug: { hint: 'Leave empty to use the file name.' },
  lang: { label: 'Language', hint: 'Only when not the site language, e.g. ru, kk, uz-Cyrl.' },
  redirectFrom: { label: 'Old addresses', hint: 'Old slugs or paths that should redirect here.' },
};

/** Field names as labels: `imageAlt` → `Image alt`. */
function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DATE_WIDGET = {
  widget: 'datetime',
  format: 'YYYY-MM-DD',
  date_format: 'YYYY-MM-DD',
  time_format: false,
  picker_utc: true,
};

/** A choice among a registry's names: one, or (`multiple`) a list in the order chosen. */
function choiceOf(names: readonly string[], multiple: boolean, minItems?: number) {
  return {
    widget: 'select',
    ...(multiple ? { multiple: true } : {}),
    options: [...names],
    ...(minItems ? { min: minItems } : {}),
  };
}

function widgetFor(path: string, field: JsonSchemaField, options: CmsOptions): Partial<CmsField> {
  if (field.format === 'date') return DATE_WIDGET;
  if (field.type === 'boolean') return { widget: 'boolean' };
  if (path === 'tags' && options.tags.strict && options.tags.names.length > 0)
    return choiceOf(options.tags.names, true, field.minItems);
  if (path === 'authors' && options.authors) {
    return {
      ...choiceOf(options.authors, true, field.minItems),
      hint: 'The byline, in the order it is shown: “By A, B and C”. The newsroom’s authors are listed in content/authors.yaml.',
    };
  }
  if (path === 'section' && options.sections) {
    // Required whenever the registry exists, drafts included: the editing UI cannot make a field
    // required only when another is off, and a draft is published with its section sooner or later.
    return {
      ...choiceOf(options.sections, false),
      required: true,
      hint: 'The desk the article belongs to, one of content/sections.yaml.',
    };
  }
  if (path === 'lang' && options.editions && options.editions.length > 1) {
    return {
      ...choiceOf(options.editions, false),
      hint: `The edition the article is published in; ${options.editions[0]} when left empty.`,
    };
  }
  if (path === 'translationKey') {
    return {
      widget: 'string',
      hint: 'The same key on every language version of this story links them: readers can switch between them.',
    };
  }
  if (field.type === 'array' && field.items?.type === 'object' && field.items.properties) {
    return {
      widget: 'list',
      ...(field.minItems ? { min: field.minItems } : {}),
      fields: fieldsOf(field.items as JsonSchemaObject, options, `${path}.`),
    };
  }
  if (field.type === 'array')
    return { widget: 'list', ...(field.minItems ? { min: field.minItems } : {}) };
  return { widget: 'string' };
}

/** The fields of an object of the schema, in its order; `prefix` is its path (`corrections.`). */
function fieldsOf(schema: JsonSchemaObject, options: CmsOptions, prefix = ''): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, field]): CmsField => {
    const path = `${prefix}${name}`;
    const pattern = field.pattern ?? field.items?.pattern;
    const widget = widgetFor(path, field, options);
    return {
      name,
      label: labelOf(name),
      ...widget,
      required: widget.required ?? required.has(name),
      ...(field.default !== undefined ? { default: field.default } : {}),
      ...(pattern
        ? { pattern: [pattern, 'does not have the expected form'] as [string, string] }
        : {}),
      ...PRESENTATION[path],
      // A registry's hint says more than the presentation table's.
      ...(widget.hint ? { hint: widget.hint } : {}),
    } as CmsField;
  });
}

/** Decap CMS fields for every frontmatter field, in the schema's order, then the body. */
export function cmsFields(schema: JsonSchemaObject, options: CmsOptions): CmsField[] {
  return [...fieldsOf(schema, options), { name: 'body', label: 'Body', widget: 'markdown' }];
}

/** The whole Decap CMS configuration, as /admin/config.yml serves it. */
export function cmsConfig(schema: JsonSchemaObject, options: CmsOptions): Record<string, unknown> {
  return {
    backend: {
      name: 'github',
      repo: options.repo,
      branch: options.branch,
      ...(options.authBaseUrl ? { base_url: options.authBaseUrl } : {}),
    },
    // Used only when the UI is opened on localhost or 127.0.0.1, by `npm run cms`.
    local_backend: {
      url: `http://127.0.0.1:${options.localPort}/api/v1`,
      allowed_hosts: ['localhost', '127.0.0.1'],
    },
    site_url: options.siteUrl,
    media_folder: 'public/images',
    public_folder: '/images',
    // Empty optional fields are left out rather than written as "", which the schema refuses.
    omit_empty_optional_fields: true,
    collections: [
      {
        name: 'articles',
        label: 'Articles',
        label_singular: 'Article',
        folder: `${options.contentFolder}/articles`,
        path: '{{year}}/{{month}}/{{slug}}',
        extension: 'md',
        format: CMS_FORMAT,
        create: true,
        slug: '{{slug}}',
        summary: '{{title}} ({{date}})',
        sortable_fields: ['date', 'title'],
        preview_path: 'articles/{{slug}}/',
        fields: cmsFields(schema, options),
      },
    ],
  };
}
