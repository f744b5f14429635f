import { findCountry } from '@prevention/core';
import {
  acledDisorderType,
  eventTypeOf,
  interactionCode,
  interCodeOf,
  type ActorType,
  type EventType,
  type SubEventType,
} from '@prevention/peace-security';
import { acledColumns, type AcledColumn } from '../acled/acled-columns.js';
import { csvChunks } from '../csv-cell.js';
import { SeededRandom } from './random.js';
import { syntheticCountry, type SyntheticCountry } from './synthetic-countries.js';

export interface SyntheticAcledOptions {
  seed: number;
  /** ISO3 codes of demo countries (see `syntheticCountries`); all of them by default. */
  countries?: readonly string[];
  /** Either a number of rows … */
  rows?: number;
  /** … or a span of years, with about `eventsPerYear` events a year in the busiest country. */
  years?: { from: number; to: number };
  eventsPerYear?: number;
  /** Countries whose events multiply from a month on (only with `years`). */
  surges?: readonly AcledSurge[];
}

/** A country's events growing `factor`-fold over the 18 months from `from` (`YYYY-MM`), then staying there. */
export interface AcledSurge {
  country: string;
  from: string;
  factor: number;
}

/** The multiple of a country's usual rate of events on a day, under its surge. */
function surgeFactor(surge: AcledSurge | undefined, day: number): number {
  if (!surge) return 1;
  const start = Date.UTC(Number(surge.from.slice(0, 4)), Number(surge.from.slice(5, 7)) - 1, 1);
  const months = (day * 86_400_000 - start) / (30.44 * 86_400_000);
  if (months <= 0) return 1;
  const t = Math.min(1, months / 18);
  return 1 + (surge.factor - 1) * t * t * (3 - 2 * t);
}

/** Shares of event types, roughly as in ACLED's data for countries in conflict. */
const eventTypeShares: readonly (readonly [EventType, number])[] = [
  ['Battles', 22],
  ['Explosions/Remote violence', 18],
  ['Violence against civilians', 20],
  ['Protests', 25],
  ['Riots', 7],
  ['Strategic developments', 8],
];

const subEventShares: Record<EventType, readonly (readonly [SubEventType, number])[]> = {
  Battles: [
    ['Armed clash', 90],
    ['Government regains territory', 5],
    ['Non-state actor overtakes territory', 5],
  ],
  'Explosions/Remote violence': [
    ['Shelling/artillery/missile attack', 40],
    ['Air/drone strike', 35],
    ['Remote explosive/landmine/IED', 20],
    ['Grenade', 3],
    ['Suicide bomb', 1.5],
    ['Chemical weapon', 0.5],
  ],
  'Violence against civilians': [
    ['Attack', 75],
    ['Abduction/forced disappearance', 20],
    ['Sexual violence', 5],
  ],
  Protests: [
    ['Peaceful protest', 88],
    ['Protest with intervention', 9],
    ['Excessive force against protesters', 3],
  ],
  Riots: [
    ['Violent demonstration', 60],
    ['Mob violence', 40],
  ],
  'Strategic developments': [
    ['Looting/property destruction', 30],
    ['Arrests', 20],
    ['Change to group/activity', 15],
    ['Agreement', 8],
    ['Headquarters or base established', 7],
    ['Non-violent transfer of territory', 5],
    ['Disrupted weapons use', 10],
    ['Other', 5],
  ],
};

const armed: readonly (readonly [ActorType, number])[] = [
  ['state-forces', 40],
  ['rebel-group', 25],
  ['political-militia', 15],
  ['identity-militia', 15],
  ['external-other-forces', 5],
];

