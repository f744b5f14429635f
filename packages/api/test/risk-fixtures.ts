import { newId, type Sensitivity } from '@prevention/core';
import {
  ensureShippedRiskModels,
  replaceDerivedObservations,
  replaceRiskProfiles,
  type DatabaseClient,
} from '@prevention/db';
import { compileModel, createRiskProfiler, preventionRiskModel } from '@prevention/risk';
import { profileRange } from '../src/index.js';

/**
 * A (dataless, valid) profile of a country for the current month under the prevention model,
 * stored at each of the given bases (0 public … 3 strictly confidential); or of a sub-national
 * area of `countryCode`, with the headline score and class given.
 */
export async function storeProfiles(
  db: DatabaseClient,
  areaCode: string,
  bases: readonly number[],
  headline: { countryCode?: string; score?: number; class?: string } = {},
): Promise<void> {
  const [version] = await ensureShippedRiskModels(db, [preventionRiskModel], new Date());
  const { to: month } = profileRange(new Date());
  const profile = createRiskProfiler(compileModel(preventionRiskModel))
    .compute({ area: areaCode, observations: [] }, { from: month, to: month })
    .profile(month);
  await replaceRiskProfiles(
    db,
    {
      modelVersionId: version?.id ?? '',
      areaCode,
      countryCode: headline.countryCode ?? areaCode,
      from: month,
      now: new Date(),
    },
    bases.map((basis) => ({
      month,
      basis,
      score: headline.score ?? null,
      class: headline.class ?? null,
      change3: null,
      change12: null,
      completeness: 0,
      reliability: 0,
      summary: {},
      profile,
    })),
  );
}

/** The leaf and month of the observations `storeObservations` writes. */
export const observedLeaf = 'peace-security.battles';
export const observedMonth = '2030-01';

/**
 * One observation of `observedLeaf` for `observedMonth` in a country at each of the given
 * sensitivities, each from a source of its own; their ids by sensitivity.
 */
export async function storeObservations(
  db: DatabaseClient,
  areaCode: string,
  levels: readonly Sensitivity[],
  createdBy: string,
): Promise<Map<Sensitivity, string>> {
  const ids = new Map(levels.map((level) => [level, newId()]));
  await replaceDerivedObservations(
    db,
    {
      pillar: 'peace-security',
      areaCode,
      from: observedMonth,
      to: observedMonth,
      createdBy,
      now: new Date(),
    },
    [...ids].map(([sensitivity, id]) => ({
      id,
      indicatorCode: observedLeaf,
      areaCode,
      countryCode: areaCode,
      period: observedMonth,
      sex: null,
      age: null,
      source: `Derived from ${sensitivity} signals`,
      value: 3,
      reliability: 'high' as const,
      sensitivity,
    })),
  );
  return ids;
}
