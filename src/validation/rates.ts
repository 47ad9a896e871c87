import type { z } from 'astro/zod';
import { ratesSchema, type Rates } from '../schemas/rates.ts';
import { fieldLocator, type Problem } from '../lib/problems.ts';
import type { SourceFile } from './article.ts';
import { issuesToProblems } from './issues.ts';

/**
 * Checks a JSON file against a schema: syntax errors and schema problems, each located by line.
 * `fields` are the top-level keys offered as suggestions for unknown ones.
 */
export function checkJson<T>(
  { file, source }: SourceFile,
  schema: z.ZodType<T>,
  fields: readonly string[],
): { value?: T; problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1];
    const before = offset === undefined ? undefined : source.slice(0, Number(offset)).split('\n');
    return {
      problems: [
        {
          file,
          line: before?.length,
          column: before ? (before.at(-1)?.length ?? 0) + 1 : undefined,
          message: `expected valid JSON: ${message}`,
          severity: 'error',
        },
      ],
    };
  }
  const result = schema.safeParse(json);
  if (result.success) return { value: result.data, problems: [] };
  return { problems: issuesToProblems(result.error.issues, file, fieldLocator(source), fields) };
}

/** Checks the ticker's rates file: JSON syntax and the rates schema. */
export function checkRates(file: SourceFile): { rates?: Rates; problems: Problem[] } {
  const { value, problems } = checkJson(file, ratesSchema, ['asOf', 'base', 'rates']);
  return { rates: value, problems };
}