/** The two actors of an event; actor 2 absent when actor 1 acted alone. */
function actorsFor(
  sub: SubEventType,
  random: SeededRandom,
): { actor1: ActorType; actor2?: ActorType } {
  switch (eventTypeOf(sub)) {
    case 'Battles': {
      const actor1 = random.weighted(armed);
      let actor2 = random.weighted(armed);
      if (actor2 === actor1 && actor1 === 'state-forces') actor2 = 'rebel-group';
      return { actor1, actor2 };
    }
    case 'Explosions/Remote violence': {
      const actor1 = sub === 'Air/drone strike' ? 'state-forces' : random.weighted(armed);
      return random.chance(0.6) ? { actor1, actor2: 'civilians' } : { actor1 };
    }
    case 'Violence against civilians':
      return { actor1: random.weighted(armed), actor2: 'civilians' };
    case 'Protests':
      if (sub === 'Peaceful protest') return { actor1: 'protesters' };
      if (sub === 'Excessive force against protesters')
        return { actor1: 'state-forces', actor2: 'protesters' };
      return { actor1: 'protesters', actor2: 'state-forces' };
    case 'Riots':
      return sub === 'Mob violence'
        ? { actor1: 'rioters', actor2: 'civilians' }
        : random.chance(0.5)
          ? { actor1: 'rioters', actor2: 'state-forces' }
          : { actor1: 'rioters' };
    case 'Strategic developments':
      return random.chance(0.5)
        ? { actor1: random.weighted(armed) }
        : { actor1: random.weighted(armed), actor2: 'civilians' };
  }
}

/** Heavy-tailed fatalities: most events none, a few very many (a Pareto tail, capped). */
function fatalitiesFor(eventType: EventType, sub: SubEventType, random: SeededRandom): number {
  const zeroShare: Record<EventType, number> = {
    Battles: 0.45,
    'Explosions/Remote violence': 0.55,
    'Violence against civilians': 0.5,
    Protests: 0.995,
    Riots: 0.9,
    'Strategic developments': 1,
  };
  if (sub === 'Abduction/forced disappearance' || sub === 'Sexual violence') return 0;
  if (random.next() < zeroShare[eventType]) return 0;
  const pareto = 1 / Math.pow(1 - random.next(), 1 / 1.1);
  return Math.min(2000, Math.floor(pareto));
}

function actorName(type: ActorType, country: SyntheticCountry, name: string, random: SeededRandom) {
  switch (type) {
    case 'state-forces':
      return random.chance(0.8) ? `Military Forces of ${name}` : `Police Forces of ${name}`;
    case 'rebel-group':
      return random.pick([`${name} Liberation Movement`, `${name} People's Front`]);
    case 'political-militia':
      return `Unidentified Armed Group (${name})`;
    case 'identity-militia':
      return `${random.pick(country.admin1)} Communal Militia (${name})`;
    case 'rioters':
      return `Rioters (${name})`;
    case 'protesters':
      return `Protesters (${name})`;
    case 'civilians':
      return `Civilians (${name})`;
    case 'external-other-forces':
      return 'Private Security Forces (International)';
  }
}

