import { ensureShippedRiskModels, replaceRiskProfiles, type DatabaseClient } from '@prevention/db';
import { compileModel, createRiskProfiler, preventionRiskModel } from '@prevention/risk';
import { profileRange } from '../src/index.js';

/**
 * A (dataless, valid) profile of a country for the current month under the prevention model,
 * stored at each of the given bases (0 public … 3 strictly confidential).
 */
export async function storeProfiles(
  db: DatabaseClient,
  areaCode: string,
  bases: readonly number[],
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
      countryCode: areaCode,
      from: month,
      now: new Date(),
    },
    bases.map((basis) => ({
      month,
      basis,
      score: null,
      class: null,
      change3: null,
      change12: null,
      completeness: 0,
      reliability: 0,
      summary: {},
      profile,
    })),
  );
}
