import {
  countries as allCountries,
  monthIndex,
  type Country,
  type Indicator,
  type RiskNode,
} from '@prevention/core';
import { developmentIndicators, developmentRiskSubtree } from '@prevention/development';
import { humanRightsIndicators, humanRightsRiskSubtree } from '@prevention/human-rights';
import { peaceSecurityIndicators, peaceSecurityRiskSubtree } from '@prevention/peace-security';
import { csvChunks } from '../csv-cell.js';
import { SeededRandom } from './random.js';

/** A country whose situation deteriorates from a month on, so that its risk visibly rises. */
export interface SyntheticRise {
  country: string;
  /** The first month of the deterioration, `YYYY-MM`. */
  from: string;
  /** How far the country's latent fragility (0–1) climbs, reached 18 months after `from`. */
  by: number;
}

export interface SyntheticIndicatorHistoryOptions {
  seed: number;
  /** Months as `YYYY-MM`, both included; quarterly and yearly figures cover them. */
  from: string;
  to: string;
  /** ISO3 codes; every member and observer state by default. */
  countries?: readonly string[];
  rises?: readonly SyntheticRise[];
  /** Fragility (0–1) to start a country from instead of its region's typical level. */
  baselines?: Readonly<Record<string, number>>;
  /** Populations to state instead of a made-up one (per-capita figures of real events need them). */
  populations?: Readonly<Record<string, number>>;
  /**
   * Countries whose conflict figures come from events (a synthetic ACLED file, say): the
   * monthly peace-and-security figures are left out for them, so the derivation supplies them.
   */
  eventCountries?: readonly string[];
}

/**
 * Figures that the pillars derive monthly from signals, stated as yearly values for the
 * countries that have no signals (a year's value stands for each of its months): enough of
 * each pillar's violence and violations for the model's coverage rules, and political tension.
 */
export const syntheticSignalFigures = [
  'peace-security.fatalities-per-100k',
  'peace-security.civilian-fatalities-per-100k',
  'peace-security.political-tension',
  'human-rights.violations',
  'human-rights.verified-violations',
  'human-rights.victims-per-100k',
] as const;

/** The source cell of every row: the figures are made up and must never pass for real ones. */
export const syntheticIndicatorSource = 'Synthetic demo data';

export const syntheticIndicatorColumns = ['area', 'month', 'indicator', 'value', 'source'] as const;

/**
 * A typical fragility by M49 sub-region (or intermediate region), only so that the synthetic
 * map is not noise: the generator spreads each country widely around it.
 */
const regionalFragility: Readonly<Record<string, number>> = {
  '202': 0.55, // Sub-Saharan Africa
  '015': 0.45, // Northern Africa
  '145': 0.45, // Western Asia
  '034': 0.45, // Southern Asia
  '035': 0.35, // South-eastern Asia
  '143': 0.35, // Central Asia
  '030': 0.25, // Eastern Asia
  '419': 0.35, // Latin America and the Caribbean
  '151': 0.3, // Eastern Europe
  '039': 0.18, // Southern Europe
  '154': 0.08, // Northern Europe
  '155': 0.1, // Western Europe
  '021': 0.12, // Northern America
  '053': 0.08, // Australia and New Zealand
  '054': 0.4, // Melanesia
  '057': 0.3, // Micronesia
  '061': 0.3, // Polynesia
};

/** The leaves of the pillars' risk subtrees whose figures come from external datasets. */
function externalLeaves(catalogue: ReadonlyMap<string, Indicator>): Indicator[] {
  const codes: string[] = [];
  const walk = (node: RiskNode) => {
    if (node.kind === 'indicator') codes.push(node.id);
    else if (node.kind === 'aggregate') node.children.forEach(walk);
  };
  [peaceSecurityRiskSubtree, developmentRiskSubtree, humanRightsRiskSubtree].forEach(walk);
  return codes
    .map((code) => catalogue.get(code))
    .filter((i): i is Indicator => i !== undefined && i.origin === 'external');
}

/** Whether an external indicator is reported quarterly (its validity window is under a year). */
const isFrequent = (indicator: Indicator) => (indicator.validity?.carryForwardMonths ?? 24) < 12;

/**
 * Events and victims are rare below a fragility of about a quarter, then grow faster than it:
 * calm countries report none in most months.
 */
const eventShare = (x: number) => Math.pow(clamp((x - 0.25) / 0.75), 1.5);

/**
 * The value of an indicator for a fragility of `x` (0–1): `x` placed between the goalposts of
 * the indicator's normalisation, on a log scale where it has one, turned round where a higher
 * value is better.
 */
function valueAt(indicator: Indicator, x: number): number {
  const worse = indicator.polarity === 'higher-is-worse' ? x : 1 - x;
  const n = indicator.normalisation;
  switch (n.method) {
    case 'identity':
      return round(worse * 10, 1);
    case 'min-max': {
      if (indicator.unit === 'yes-no') return worse < 0.5 ? 0 : 1;
      const value = n.min + worse * (n.max - n.min);
      return indicator.unit === 'count' ? Math.round(value) : round(value, 1);
    }
    case 'log-min-max':
      return round(Math.expm1(worse * Math.log1p(n.max - n.min)) + n.min, 2);
    default:
      return round(worse * 10, 1);
  }
}

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};
const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** A smooth 0–1 step over 18 months from the start of a rise. */
function riseShare(monthsSince: number): number {
  if (monthsSince <= 0) return 0;
  if (monthsSince >= 18) return 1;
  const t = monthsSince / 18;
  return t * t * (3 - 2 * t);
}

