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
}

// Presentation only: which widget suits a field whose type alone does not say. Fields, their
// order, types, required-ness, defaults and patterns all come from the schema.
const PRESENTATION: Record<string, Partial<CmsField>> = {
  title: { label: 'Headline' },
  summary: {
    widget: 'text',
    hint: 'One or two sentences for search results, feeds and link previews.',
  },
  image: { widget: 'image', label: 'Lead image' },
  imageAlt: {
    label: 'Lead image description',
    hint: 'Required with an image: describe it for readers who cannot see it.',
  },
  draft: { hint: 'A draft is never published, whatever its date.' },
  date: { hint: 'A later date schedules the article.' },
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

function widgetFor(name: string, field: JsonSchemaField, options: CmsOptions): Partial<CmsField> {
  if (field.format === 'date') return DATE_WIDGET;
  if (field.type === 'boolean') return { widget: 'boolean' };
  if (
    field.type === 'array' &&
    name === 'tags' &&
    options.tags.strict &&
    options.tags.names.length > 0
  ) {
    return {
      widget: 'select',
      multiple: true,
      options: options.tags.names,
      ...(field.minItems ? { min: field.minItems } : {}),
    };
  }
  if (field.type === 'array')
    return { widget: 'list', ...(field.minItems ? { min: field.minItems } : {}) };
  return { widget: 'string' };
}

/** Decap CMS fields for every frontmatter field, in the schema's order, then the body. */
export function cmsFields(schema: JsonSchemaObject, options: CmsOptions): CmsField[] {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties).map(([name, field]): CmsField => {
    const pattern = field.pattern ?? field.items?.pattern;
    return {
      name,
      label: labelOf(name),
      ...widgetFor(name, field, options),
      required: required.has(name),
      ...(field.default !== undefined ? { default: field.default } : {}),
      ...(pattern
        ? { pattern: [pattern, 'does not have the expected form'] as [string, string] }
        : {}),
      ...PRESENTATION[name],
    } as CmsField;
  });
  return [...fields, { name: 'body', label: 'Body', widget: 'markdown' }];
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
