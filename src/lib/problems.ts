import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** One thing wrong with the content, located as precisely as the source allows. */
export interface Problem {
  /** Path of the file, relative to the project. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** The field, e.g. `tags` or `rates[2].value`, when the problem is in one. */
  field?: string;
  /** What was expected, in words an author acts on. */
  message: string;
  /** Errors stop the build; warnings are printed and the build goes on. */
  severity: 'error' | 'warning';
}

/** A problem as a compiler prints it: `content/articles/x.md:3:7 tags: expected a list of strings`. */
export function formatProblem(problem: Problem): string {
  const where = [
    problem.file,
    problem.line,
    problem.line !== undefined ? problem.column : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(':');
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where} ${prefix}${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

/** Problems in reading order: by file, then line, then column. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

/** A field path as authors read it: `tags[0]`, `rates[2].value`. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (name, key) =>
      typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key),
    '',
  );
}

/** Optimal string alignment distance: edits, with a swap of neighbours counting as one. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate closest to `word` (case-insensitively), when it is a near miss. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const limit = word.length <= 4 ? 1 : 2;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** A 1-based position within a file. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Finds where a field stands in YAML or JSON text (JSON is YAML), for error positions.
 * `lineOffset` is how many lines of the file precede the text (1 for frontmatter after `---`).
 * For a missing key the position of its parent is returned.
 */
export function fieldLocator(
  source: string,
  lineOffset = 0,
): (path: ReadonlyArray<PropertyKey>, key?: boolean) => Position | undefined {
  const lineCounter = new LineCounter();
  let document: ReturnType<typeof parseDocument> | undefined;
  try {
    document = parseDocument(source, { lineCounter, uniqueKeys: false });
  } catch {
    document = undefined;
  }
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  return (path, key = false) => {
    let node: unknown = document?.contents;
    let found: Position | undefined = node && isNodeWithRange(node) ? at(node.range[0]) : undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) =>
            isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair || !isPair(pair)) return found;
        const keyNode = pair.key as Node;
        if (key && segment === path[path.length - 1] && keyNode.range) return at(keyNode.range[0]);
        node = pair.value;
        found = isNodeWithRange(node)
          ? at(node.range[0])
          : keyNode.range
            ? at(keyNode.range[0])
            : found;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (isNodeWithRange(node)) found = at(node.range[0]);
        else return found;
      } else {
        return found;
      }
    }
    return found;
  };
}

function isNodeWithRange(node: unknown): node is Node & { range: [number, number, number] } {
  return (
    typeof node === 'object' &&
    node !== null &&
    'range' in node &&
    Array.isArray((node as { range?: unknown }).range)
  );
}
