import { Area, AreaCode, AppError } from '@prevention/core';
import { findAreaByCode, findAreas } from '@prevention/db';
import { z } from 'zod';
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
});
