import { Area, AreaCode, AppError } from '@prevention/core';
import { findAreaByCode, findAreas } from '@prevention/db';
import { BoundaryGeometry } from '@prevention/exchange';
import { z } from 'zod';
import { countryBoundaries } from '../services/boundaries.js';
import { procedure, router } from '../trpc.js';

export const ZAreasListRequest = z
  .object({
    kind: Area.shape.kind.optional(),
    regionCode: z
      .string()
      .regex(/^\d{3}$/, 'Expected a three-digit M49 region code')
      .optional(),
    parentCode: AreaCode.optional(),
  })
  .default({});

export const ZAreasByCodeRequest = z.object({ code: AreaCode });

export const ZAreasBoundariesRequest = z.object({
  /** Any well-formed code: one that is no country is not found, like one outside the scope. */
  countryCode: z.string().regex(/^[A-Z]{3}$/, 'Expected an ISO 3166-1 alpha-3 code, e.g. SDN'),
});

export const ZAreasBoundariesResponse = z.object({
  countryCode: z.string(),
  areas: z.array(
    z.object({
      areaCode: AreaCode,
      name: z.string(),
      geometry: BoundaryGeometry,
      points: z.number().int().min(4),
    }),
  ),
});

export const areasRouter = router({
  list: procedure
    .input(ZAreasListRequest)
    .output(z.array(Area))
    .query(({ ctx, input }) =>
      findAreas(ctx.db, {
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.regionCode ? { regionCode: input.regionCode } : {}),
        ...(input.parentCode ? { parentCode: input.parentCode } : {}),
      }),
    ),

  byCode: procedure
    .input(ZAreasByCodeRequest)
    .output(Area)
    .query(async ({ ctx, input }) => {
      const area = await findAreaByCode(ctx.db, input.code);
      if (!area) throw AppError.notFound('The area');
      return area;
    }),

  /** The imported outlines of a country's sub-national areas, for its map. */
  boundaries: procedure
    .input(ZAreasBoundariesRequest)
    .output(ZAreasBoundariesResponse)
    .query(({ ctx, input }) => countryBoundaries(ctx, ctx.actor, input.countryCode)),
});
