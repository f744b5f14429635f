import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { areasRouter } from './routers/areas.js';
import { systemRouter } from './routers/system.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  areas: areasRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
