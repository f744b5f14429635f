import { Month } from '@prevention/core';
import {
  AlertRule,
  AlertRuleDraft,
  BacktestReport,
  OnsetDefinition,
  RuleId,
} from '@prevention/early-warning';
import { z } from 'zod';
import { unstorablePath } from '../input-schemas.js';
import { backtestRule, getRule, listRules, saveRule } from '../services/alerts/alert-rules.js';
import { procedure, router } from '../trpc.js';

/** A rule draft whose text the database can store as it was sent. */
const StorableRuleDraft = AlertRuleDraft.strict().superRefine((draft, context) => {
  const path = unstorablePath(draft);
  if (path)
    context.addIssue({
      code: 'custom',
      path,
      message: 'Contains characters that cannot be stored',
    });
});

const RuleVersion = z.number().int().min(1).max(2_147_483_647);

export const ZAlertRuleDetail = AlertRule.extend({ versions: z.array(z.number().int()) });

export const ZAlertRulesGetRequest = z
  .object({ id: RuleId, version: RuleVersion.optional() })
  .strict();
export const ZAlertRulesBacktestRequest = z
  .object({
    /** A draft not yet saved, or a stored rule (its latest version unless one is named). */
    rule: z.union([
      StorableRuleDraft,
      z.object({ id: RuleId, version: RuleVersion.optional() }).strict(),
    ]),
    from: Month.optional(),
    to: Month.optional(),
    onset: OnsetDefinition.optional(),
  })
  .strict();

export const alertRulesRouter = router({
  list: procedure.output(z.array(AlertRule)).query(({ ctx }) => listRules(ctx)),

  get: procedure
    .input(ZAlertRulesGetRequest)
    .output(ZAlertRuleDetail)
    .query(async ({ ctx, input }) => {
      const { rule, versions } = await getRule(ctx, input.id, input.version);
      return { ...rule, versions };
    }),

  save: procedure
    .input(StorableRuleDraft)
    .output(AlertRule)
    .mutation(({ ctx, input }) => saveRule(ctx, ctx.actor, input)),

  backtest: procedure
    .input(ZAlertRulesBacktestRequest)
    .output(BacktestReport)
    .query(({ ctx, input }) => backtestRule(ctx, ctx.actor, input)),
});
