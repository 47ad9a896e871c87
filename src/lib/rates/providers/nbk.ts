import { asList, decodeXml, parseXml } from '../decode.ts';
import {
  dayFromDotted,
  dayParts,
  parseDecimal,
  RatesError,
  withQuery,
  type RatesProvider,
} from '../provider.ts';

interface Item {
  title?: string;
  pubDate?: string;
  description?: string;
  quant?: string;
}

/**
 * The National Bank of Kazakhstan's rates RSS: tenge per `quant` units (`description`) for each
 * currency code (`title`). X in the base is `(description/quant)(X) / (description/quant)(base)`.
 * A currency listed twice is refused: which of the two is right cannot be told.
 */
export const nbk: RatesProvider = {
  id: 'nbk',
  name: 'National Bank of Kazakhstan',
  defaultUrl: 'https://nationalbank.kz/rss/rates_all.xml',
  urlFor: (url, date) => {
    if (!date) return url;
    const [d, m, y] = dayParts(date);
    // The dated archive lives at another address; an overridden URL gets the date as a query.
    const dated =
      url === 'https://nationalbank.kz/rss/rates_all.xml'
        ? 'https://nationalbank.kz/rss/get_rates.cfm'
        : url;
    return withQuery(dated, 'fdate', `${d}.${m}.${y}`);
  },
  parse(payload, base) {
    const source = 'nbk';
    const xml = parseXml(decodeXml(payload, source), source);
    const channel = (xml.rss as { channel?: { item?: Item | Item[] } } | undefined)?.channel;
    const items = asList(channel?.item);
    if (items.length === 0)
      throw new RatesError(`${source}: expected an RSS channel with <item> rates`);
    const dates = new Set(
      items.map((item) =>
        dayFromDotted(item.pubDate, `${source}: ${item.title ?? 'item'} pubDate`),
      ),
    );
    if (dates.size !== 1)
      throw new RatesError(`${source}: items carry different dates: ${[...dates].join(', ')}`);
    const tengePerUnit: Record<string, number> = { KZT: 1 };
    const seen = new Set<string>();
    for (const item of items) {
      const code = item.title?.trim();
      if (!code) throw new RatesError(`${source}: an <item> has no <title> currency code`);
      if (seen.has(code))
        throw new RatesError(`${source}: ${code} appears more than once in one publication`);
      seen.add(code);
      tengePerUnit[code] =
        parseDecimal(item.description, `${source}: ${code} description`) /
        parseDecimal(item.quant ?? '1', `${source}: ${code} quant`);
    }
    const basePerUnit = tengePerUnit[base];
    if (basePerUnit === undefined)
      throw new RatesError(`${source}: the base currency ${base} is missing`);
    const values = Object.fromEntries(
      Object.entries(tengePerUnit).map(([code, kzt]) => [code, kzt / basePerUnit]),
    );
    return { provider: 'nbk', date: [...dates][0]!, values };
  },
};
