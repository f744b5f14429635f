import { csvChunks } from '../csv-cell.js';
import { SeededRandom } from './random.js';
import { demoPCode, syntheticCountry } from './synthetic-countries.js';

export interface SyntheticHxlDisplacementOptions {
  seed: number;
  /** ISO3 codes of demo countries; all of them by default. */
  countries?: readonly string[];
  /** Months as `YYYY-MM`, both included. */
  from: string;
  to: string;
}

/** The header and hashtag rows of the synthetic displacement file (wide HXL, as DTM-style tables are). */
export const syntheticDisplacementColumns = [
  ['Country', '#country+code'],
  ['State / region', '#adm1+name'],
  ['P-code', '#adm1+code'],
  ['Date', '#date'],
  ['IDPs', '#affected+idp+ind'],
  ['IDPs, women and girls', '#affected+idp+ind+f'],
  ['IDPs, men and boys', '#affected+idp+ind+m'],
  ['IDP children (0-17)', '#affected+idp+ind+children'],
  ['IDP adults (18-59)', '#affected+idp+ind+adults'],
  ['IDP older persons (60+)', '#affected+idp+ind+elderly'],
  ['Returnees in month', '#affected+returnees+ind'],
  ['Notes', ''],
  ['Source', '#meta+source'],
] as const;

function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      y += 1;
      m = 1;
    }
  }
  return out;
}

/**
 * A small, deterministic HXL file of internally displaced people and returnees by first-level
 * unit and month (demo P-codes), with sex and age columns that add up to the total, an
 * untagged notes column, and some empty cells. A random walk per unit keeps months plausible.
 */
export function generateSyntheticHxlDisplacement(
  options: SyntheticHxlDisplacementOptions,
): AsyncGenerator<string> {
  const random = new SeededRandom(options.seed);
  const countries = (options.countries ?? ['SDN', 'SSD', 'MLI', 'HTI', 'MMR']).map(
    syntheticCountry,
  );
  function* rows(): Generator<readonly string[]> {
    const stock = new Map<string, number>();
    for (const month of months(options.from, options.to))
      for (const country of countries)
        for (const [index, admin1] of country.admin1.entries()) {
          const pcode = demoPCode(country, index);
          const before = stock.get(pcode) ?? random.int(0, 200) * 500;
          const idps = Math.max(0, Math.round(before * (0.9 + random.next() * 0.25)));
          stock.set(pcode, idps);
          const female = Math.round(idps * (0.5 + random.next() * 0.06));
          const children = Math.round(idps * (0.45 + random.next() * 0.1));
          const older = Math.round(idps * 0.05);
          const reported = random.chance(0.9);
          yield [
            country.code,
            admin1,
            pcode,
            `${month}-15`,
            String(idps),
            reported ? String(female) : '',
            reported ? String(idps - female) : '',
            String(children),
            String(idps - children - older),
            String(older),
            String(Math.round(before * random.next() * 0.03)),
            random.chance(0.05) ? 'Partial coverage, estimate' : '',
            'Synthetic displacement tracking (demo)',
          ];
        }
  }
  return csvChunks(
    [syntheticDisplacementColumns.map(([h]) => h), syntheticDisplacementColumns.map(([, t]) => t)],
    rows(),
    (cells) => cells,
  );
}
