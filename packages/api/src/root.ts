import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { accountRouter } from './routers/account.js';
import { alertRulesRouter } from './routers/alert-rules.js';
import { alertsRouter } from './routers/alerts.js';
import { areasRouter } from './routers/areas.js';
import { assessmentsRouter } from './routers/assessments.js';
import { auditRouter } from './routers/audit.js';
import { authRouter } from './routers/auth.js';
import { decisionsRouter } from './routers/decisions.js';
import { importsRouter } from './routers/imports.js';
import { plansRouter } from './routers/plans.js';
import { riskRouter } from './routers/risk.js';
import { signalsRouter } from './routers/signals.js';
import { systemRouter } from './routers/system.js';
import { usersRouter } from './routers/users.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  account: accountRouter,
  alertRules: alertRulesRouter,
  alerts: alertsRouter,
  areas: areasRouter,
  assessments: assessmentsRouter,
  audit: auditRouter,
  auth: authRouter,
  decisions: decisionsRouter,
  imports: importsRouter,
  plans: plansRouter,
  risk: riskRouter,
  signals: signalsRouter,
  system: systemRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
