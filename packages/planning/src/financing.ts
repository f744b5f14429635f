import { Id, PillarId } from '@prevention/core';
import { z } from 'zod';
import type { PlanAction } from './action.js';
import type { FundingFlow } from './funding-flow.js';
import { UsdCents, apportionEqually, centsOf, usdCentsOf } from './money.js';
import { Measure, MoneyTotals, MoneyTotalsByKey, countedIn } from './money-totals.js';
import type { PlanContent } from './plan.js';
import { indexPlan, type PlanIndex } from './plan-index.js';

const PartOf = z.object({ id: z.string(), usd: UsdCents }).strict();

/**
 * How one sum of money — a flow, or an action's whole required budget — is split between the
 * views, so that every view counts it exactly once. Money on an action is the action's, split in
 * equal shares between the outcomes it serves and between its pillars; money given to an outcome
 * directly is the outcome's, split equally between the outcome's pillars, and no action's. Equal
 * shares are whole cents by the largest remainder method, the odd cents to the earliest ids.
 */
export const Apportionment = z
  .object({
    source: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('flow'), flowId: Id }).strict(),
      z.object({ kind: z.literal('requirement'), actionId: Id }).strict(),
    ]),
    usd: UsdCents,
    /** The sums it is counted in: a requirement in `requiredUsd`, a flow as its status says. */
    countedIn: z.array(Measure),
    actionId: Id.nullable(),
    outcomes: z.array(PartOf),
    pillars: z.array(PartOf),
  })
  .strict();
export type Apportionment = z.infer<typeof Apportionment>;

export const PlanFinancing = z
  .object({
    plan: MoneyTotals,
    byAction: z.record(Id, MoneyTotals),
    byOutcome: z.record(Id, MoneyTotals),
    byPillar: z.record(PillarId, MoneyTotals),
    /** Money given to outcomes directly, which no action's totals include. */
    outcomeLevel: MoneyTotals,
    /** The same, per outcome given money directly. */
    outcomeLevelByOutcome: z.record(Id, MoneyTotals),
    apportionments: z.array(Apportionment),
  })
  .strict();
export type PlanFinancing = z.infer<typeof PlanFinancing>;

/** An action's required budget over all its years, in US cents. */
export function requiredUsdOf(action: Pick<PlanAction, 'requiredBudget'>): UsdCents {
  return action.requiredBudget.reduce((sum, year) => sum + centsOf(year.amountUsd), 0);
}

/** A flow's amount in US cents at its own rate. */
export function usdOfFlow(flow: Pick<FundingFlow, 'amount' | 'usdRate'>): UsdCents {
  return usdCentsOf(flow.amount, flow.usdRate);
}

const sortedIds = <T extends string>(ids: readonly T[]): T[] => [...ids].sort();

const shares = (usd: UsdCents, ids: readonly string[]) =>
  [...apportionEqually(usd, sortedIds(ids))].map(([id, part]) => ({ id, usd: part }));

function apportionToAction(
  source: Apportionment['source'],
  usd: UsdCents,
  measures: readonly Measure[],
  action: PlanAction,
): Apportionment {
  return {
    source,
    usd,
    countedIn: [...measures],
    actionId: action.id,
    outcomes: shares(usd, action.outcomeIds),
    pillars: shares(usd, action.pillars),
  };
}

/** How `flow` is split between the views of the indexed plan (see `Apportionment`). */
export function apportionFlow(plan: PlanIndex, flow: FundingFlow): Apportionment {
  const source = { kind: 'flow', flowId: flow.id } as const;
  const usd = usdOfFlow(flow);
  const { target } = flow;
  if (target.kind === 'action') {
    const action = plan.actions.get(target.actionId);
    if (!action) throw new RangeError(`Flow ${flow.id} goes to an action not in the plan`);
    return apportionToAction(source, usd, countedIn[flow.status], action);
  }
  const outcome = plan.outcomes.get(target.outcomeId);
  if (!outcome) throw new RangeError(`Flow ${flow.id} goes to an outcome not in the plan`);
  return {
    source,
    usd,
    countedIn: [...countedIn[flow.status]],
    actionId: null,
    outcomes: [{ id: outcome.id, usd }],
    pillars: shares(usd, outcome.pillars),
  };
}

/** How an action's required budget is split between its outcomes and pillars. */
export function apportionRequirement(action: PlanAction): Apportionment {
  const source = { kind: 'requirement', actionId: action.id } as const;
  return apportionToAction(source, requiredUsdOf(action), ['requiredUsd'], action);
}

/** The pillars a plan names, in its outcomes or its actions, sorted. */
export function pillarsOfPlan(content: PlanContent): PillarId[] {
  const pillars = new Set<PillarId>();
  for (const outcome of content.outcomes) for (const p of outcome.pillars) pillars.add(p);
  for (const action of content.actions) for (const p of action.pillars) pillars.add(p);
  return sortedIds([...pillars]);
}

/**
 * The money of a plan — required, pledged, committed, disbursed and the two gaps — per action,
 * outcome, pillar and for the whole plan, with the apportionment behind every figure. Each flow
 * and each requirement is counted once in every view: the actions' totals and the outcome-level
 * money add up to the plan's, and so do the outcomes' totals and the pillars' totals.
 */
export function computePlanFinancing(content: PlanContent): PlanFinancing {
  const byAction = new MoneyTotalsByKey(content.actions.map((a) => a.id));
  const byOutcome = new MoneyTotalsByKey(content.outcomes.map((o) => o.id));
  const byPillar = new MoneyTotalsByKey(pillarsOfPlan(content));
  const plan = new MoneyTotalsByKey(['plan']);
  const outcomeLevel = new MoneyTotalsByKey(['outcome-level']);
  const outcomeLevelByOutcome = new MoneyTotalsByKey([]);

  const record = (apportionment: Apportionment) => {
    const measures = apportionment.countedIn;
    plan.add('plan', measures, apportionment.usd);
    if (apportionment.actionId === null) {
      outcomeLevel.add('outcome-level', measures, apportionment.usd);
      for (const share of apportionment.outcomes)
        outcomeLevelByOutcome.add(share.id, measures, share.usd);
    } else byAction.add(apportionment.actionId, measures, apportionment.usd);
    for (const share of apportionment.outcomes) byOutcome.add(share.id, measures, share.usd);
    for (const share of apportionment.pillars) byPillar.add(share.id, measures, share.usd);
  };

  const index = indexPlan(content);
  const apportionments: Apportionment[] = [];
  for (const action of content.actions) {
    const apportionment = apportionRequirement(action);
    apportionments.push(apportionment);
    record(apportionment);
  }
  for (const flow of content.flows) {
    const apportionment = apportionFlow(index, flow);
    apportionments.push(apportionment);
    record(apportionment);
  }

  return {
    plan: plan.totalsOf('plan'),
    byAction: byAction.totals(),
    byOutcome: byOutcome.totals(),
    byPillar: byPillar.totals(),
    outcomeLevel: outcomeLevel.totalsOf('outcome-level'),
    outcomeLevelByOutcome: outcomeLevelByOutcome.totals(),
    apportionments,
  };
}
