import { asList, decodeXml, parseXml } from '../decode.ts';
import {
  dayFromDotted,
  dayParts,
  parseDecimal,
  RatesError,
  withQuery,
  type RatesProvider,
} from '../provider.ts';

interface Valute {
  CharCode?: string;
  Nominal?: string;
  Value?: string;
  VunitRate?: string;
}

/**
 * The Central Bank of Russia's daily XML: windows-1251, comma decimals, roubles per `Nominal`
 * units (`Value`) and per one unit (`VunitRate`). X in the base is `VunitRate(X) / VunitRate(base)`.
 * A currency listed twice is refused: which of the two is right cannot be told.
 */
export const cbr: RatesProvider = {
  id: 'cbr',
  name: 'Central Bank of the Russian Federation',
  defaultUrl: 'https://www.cbr.ru/scripts/XML_daily.asp',
  urlFor: (url, date) => {
    if (!date) return url;
    const [d, m, y] = dayParts(date);
    return withQuery(url, 'date_req', `${d}/${m}/${y}`);
  },
  parse(payload, base) {
    const source = 'cbr';
    const xml = parseXml(decodeXml(payload, source), source);
    const root = xml.ValCurs as { '@Date'?: string; Valute?: Valute | Valute[] } | undefined;
    if (!root) throw new RatesError(`${source}: expected a <ValCurs> document`);
    const date = dayFromDotted(root['@Date'], `${source}: ValCurs Date`);
    const roublesPerUnit: Record<string, number> = { RUB: 1 };
    const seen = new Set<string>();
    for (const valute of asList(root.Valute)) {
      const code = valute.CharCode?.trim();
      if (!code) throw new RatesError(`${source}: a <Valute> has no <CharCode>`);
      if (seen.has(code))
        throw new RatesError(`${source}: ${code} appears more than once in one publication`);
      seen.add(code);
      roublesPerUnit[code] =
        valute.VunitRate !== undefined
          ? parseDecimal(valute.VunitRate, `${source}: ${code} VunitRate`)
          : parseDecimal(valute.Value, `${source}: ${code} Value`) /
            parseDecimal(valute.Nominal, `${source}: ${code} Nominal`);
    }
    const basePerUnit = roublesPerUnit[base];
    if (basePerUnit === undefined)
      throw new RatesError(`${source}: the base currency ${base} is missing`);
    const values = Object.fromEntries(
      Object.entries(roublesPerUnit).map(([code, rub]) => [code, rub / basePerUnit]),
    );
    return { provider: 'cbr', date, values };
  },
};
