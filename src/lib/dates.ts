/** Calendar fields of an instant as seen on a wall clock in some time zone. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `date` in `timeZone`. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? NaN,
    month: fields.month ?? NaN,
    day: fields.day ?? NaN,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
  };
}

/** Offset of `timeZone` from UTC at the instant `date`, in milliseconds (east positive). */
function zoneOffset(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant at which the given wall-clock time occurs in `timeZone`. */
export function zonedTime(
  fields: Pick<ZonedParts, 'year' | 'month' | 'day'> & Partial<ZonedParts>,
  timeZone: string,
): Date {
  const wall = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  // Two passes settle the offset even when the first guess lands across a DST change.
  let instant = wall - zoneOffset(new Date(wall), timeZone);
  instant = wall - zoneOffset(new Date(instant), timeZone);
  return new Date(instant);
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const ZONED_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function validCalendarDate(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

/** Whether `text` is a real calendar day written `YYYY-MM-DD` (no 2026-02-30). */
export function isCalendarDay(text: string): boolean {
  const match = PLAIN_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return validCalendarDate(year, month, day);
}

/**
 * Reads a frontmatter date. Accepts `YYYY-MM-DD` (midnight in `timeZone`), an ISO 8601 date-time
 * with an offset, one without (read in `timeZone`), or a `Date` as YAML parsers produce them.
 * YAML turns a plain `2026-02-12` into midnight UTC, so a `Date` at exactly midnight UTC is read as
 * that plain date. Returns `undefined` for anything else.
 */
export function parseContentDate(value: unknown, timeZone: string): Date | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const isUtcMidnight =
      value.getUTCHours() === 0 &&
      value.getUTCMinutes() === 0 &&
      value.getUTCSeconds() === 0 &&
      value.getUTCMilliseconds() === 0;
    if (!isUtcMidnight) return value;
    return zonedTime(
      { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() },
      timeZone,
    );
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const plain = PLAIN_DATE.exec(text);
  if (plain) {
    const [year, month, day] = plain.slice(1).map(Number) as [number, number, number];
    return validCalendarDate(year, month, day)
      ? zonedTime({ year, month, day }, timeZone)
      : undefined;
  }
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [year, month, day, hour, minute, second = 0] = local
      .slice(1)
      .map((v) => Number(v ?? 0)) as number[] as [number, number, number, number, number, number?];
    if (!validCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59)
      return undefined;
    return zonedTime({ year, month, day, hour, minute, second }, timeZone);
  }
  if (ZONED_DATE_TIME.test(text)) {
    const date = new Date(text.replace(' ', 'T'));
    const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
    return Number.isNaN(date.getTime()) || !validCalendarDate(year, month, day) ? undefined : date;
  }
  return undefined;
}

/**
 * The build's "now": `SOURCE_DATE_EPOCH` (whole seconds since the Unix epoch, the
 * reproducible-builds convention) when set, otherwise the clock.
 * @throws Error when `SOURCE_DATE_EPOCH` is set but is not a whole number of seconds.
 */
export function resolveNow(
  env: Readonly<Record<string, string | undefined>>,
  clock: () => Date = () => new Date(),
): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw.trim() === '') return clock();
  if (!/^\d+$/.test(raw.trim())) {
    throw new Error(
      `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01T00:00:00Z, got "${raw}"`,
    );
  }
  return new Date(Number(raw.trim()) * 1000);
}

const longDateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * What `formatter` writes of `date`, without the literal text it adds after the last field: the
 * `г.` (year) of Russian's `12 февраля 2026 г.`, which newsrooms do not print in dates.
 */
function withoutTrailingLiteral(formatter: Intl.DateTimeFormat, date: Date): string {
  const parts = formatter.formatToParts(date);
  while (parts.length > 1 && parts[parts.length - 1]!.type === 'literal') parts.pop();
  return parts.map(({ value }) => value).join('');
}

/** `text` with its first letter in upper case, as `locale` writes it: month names begin headings. */
function capitalised(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/**
 * A reader-facing date such as `12 February 2026` (`12 февраля 2026` in `ru-RU`), on the calendar
 * of `timeZone`.
 */
export function formatLongDate(date: Date, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let formatter = longDateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    });
    longDateFormatters.set(key, formatter);
  }
  return withoutTrailingLiteral(formatter, date);
}

/** A month and year for archive headings: `February 2026`, `Февраль 2026` in `ru-RU`. */
export function formatMonthYear(year: number, month: number, locale: string): string {
  const formatter = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return capitalised(
    withoutTrailingLiteral(formatter, new Date(Date.UTC(year, month - 1, 1))),
    locale,
  );
}

/** A month's name alone, for lists under their year: `January`, `Январь` in `ru-RU`. */
export function formatMonthName(month: number, locale: string): string {
  const name = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
  return capitalised(name, locale);
}

/** `YYYY-MM-DD` of `date` on the calendar of `timeZone`. */
export function isoDay(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Whole calendar days from the day `from` to the day `to`, both `YYYY-MM-DD`. */
export function daysBetween(from: string, to: string): number {
  const toUtc = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}
