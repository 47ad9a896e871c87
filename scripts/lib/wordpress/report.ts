import type { WxrItem } from '../../../src/lib/wordpress/wxr.ts';

/** One line of the report: about which post, and what. */
interface Entry {
  title: string;
  text: string;
}

/**
 * What an import did and did not do, for the terminal and for `import-report.md`. Everything is
 * kept in the export's order, so the same export gives the same report, byte for byte.
 */
export class ImportReport {
  readonly counts = { published: 0, scheduled: 0, draft: 0, comments: 0 };
  readonly skipped: Entry[] = [];
  readonly notes: Entry[] = [];
  readonly removals: Entry[] = [];
  readonly shortcodes: Entry[] = [];
  /** Items of other types (pages, menus…), by type. */
  readonly otherTypes = new Map<string, number>();
  /** Files left as they were: edited after an earlier import. */
  readonly kept: string[] = [];
  readonly written: string[] = [];
  readonly unchanged: string[] = [];
  totals = { authors: 0, sections: 0, tags: 0, images: 0, redirects: 0 };

  imported(kind: 'published' | 'scheduled' | 'draft', comments: number): void {
    this.counts[kind] += 1;
    this.counts.comments += comments;
  }

  skip(item: Pick<WxrItem, 'title' | 'id'>, reason: string): void {
    this.skipped.push({ title: item.title.trim() || `post ${item.id}`, text: reason });
  }

  note(title: string, text: string): void {
    this.notes.push({ title, text });
  }

  removed(title: string, text: string): void {
    this.removals.push({ title, text });
  }

  shortcode(title: string, code: string): void {
    this.shortcodes.push({ title, text: code });
  }

  other(type: string): void {
    this.otherTypes.set(type, (this.otherTypes.get(type) ?? 0) + 1);
  }

  /** The report as Markdown. */
  markdown(source: string): string {
    const list = (entries: readonly Entry[]) =>
      entries.length === 0
        ? ['None.']
        : entries.map(({ title, text }) => `- ${escape(title)}: ${escape(text)}`);
    const { published, scheduled, draft, comments } = this.counts;
    return [
      '# WordPress import report',
      '',
      `From \`${source}\`.`,
      '',
      '## Counts',
      '',
      '| what | how many |',
      '| --- | --- |',
      `| posts published | ${published} |`,
      `| posts scheduled | ${scheduled} |`,
      `| posts imported as drafts | ${draft} |`,
      `| posts not imported | ${this.skipped.length} |`,
      `| authors | ${this.totals.authors} |`,
      `| sections (first categories) | ${this.totals.sections} |`,
      `| tags (tags and further categories) | ${this.totals.tags} |`,
      `| images copied | ${this.totals.images} |`,
      `| redirects from old addresses | ${this.totals.redirects} |`,
      `| comments (not imported) | ${comments} |`,
      '',
      '## Not imported',
      '',
      ...list(this.skipped),
      '',
      '## Other content (not imported)',
      '',
      ...(this.otherTypes.size === 0
        ? ['None.']
        : [...this.otherTypes].map(([type, count]) => `- ${escape(type)}: ${count}`)),
      '',
      '## Removed: markup the content rules refuse',
      '',
      ...list(this.removals),
      '',
      '## Shortcodes kept as text',
      '',
      ...list(this.shortcodes),
      '',
      '## Changed on the way',
      '',
      ...list(this.notes),
      '',
      '## Files edited since the last import, kept (`--force` replaces them)',
      '',
      ...(this.kept.length === 0 ? ['None.'] : this.kept.map((file) => `- ${escape(file)}`)),
      '',
    ].join('\n');
  }

  /** A few lines for the terminal. */
  summary(): string {
    const { published, scheduled, draft } = this.counts;
    return [
      `Imported ${published} published, ${scheduled} scheduled and ${draft} draft posts; ${this.skipped.length} not imported.`,
      `${this.totals.authors} authors, ${this.totals.sections} sections, ${this.totals.tags} tags, ${this.totals.images} images, ${this.totals.redirects} redirects.`,
      `${this.written.length} files written, ${this.unchanged.length} unchanged, ${this.kept.length} kept as edited.`,
      `${this.removals.length} removals and ${this.shortcodes.length} shortcodes are listed in the report.`,
    ].join('\n');
  }
}

// Report lines are Markdown: a title may not start a heading or a list, or bring its own markup.
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}
