import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
  cmsConfig,
  cmsFields,
  type CmsField,
  type CmsOptions,
  type JsonSchemaObject,
} from '../../src/lib/cms-config.ts';
import { ARTICLE_FIELDS, articleFrontmatterObject } from '../../src/schemas/article.ts';

const schema = z.toJSONSchema(articleFrontmatterObject, {
  io: 'input',
  unrepresentable: 'any',
}) as unknown as JsonSchemaObject;
const options: CmsOptions = {
  repo: 'o/r',
  branch: 'main',
  localPort: 8081,
  siteUrl: 'https://news.example',
  contentFolder: 'content',
  tags: { strict: false, names: [] },
};
const AUTHORS = ['Dana Seitkali', 'Aibek Toktosunov'];
const SECTIONS = ['Politics', 'Economy'];
const field = (fields: CmsField[], name: string) => fields.find((each) => each.name === name);

describe('the editing UI’s fields', () => {
  const fields = cmsFields(schema, options);
  const withRegistries = cmsFields(schema, { ...options, authors: AUTHORS, sections: SECTIONS });

  it.each([
    ['without the registries', fields],
    ['with the registries', withRegistries],
  ])('has a field for every frontmatter field, in order, then the body (%s)', (_name, list) => {
    expect(list.map((each) => each.name)).toEqual([...ARTICLE_FIELDS, 'body']);
  });

  it('offers the editions as the choices of lang, and explains translationKey', () => {
    const edited = cmsFields(schema, { ...options, editions: ['en', 'ru'] });
    expect(field(edited, 'lang')).toMatchObject({ widget: 'select', options: ['en', 'ru'] });
    expect(field(edited, 'lang')?.required).toBeFalsy();
    expect(field(edited, 'translationKey')?.hint).toMatch(/every language version/);
    // One edition: nothing to choose.
    expect(field(cmsFields(schema, { ...options, editions: ['en'] }), 'lang')?.widget).toBe(
      'string',
    );
  });

  it('requires exactly what the schema requires', () => {
    expect(fields.filter((each) => each.required).map((each) => each.name)).toEqual([
      'title',
      'date',
      'tags',
    ]);
  });

  it('requires the section as well when sections.yaml exists', () => {
    expect(withRegistries.filter((each) => each.required).map((each) => each.name)).toEqual([
      'title',
      'date',
      'tags',
      'section',
    ]);
  });

  it.each([
    ['date', 'datetime'],
    ['updated', 'datetime'],
    ['tags', 'list'],
    ['author', 'hidden'],
    ['authors', 'list'],
    ['section', 'string'],
    ['draft', 'boolean'],
    ['corrections', 'list'],
    ['image', 'image'],
    ['imageAlt', 'string'],
    ['imageCaption', 'string'],
    ['imageCredit', 'string'],
    ['summary', 'text'],
    ['redirectFrom', 'list'],
  ])('edits %s with the %s widget', (name, widget) =>
    expect(field(fields, name)?.widget).toBe(widget),
  );

  it('offers the registered tags as choices when the registry is strict', () => {
    const strict = cmsFields(schema, {
      ...options,
      tags: { strict: true, names: ['CSTO', 'Kazakhstan'] },
    });
    expect(field(strict, 'tags')).toMatchObject({
      widget: 'select',
      multiple: true,
      options: ['CSTO', 'Kazakhstan'],
      min: 1,
    });
  });

  it('chooses the byline from authors.yaml: several, in order, none required', () => {
    expect(field(withRegistries, 'authors')).toEqual({
      name: 'authors',
      label: 'Authors',
      widget: 'select',
      multiple: true,
      options: AUTHORS,
      min: 1,
      required: false,
      hint: expect.stringContaining('content/authors.yaml'),
    });
  });

  it('types the byline as a list of names without authors.yaml', () => {
    expect(field(fields, 'authors')).toMatchObject({ widget: 'list', min: 1, required: false });
    expect(field(fields, 'authors')).not.toHaveProperty('options');
  });

  it('chooses one section from sections.yaml, required', () => {
    expect(field(withRegistries, 'section')).toEqual({
      name: 'section',
      label: 'Section',
      widget: 'select',
      options: SECTIONS,
      required: true,
      hint: expect.stringContaining('content/sections.yaml'),
    });
  });

  it('keeps the old one-author field out of sight, so new articles never get it', () => {
    expect(field(withRegistries, 'author')).toMatchObject({ widget: 'hidden', required: false });
    expect(field(withRegistries, 'author')).not.toHaveProperty('default');
  });

  it('explains the lead photo’s fields', () => {
    for (const name of ['image', 'imageAlt', 'imageCaption', 'imageCredit']) {
      expect(field(fields, name)).toMatchObject({
        label: expect.stringMatching(/^Lead photo/),
        hint: expect.any(String),
        required: false,
      });
    }
    expect(field(fields, 'image')?.pattern?.[0]).toBe(schema.properties.image!.pattern);
  });

  it('edits corrections as a list of dated texts, both required, from the schema’s items', () => {
    const corrections = field(fields, 'corrections');
    expect(corrections).toMatchObject({ widget: 'list', required: false });
    expect(corrections?.summary).toBe('{{fields.date}}: {{fields.text}}');
    expect(corrections?.fields?.map((each) => each.name)).toEqual(
      Object.keys(schema.properties.corrections!.items!.properties!),
    );
    expect(corrections?.fields).toEqual([
      {
        name: 'date',
        label: 'Date',
        widget: 'datetime',
        format: 'YYYY-MM-DD',
        date_format: 'YYYY-MM-DD',
        time_format: false,
        picker_utc: true,
        required: true,
        hint: expect.any(String),
      },
      {
        name: 'text',
        label: 'Correction',
        widget: 'text',
        required: true,
        hint: expect.any(String),
      },
    ]);
  });

  it('carries the schema patterns', () => {
    expect(field(fields, 'slug')?.pattern?.[0]).toBe('^[a-z0-9]+(?:-[a-z0-9]+)*$');
  });

  it('puts the generated fields in the article collection', () => {
    const config = cmsConfig(schema, { ...options, sections: SECTIONS }) as {
      collections: Array<{ name: string; fields: CmsField[] }>;
    };
    expect(config.collections[0]!.fields).toEqual(
      cmsFields(schema, { ...options, sections: SECTIONS }),
    );
  });
});