const sources = [
  'Local media',
  'International media',
  'Local partner',
  'NGO report',
  'Government statement',
];

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** One synthetic event, as the cells of an ACLED export row. */
function syntheticRow(
  random: SeededRandom,
  country: SyntheticCountry,
  eventNumber: number,
  day: number,
): Record<AcledColumn, string> {
  const known = findCountry(country.code);
  const name = known?.name ?? country.code;
  const m49 = known?.m49 ?? '0';
  const eventType = random.weighted(eventTypeShares);
  const sub = random.weighted(subEventShares[eventType]);
  const { actor1, actor2 } = actorsFor(sub, random);
  const fatalities = fatalitiesFor(eventType, sub, random);
  const admin1 = random.pick(country.admin1);
  const violent = eventType !== 'Strategic developments' && eventType !== 'Protests';
  const civilianTargeting = violent && actor2 === 'civilians';
  const date = isoDate(day);
  const lat = country.latitude[0] + random.next() * (country.latitude[1] - country.latitude[0]);
  const lon = country.longitude[0] + random.next() * (country.longitude[1] - country.longitude[0]);
  const eventSources = random.chance(0.3)
    ? [random.pick(sources), random.pick(sources)]
    : [random.pick(sources)];
  const multiLine = random.chance(0.02);
  const notes =
    `On ${date}, ${sub.toLowerCase()} in ${admin1} (${name})` +
    (fatalities > 0 ? `, with ${fatalities} reported fatalities.` : '.') +
    (multiLine ? '\nFollow-up: "figures unconfirmed"; sources differ.' : '');
  return {
    event_id_cnty: `${country.code}${eventNumber}`,
    event_date: date,
    year: date.slice(0, 4),
    time_precision: String(
      random.weighted([
        [1, 80],
        [2, 15],
        [3, 5],
      ] as const),
    ),
    disorder_type: acledDisorderType(sub),
    event_type: eventType,
    sub_event_type: sub,
    actor1: actorName(actor1, country, name, random),
    assoc_actor_1: actor1 === 'protesters' && random.chance(0.3) ? `Teachers (${name})` : '',
    inter1: String(interCodeOf(actor1)),
    actor2: actor2 ? actorName(actor2, country, name, random) : '',
    assoc_actor_2: '',
    inter2: actor2 ? String(interCodeOf(actor2)) : '0',
    interaction: String(interactionCode(actor1, actor2)),
    civilian_targeting: civilianTargeting ? 'Civilian targeting' : '',
    iso: String(Number(m49)),
    region: known ? (known.intermediateRegion ?? known.subRegion).name : '',
    country: name,
    admin1,
    admin2: '',
    admin3: '',
    location: `${admin1} ${random.pick(['town', 'village', 'market', 'camp', 'district'])} ${random.int(1, 40)}`,
    latitude: lat.toFixed(4),
    longitude: lon.toFixed(4),
    geo_precision: String(
      random.weighted([
        [1, 70],
        [2, 25],
        [3, 5],
      ] as const),
    ),
    source: eventSources.join('; '),
    source_scale: random.pick(['National', 'Subnational', 'Local partner-International']),
    notes,
    fatalities: String(fatalities),
    tags: eventType === 'Protests' ? 'crowd size=no report' : '',
    timestamp: String(day * 86_400 + random.int(7, 60) * 86_400),
  };
}

const epochDay = (year: number) => Date.UTC(year, 0, 1) / 86_400_000;

function* syntheticRows(options: SyntheticAcledOptions): Generator<readonly string[]> {
  const random = new SeededRandom(options.seed);
  const countries = (options.countries ?? ['SDN', 'SSD', 'MLI', 'HTI', 'MMR']).map(
    syntheticCountry,
  );
  const weights = countries.map((c) => [c, c.activity] as const);
  const counters = new Map<string, number>();
  const emit = (country: SyntheticCountry, day: number) => {
    const n = (counters.get(country.code) ?? 0) + 1;
    counters.set(country.code, n);
    const row = syntheticRow(random, country, n, day);
    return acledColumns.map((c) => row[c]);
  };
  if (options.rows !== undefined) {
    // N rows spread evenly over two years, in date order as ACLED exports them.
    const first = epochDay(2024);
    const span = epochDay(2026) - first;
    for (let i = 0; i < options.rows; i += 1)
      yield emit(random.weighted(weights), first + Math.floor((i * span) / options.rows));
    return;
  }
  const years = options.years ?? { from: 2024, to: 2024 };
  const busiest = Math.max(...countries.map((c) => c.activity));
  const perYear = options.eventsPerYear ?? 2000;
  const surgeOf = new Map((options.surges ?? []).map((surge) => [surge.country, surge]));
  for (let day = epochDay(years.from); day < epochDay(years.to + 1); day += 1)
    for (const country of countries) {
      const rate = (perYear * country.activity) / busiest / 365;
      const count = random.poisson(rate * surgeFactor(surgeOf.get(country.code), day));
      for (let k = 0; k < count; k += 1) yield emit(country, day);
    }
}

/**
 * A synthetic ACLED export, deterministic from its seed: event and sub-event types in
 * plausible proportions, actors whose inter codes fit the event type, heavy-tailed fatalities
 * (most events none), about 2 % of notes over two lines. Rows are made one at a time and
 * streamed as CSV chunks, so a million rows need no more memory than ten.
 */
export function generateSyntheticAcled(options: SyntheticAcledOptions): AsyncGenerator<string> {
  if (options.rows !== undefined && options.years !== undefined)
    throw new RangeError('Give either rows or years, not both');
  return csvChunks([acledColumns], syntheticRows(options), (cells) => cells);
}
