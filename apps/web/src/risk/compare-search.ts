import { CountryCode, Id, Month } from '@prevention/core';
import type { SearchValues } from '../router/paths.js';

/** The most countries the compare page shows side by side. */
export const maxCompared = 4;

/**
 * What `/risk/compare` shows, read from its address so a comparison can be shared:
 * `?areas=SDN,MLI&model=<id>` compares countries under one model version (the server's default
 * without `model`); `?areas=SDN&models=<a>,<b>` compares one country under two versions.
 */
export type CompareSelection =
  | {
      kind: 'countries';
      areaCodes: string[];
      modelVersionId: string | undefined;
      month: string | undefined;
    }
  | {
      kind: 'versions';
      areaCode: string | undefined;
      /** Up to two; the page fills the missing ones with the country's defaults. */
      modelVersionIds: string[];
      month: string | undefined;
    };

/** A comma-separated list, each item kept when the schema accepts it. */
function listOf(value: string | undefined, accept: (item: string) => string | undefined) {
  const items = (value ?? '').split(',').map((item) => accept(item.trim()));
  return items.filter((item): item is string => item !== undefined);
}

const countryCodeOf = (item: string) => {
  const parsed = CountryCode.safeParse(item.toUpperCase());
  return parsed.success ? parsed.data : undefined;
};

const idOf = (item: string) => {
  const parsed = Id.safeParse(item.toLowerCase());
  return parsed.success ? parsed.data : undefined;
};

/**
 * The selection an address asks for. What is not valid is left out rather than refused — an
 * unknown country, a second copy, a fifth country, a malformed id or month — so an edited or
 * outdated link still opens on what it can show.
 */
export function parseCompareSearch(search: Readonly<Record<string, string>>): CompareSelection {
  const areaCodes = [...new Set(listOf(search.areas, countryCodeOf))].slice(0, maxCompared);
  const monthParsed = Month.safeParse(search.month);
  const month = monthParsed.success ? monthParsed.data : undefined;
  if (search.models !== undefined) {
    return {
      kind: 'versions',
      areaCode: areaCodes[0],
      modelVersionIds: listOf(search.models, idOf).slice(0, 2),
      month,
    };
  }
  return { kind: 'countries', areaCodes, modelVersionId: idOf(search.model ?? ''), month };
}

/**
 * The address's query for a selection, which `parseCompareSearch` reads back as it is — but for
 * two versions without any version id, which reads back as its country alone.
 */
export function compareSearchOf(selection: CompareSelection): SearchValues {
  if (selection.kind === 'versions') {
    return {
      areas: selection.areaCode,
      models: selection.modelVersionIds.join(','),
      month: selection.month,
    };
  }
  return {
    areas: selection.areaCodes.join(','),
    model: selection.modelVersionId,
    month: selection.month,
  };
}
