import { z } from 'zod';
import { publicProcedure, router } from '../trpc.js';

export const SystemInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['demo', 'production']),
  database: z.enum(['pglite', 'postgres']),
});

export const systemRouter = router({
  info: publicProcedure.output(SystemInfo).query(({ ctx }) => ({
    name: 'Integrated Prevention Platform',
    version: ctx.version,
    mode: ctx.mode,
    database: ctx.databaseKind,
  })),
});
