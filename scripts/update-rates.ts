/**
 * `npm run rates:update`: fetch official rates, validate them, and rewrite content/rates.json and
 * content/rates/history.json atomically. Any failure exits non-zero with both files untouched.
 * Providers are untrusted: redirects stay on the configured host and never leave https, bodies are
 * capped (maxResponseBytes), and a publication dated more than a day after today (the build's
 * "now", SOURCE_DATE_EPOCH when set, in the site's time zone) is refused.
 *
 * Options:
 *   --content DIR        content folder (default content)
 *   --date YYYY-MM-DD    fetch the publication of that date instead of the latest
 *   --url ID=URL         override a provider's address (repeatable); or KHABAR_RATES_URL_<ID>
 *   --timeout-ms N, --retries N, --deadline-ms N, --max-change PERCENT   override config.json
 *   --dry-run            print the new rates.json; write nothing
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/lib/problems.ts';
import { isoDay, resolveNow } from '../src/lib/dates.ts';
import { gatherPublications } from '../src/lib/rates/gather.ts';
import { combinePublications, recordObservation } from '../src/lib/rates/history.ts';
import { RatesError } from '../src/lib/rates/provider.ts';
import { PROVIDERS } from '../src/lib/rates/providers/index.ts';
import { checkJson, checkRates } from '../src/validation/rates.ts';
import {
  DEFAULT_RATES_CONFIG,
  PROVIDER_IDS,
  providerIdSchema,
  ratesConfigSchema,
  type ProviderId,
  type RatesConfig,
} from '../src/schemas/rates-config.ts';
import { ratesHistorySchema, type RatesHistory } from '../src/schemas/rates-history.ts';
import { isoDaySchema } from '../src/schemas/rates.ts';
import { SITE } from '../src/site.config.ts';

const { values: args } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    date: { type: 'string' },
    url: { type: 'string', multiple: true, default: [] },
    'timeout-ms': { type: 'string' },
    retries: { type: 'string' },
    'deadline-ms': { type: 'string' },
    'max-change': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`rates:update: ${message}\nNothing was written.\n`);
  process.exit(1);
}

async function readOptional(path: string): Promise<string | undefined> {
  return existsSync(path) ? readFile(path, 'utf8') : undefined;
}

/** Writes next to the target, then renames over it: a crash leaves the old file whole. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(temp, text, { flush: true });
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

const contentDir = resolve(args.content);
const ratesPath = join(contentDir, 'rates.json');
const historyPath = join(contentDir, 'rates', 'history.json');
const configPath = join(contentDir, 'rates', 'config.json');

const configSource = await readOptional(configPath);
const configResult = configSource
  ? checkJson(
      { file: configPath, source: configSource },
      ratesConfigSchema,
      Object.keys(ratesConfigSchema.shape),
    )
  : { value: ratesConfigSchema.parse(DEFAULT_RATES_CONFIG), problems: [] };
if (!configResult.value)
  fail(`invalid configuration:\n${configResult.problems.map(formatProblem).join('\n')}`);
const numberOption = (name: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) fail(`--${name} expects a non-negative number, got "${value}"`);
  return n;
};
const config: RatesConfig = {
  ...configResult.value,
  timeoutMs: numberOption('timeout-ms', args['timeout-ms']) ?? configResult.value.timeoutMs,
  retries: numberOption('retries', args.retries) ?? configResult.value.retries,
  deadlineMs: numberOption('deadline-ms', args['deadline-ms']) ?? configResult.value.deadlineMs,
  maxDailyChangePercent:
    numberOption('max-change', args['max-change']) ?? configResult.value.maxDailyChangePercent,
};
if (args.date !== undefined && !isoDaySchema.safeParse(args.date).success)
  fail(`--date expects YYYY-MM-DD, got "${args.date}"`);

const urls = new Map<ProviderId, string>(
  PROVIDER_IDS.map((id) => [
    id,
    process.env[`KHABAR_RATES_URL_${id.toUpperCase()}`] || PROVIDERS[id].defaultUrl,
  ]),
);
for (const override of args.url) {
  const [id, ...rest] = override.split('=');
  const parsed = providerIdSchema.safeParse(id);
  if (!parsed.success || rest.length === 0)
    fail(`--url expects ID=URL with ID one of ${PROVIDER_IDS.join(', ')}, got "${override}"`);
  urls.set(parsed.data, rest.join('='));
}

const historySource = await readOptional(historyPath);
let history: RatesHistory = { base: config.base, observations: [] };
if (historySource !== undefined) {
  const checked = checkJson({ file: historyPath, source: historySource }, ratesHistorySchema, [
    'base',
    'observations',
  ]);
  if (!checked.value)
    fail(
      `the history is invalid; fix it before updating:\n${checked.problems.map(formatProblem).join('\n')}`,
    );
  if (checked.value.base !== config.base)
    fail(`${historyPath} is in ${checked.value.base}, the configuration in ${config.base}`);
  history = checked.value;
}
const currentSource = await readOptional(ratesPath);
const storedAsOf = currentSource
  ? checkRates({ file: ratesPath, source: currentSource }).rates?.asOf
  : undefined;

let today: string;
try {
  today = isoDay(resolveNow(process.env), SITE.timeZone);
} catch (error) {
  fail((error as Error).message);
}
const publications = await gatherPublications(config, {
  urls,
  date: args.date,
  today,
  timeZone: SITE.timeZone,
});

let next: ReturnType<typeof recordObservation>;
try {
  next = recordObservation(history, combinePublications(config, publications), config, storedAsOf);
} catch (error) {
  if (error instanceof RatesError) fail(error.message);
  throw error;
}

const ratesText = `${JSON.stringify(next.rates, null, 2)}\n`;
if (args['dry-run']) {
  process.stdout.write(ratesText);
  process.exit(0);
}
const historyText = `${JSON.stringify(next.history, null, 2)}\n`;
// History first: should a crash fall between the two renames, a re-run on the same day repairs rates.json.
if (historyText !== historySource) await writeAtomic(historyPath, historyText);
if (ratesText !== currentSource) await writeAtomic(ratesPath, ratesText);
const summary = next.rates.rates
  .map((rate) => `${rate.code} ${rate.value} (${rate.change}%)`)
  .join(', ');
process.stdout.write(`Rates of ${next.rates.asOf} in ${next.rates.base}: ${summary}\n`);