interface CountryPath {
  country: Country;
  base: number;
  /** Drift of the fragility per year. */
  drift: number;
  rise?: { start: number; by: number };
  /** Per indicator: where the country sits relative to its fragility. */
  offsets: Map<string, number>;
}

/**
 * A deterministic ten-year (or any span) history of the external indicators of the platform's
 * risk model for every country, as a plain CSV of values: yearly structural figures (period
 * `YYYY`), the signal-derived figures of `syntheticSignalFigures` for
 * each year, quarterly ones (`YYYY-Qn`) for the indicators valid for less than a year, and each country's population (the
 * per-capita denominator). Each country follows a latent fragility with a slow drift and small yearly
 * noise; each indicator sits a little above or below it; the countries in `rises` deteriorate
 * from a given month, so that the map and the trends have a story to tell. The figures are
 * synthetic, marked so in their source, and describe no country's real situation.
 */
export function generateSyntheticIndicatorHistory(
  options: SyntheticIndicatorHistoryOptions,
): AsyncGenerator<string> {
  const random = new SeededRandom(options.seed);
  const selected = options.countries
    ? allCountries.filter((c) => options.countries?.includes(c.code))
    : allCountries;
  const catalogue = new Map(
    [...peaceSecurityIndicators, ...developmentIndicators, ...humanRightsIndicators].map((i) => [
      i.code,
      i,
    ]),
  );
  const indicators = externalLeaves(catalogue);
  const signalFigures = syntheticSignalFigures.map((code) => {
    const indicator = catalogue.get(code);
    if (!indicator) throw new Error(`The catalogue has no indicator ${code}`);
    return indicator;
  });
  const eventCountries = new Set(options.eventCountries ?? []);
  const riseOf = new Map((options.rises ?? []).map((rise) => [rise.country, rise]));
  const paths: CountryPath[] = selected.map((country) => {
    const region =
      regionalFragility[country.intermediateRegion?.code ?? ''] ??
      regionalFragility[country.subRegion.code] ??
      0.3;
    const base = clamp(options.baselines?.[country.code] ?? region + (random.next() - 0.5) * 0.4);
    const rise = riseOf.get(country.code);
    return {
      country,
      base,
      drift: (random.next() - 0.5) * 0.02,
      ...(rise ? { rise: { start: monthIndex(rise.from), by: rise.by } } : {}),
      offsets: new Map(
        [...indicators, ...signalFigures].map((i) => [i.code, (random.next() - 0.5) * 0.3]),
      ),
    };
  });
  const start = monthIndex(options.from);
  const end = monthIndex(options.to);
  const fragility = (path: CountryPath, month: number) =>
    clamp(
      path.base +
        (path.drift * (month - start)) / 12 +
        (path.rise ? path.rise.by * riseShare(month - path.rise.start) : 0),
    );

  function* rows(): Generator<readonly string[]> {
    const firstYear = Math.floor(start / 12);
    const endYear = Math.floor(end / 12);
    // A year's structural figures are published after it: the last year of the span has none,
    // and its months carry the year before forward. Signal figures are there for every year.
    const lastStructuralYear = Math.max(firstYear, endYear - 1);
    const figure = (path: CountryPath, period: string, indicator: Indicator, x: number) =>
      [path.country.code, period, indicator.code, String(valueAt(indicator, clamp(x)))] as const;
    for (let year = firstYear; year <= endYear; year += 1)
      for (const path of paths) {
        const x = fragility(path, year * 12 + 6);
        const period = String(year);
        if (year <= lastStructuralYear) {
          yield [path.country.code, period, 'development.population', population(path)];
          for (const indicator of indicators) {
            if (isFrequent(indicator)) continue;
            const noise = (random.next() - 0.5) * 0.06;
            yield figure(path, period, indicator, x + offsetOf(path, indicator) + noise);
          }
        }
        for (const indicator of signalFigures) {
          if (indicator.pillar === 'peace-security' && eventCountries.has(path.country.code))
            continue;
          const share = eventShare(x + offsetOf(path, indicator) / 2);
          yield figure(path, period, indicator, share * (0.85 + random.next() * 0.3));
        }
      }
    for (let quarter = Math.floor(start / 3); quarter * 3 <= end; quarter += 1) {
      const period = `${Math.floor(quarter / 4)}-Q${(quarter % 4) + 1}`;
      for (const path of paths) {
        const x = fragility(path, quarter * 3 + 1);
        for (const indicator of indicators) {
          if (!isFrequent(indicator)) continue;
          const noise = (random.next() - 0.5) * 0.2;
          yield figure(path, period, indicator, x + offsetOf(path, indicator) + noise);
        }
      }
    }
  }
  const offsetOf = (path: CountryPath, indicator: Indicator) =>
    path.offsets.get(indicator.code) ?? 0;
  // Between 100,000 and 160 million, log-uniform, unless stated.
  const populations = new Map(
    paths.map((path) => [
      path.country.code,
      options.populations?.[path.country.code] ?? Math.round(10 ** (5 + random.next() * 3.2)),
    ]),
  );
  const population = (path: CountryPath) => String(populations.get(path.country.code) ?? 1e6);

  return csvChunks([syntheticIndicatorColumns], rows(), (cells) => [
    ...cells,
    syntheticIndicatorSource,
  ]);
}
