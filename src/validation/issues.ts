import { YAMLError } from 'yaml';
import type { z } from 'astro/zod';
import { fieldLocator, fieldName, suggest, type Position, type Problem } from '../lib/problems.ts';
import type { CheckedArticle } from './article.ts';

/** Converts zod issues to problems located in the source; unknown keys get a did-you-mean. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  locate: (path: ReadonlyArray<PropertyKey>, key?: boolean) => Position | undefined,
  fieldsAt: readonly string[] | ((path: ReadonlyArray<PropertyKey>) => readonly string[]),
): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      const knownFields = typeof fieldsAt === 'function' ? fieldsAt(issue.path) : fieldsAt;
      return issue.keys.map((key) => {
        const near = suggest(key, knownFields);
        return {
          file,
          ...locate([...issue.path, key], true),
          field: fieldName([...issue.path, key]),
          message: `unknown field${near ? `; did you mean \`${near}\`?` : ` (expected one of: ${knownFields.join(', ')})`}`,
          severity: 'error',
        };
      });
    }
    const at =
      issue.code === 'custom' && Array.isArray(issue.params?.at)
        ? (issue.params.at as PropertyKey[])
        : issue.path;
    return [
      {
        file,
        ...locate(at),
        field: fieldName(issue.path) || undefined,
        message: issue.message,
        severity: 'error',
      },
    ];
  });
}

/** A YAML parser's error as a problem at its line and column, without the position repeated in words. */
export function yamlSyntaxProblem(file: string, error: unknown, what: string): Problem {
  const position = error instanceof YAMLError ? error.linePos?.[0] : undefined;
  const reason = ((error as Error).message.split('\n')[0] ?? '').replace(
    / at line \d+, column \d+:?$/,
    '',
  );
  return {
    file,
    line: position?.line,
    column: position?.col,
    message: `${what}: ${reason}`,
    severity: 'error',
  };
}

/** Where a frontmatter field of a checked article stands in its file. */
export function locateField(
  article: CheckedArticle,
  path: ReadonlyArray<PropertyKey>,
): Position | undefined {
  return fieldLocator(article.frontmatter)(path);
}
