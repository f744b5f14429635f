import { findCountry, newId, type Area, type Organisation } from '@prevention/core';
import {
  demoAdmin1,
  demoCivilSocietyNames,
  demoFocusCountries,
  demoFunders,
  demoInternationalOrganisations,
} from './demo-areas.js';
import { generateDemoAssessments, type DemoAssessment } from './generate-demo-assessments.js';
import { createRandom, type Random } from './random.js';

export const DEMO_SEED = 20261126;

export interface DemoData {
  seed: number;
  subnationalAreas: Area[];
  organisations: Organisation[];
  /** Assessments in every status, as steps for the API's services to replay (see the api's loader). */
  assessments: DemoAssessment[];
}

/**
 * The demo data set: the same for a given seed on every machine. Later capabilities add their
 * records here (assessments, signals, plans), drawing from the same generator in a fixed order.
 */
export function generateDemoData(seed: number = DEMO_SEED): DemoData {
  const random = createRandom(seed);
  // Ids are UUIDv7 with a fixed clock, so they are deterministic and still sort by creation.
  let clock = Date.UTC(2026, 0, 1);
  const id = () => newId((clock += 1000), random.bytes(10));

  const organisations: Organisation[] = [
    ...demoInternationalOrganisations.map(([name, acronym, kind]) => ({
      id: id(),
      name,
      acronym,
      kind,
      countryCode: null,
    })),
    ...demoFocusCountries.flatMap((code) => nationalOrganisations(code, random, id)),
  ];
  const assessments = generateDemoAssessments(random, id);
  // The plans' funders and businesses came later: drawn after the assessments, they leave the
  // ids of everything before them as they were.
  organisations.push(...laterOrganisations(random, id));
  return {
    seed,
    subnationalAreas: demoFocusCountries.flatMap((code) => admin1Areas(code)),
    organisations,
    assessments,
  };
}

function laterOrganisations(random: Random, id: () => string): Organisation[] {
  return [
    ...demoFunders.map(([name, acronym, kind, countryCode]) => ({
      id: id(),
      name,
      acronym,
      kind,
      countryCode,
    })),
    ...demoFocusCountries.map((countryCode) => ({
      id: id(),
      name: `${findCountry(countryCode)?.name ?? countryCode} ${random.pick(demoCivilSocietyNames.privateSector)}`,
      acronym: null,
      kind: 'private-sector' as const,
      countryCode,
    })),
  ];
}

function admin1Areas(countryCode: string): Area[] {
  const country = findCountry(countryCode);
  if (!country) throw new Error(`Demo focus country ${countryCode} is not a known country`);
  return (demoAdmin1[countryCode] ?? []).map((name, index) => ({
    code: `${country.alpha2}${String(index + 1).padStart(2, '0')}`,
    kind: 'subnational',
    name,
    parentCode: country.code,
    adminLevel: 1,
    region: country.region,
    subRegion: country.subRegion,
    intermediateRegion: country.intermediateRegion ?? null,
  }));
}

function nationalOrganisations(
  countryCode: string,
  random: Random,
  id: () => string,
): Organisation[] {
  const country = findCountry(countryCode);
  if (!country) throw new Error(`Demo focus country ${countryCode} is not a known country`);
  const organisations: Organisation[] = [
    {
      id: id(),
      name: `Government of ${country.name}`,
      acronym: null,
      kind: 'government',
      countryCode,
    },
  ];
  const names = new Set<string>();
  while (names.size < 2) {
    names.add(
      `${country.name} ${random.pick(demoCivilSocietyNames.first)} ${random.pick(demoCivilSocietyNames.second)}`,
    );
  }
  for (const name of names) {
    organisations.push({ id: id(), name, acronym: null, kind: 'civil-society', countryCode });
  }
  organisations.push({
    id: id(),
    name: `${country.name} ${random.pick(demoCivilSocietyNames.academia)}`,
    acronym: null,
    kind: 'academia',
    countryCode,
  });
  return organisations;
}
