import { Document, isMap, isSeq, parseDocument, YAMLError } from 'yaml';
import type { Position } from './problems.ts';

/** A frontmatter problem, located in the file (1-based). */
export interface FrontmatterProblem extends Partial<Position> {
  message: string;
}

/** An article file split into its YAML frontmatter and its body. */
export interface SplitSource {
  /**
   * The frontmatter's YAML text, preceded by one line break per line of the file before it, so
   * that line n of `yaml` is line n of the file. Empty when there is no frontmatter.
   */
  yaml: string;
  /** The parsed frontmatter: always a plain object, empty when it could not be read. */
  data: Record<string, unknown>;
  /** The body: everything after the closing `---` line, with LF line breaks. */
  body: string;
  /** How many lines of the file precede the body. */
  bodyLineOffset: number;
  /** Whether the file opens with a `---` frontmatter block. */
  hasFrontmatter: boolean;
  /** Problems with the frontmatter itself: syntax, another language, not a mapping. */
  problems: FrontmatterProblem[];
}

const BOM = '\uFEFF';
// The opening line: three dashes and nothing else but trailing blanks.
const OPENING = /^---[ \t]*$/;
// Another front-matter language: `---js`, `---javascript`, `---coffee`, `---toml`, TOML's `+++`,
// JSON's `;;;`. Khabar reads YAML only: those languages' readers evaluate code or differ from it.
const OTHER_LANGUAGE = /^(?:---[ \t]*(\S+).*|\+\+\+[ \t]*|;;;[ \t]*)$/;
// Only `---` closes it: Astro's MDX compiler finds the block the same way.
const CLOSING = /^---[ \t]*$/;

/** The text with a leading byte-order mark removed and every CRLF or lone CR made LF. */
export function normaliseLineBreaks(text: string): string {
  return (text.startsWith(BOM) ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

/**
 * Splits an article file into YAML frontmatter and body, and parses the YAML: the one reader that
 * validation, Astro's loader, the editing UI's checks and `npm run new` share, so that no two of
 * them can read a file differently.
 *
 * - A byte-order mark and CRLF or CR line breaks are read as if the file had none and LF.
 * - Only YAML 1.2 (core schema): dates stay strings, duplicate keys are errors, nothing runs; a
 *   block opened as another language (`---js`) is an error at line 1, and nothing of it is read.
 * - A file without an opening `---` line has no frontmatter: its whole text is the body.
 */
export function splitFrontmatter(source: string): SplitSource {
  const text = normaliseLineBreaks(source);
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  const none = (problems: FrontmatterProblem[] = []): SplitSource => ({
    yaml: '',
    data: {},
    body: text,
    bodyLineOffset: 0,
    hasFrontmatter: false,
    problems,
  });
  if (!OPENING.test(first)) {
    const other = OTHER_LANGUAGE.exec(first);
    if (!other) return none();
    const language = other[1] ?? (first.startsWith('+') ? 'TOML (+++)' : 'JSON (;;;)');
    return none([
      {
        line: 1,
        column: 1,
        message: `frontmatter must be YAML opened by a line of three dashes; \`${language}\` is another language, which Khabar never reads or runs`,
      },
    ]);
  }
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING.test(line));
  if (closing < 0) {
    return {
      ...none([
        {
          line: 1,
          column: 1,
          message: 'frontmatter is not closed: end it with a line of three dashes (`---`)',
        },
      ]),
      hasFrontmatter: true,
      body: '',
    };
  }
  const yaml = '\n' + lines.slice(1, closing).join('\n');
  const body = lines.slice(closing + 1).join('\n');
  const base = { yaml, body, bodyLineOffset: closing + 1, hasFrontmatter: true };
  const document = parseDocument(yaml, {
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: true,
  });
  const problems = [...document.errors, ...document.warnings].map(yamlProblem);
  if (problems.length > 0) return { ...base, data: {}, problems };
  if (document.contents !== null && !isMap(document.contents)) {
    return {
      ...base,
      data: {},
      problems: [
        { line: 2, column: 1, message: 'frontmatter must be a list of `field: value` lines' },
      ],
    };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return {
      ...base,
      data: {},
      problems: [{ line: 2, column: 1, message: `frontmatter: ${(error as Error).message}` }],
    };
  }
  return { ...base, data: (data as Record<string, unknown> | null) ?? {}, problems: [] };
}

/** A YAML parser's error or warning, at its line and column, without the position in words. */
function yamlProblem(error: YAMLError): FrontmatterProblem {
  const position = error.linePos?.[0];
  const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return {
    line: position?.line,
    column: position?.col,
    message: `YAML syntax error in frontmatter: ${reason}`,
  };
}

/**
 * YAML as authors write it, for the files Khabar writes itself (`npm run new`, the WordPress
 * import): the lists named in `flow` (`tags`, `authors`) on one line, `[CSTO, Kazakhstan]`.
 */
export function authoredYaml(value: unknown, flow: readonly string[] = []): string {
  const document = new Document(value);
  for (const key of flow) {
    const list = document.get(key, true);
    if (isSeq(list)) list.flow = true;
  }
  return document.toString({ flowCollectionPadding: false });
}
