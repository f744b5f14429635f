import { AppError, isCountryInScope, type Actor } from '@prevention/core';
import {
  findAreaByCode,
  findAreas,
  findCountryBoundaries,
  type DatabaseClient,
} from '@prevention/db';
import type { BoundaryGeometry } from '@prevention/exchange';

export interface CountryBoundariesView {
  countryCode: string;
  /** The sub-national areas that have an outline, by P-code. */
  areas: { areaCode: string; name: string; geometry: BoundaryGeometry; points: number }[];
}

/**
 * The outlines of a country's sub-national areas, for its map. Outlines are public reference
 * data, but a country outside the caller's countries is answered as one that does not exist.
 */
export async function countryBoundaries(
  ctx: { db: DatabaseClient },
  actor: Actor,
  countryCode: string,
): Promise<CountryBoundariesView> {
  const country = await findAreaByCode(ctx.db, countryCode);
  if (!country || country.kind !== 'country' || !isCountryInScope(actor.scope, countryCode))
    throw AppError.notFound('The country');
  const [outlines, units] = await Promise.all([
    findCountryBoundaries(ctx.db, countryCode),
    findAreas(ctx.db, { parentCode: countryCode }),
  ]);
  const names = new Map(units.map((unit) => [unit.code, unit.name]));
  return {
    countryCode,
    areas: outlines.map((outline) => ({
      areaCode: outline.areaCode,
      name: names.get(outline.areaCode) ?? outline.areaCode,
      // Written by the import in this shape; the procedure's output schema checks it.
      geometry: outline.geometry as BoundaryGeometry,
      points: outline.points,
    })),
  };
}
