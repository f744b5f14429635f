import { CountryCode, Id, Year } from '@prevention/core';
import { z } from 'zod';
import { PlanAction } from './action.js';
import { FundingFlow } from './funding-flow.js';
import { CollectiveOutcome } from './outcome.js';

/** A plan's lifecycle: drafted, reviewed, endorsed, carried out, closed. */
export const PlanStatus = z.enum(['draft', 'in-review', 'endorsed', 'active', 'closed']);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** A plan's cycle, in whole years (usually three to five). */
export const PlanCycle = z
  .object({ startYear: Year, endYear: Year })
  .strict()
  .refine((cycle) => cycle.startYear <= cycle.endYear, {
    message: 'A cycle ends in or after the year it starts',
    path: ['endYear'],
  })
  .refine((cycle) => Number(cycle.endYear) - Number(cycle.startYear) < 10, {
    message: 'A cycle lasts at most ten years',
    path: ['endYear'],
  });
export type PlanCycle = z.infer<typeof PlanCycle>;

/**
 * What a revision of a plan holds and an editor changes: its outcomes, the actions that serve
 * them and the money that flows to either. Every reference inside it must resolve.
 */
export const PlanContent = z
  .object({
    title: z.string().min(1).max(300),
    cycle: PlanCycle,
    outcomes: z.array(CollectiveOutcome).max(100),
    actions: z.array(PlanAction).max(2000),
    flows: z.array(FundingFlow).max(20000),
  })
  .strict()
  .superRefine((content, context) => {
    for (const { path, message } of referenceProblems(content))
      context.addIssue({ code: 'custom', path, message });
  });
export type PlanContent = z.infer<typeof PlanContent>;

interface ContentProblem {
  path: (string | number)[];
  message: string;
}

/** Repeated ids, references to nothing, and budget years outside the cycle. */
function referenceProblems(content: {
  cycle: PlanCycle;
  outcomes: readonly CollectiveOutcome[];
  actions: readonly PlanAction[];
  flows: readonly FundingFlow[];
}): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const issue = (path: (string | number)[], message: string) => problems.push({ path, message });
  const outcomeIds = new Set(content.outcomes.map((o) => o.id));
  const actionIds = new Set(content.actions.map((a) => a.id));
  if (outcomeIds.size !== content.outcomes.length) issue(['outcomes'], 'An outcome id is repeated');
  if (actionIds.size !== content.actions.length) issue(['actions'], 'An action id is repeated');
  if (new Set(content.flows.map((f) => f.id)).size !== content.flows.length)
    issue(['flows'], 'A flow id is repeated');
  content.actions.forEach((action, a) => {
    action.outcomeIds.forEach((id, i) => {
      if (!outcomeIds.has(id))
        issue(['actions', a, 'outcomeIds', i], 'No such outcome in the plan');
    });
    action.requiredBudget.forEach(({ year }, i) => {
      if (year < content.cycle.startYear || year > content.cycle.endYear)
        issue(['actions', a, 'requiredBudget', i, 'year'], 'A budget year lies within the cycle');
    });
  });
  content.flows.forEach(({ target }, f) => {
    const known =
      target.kind === 'action' ? actionIds.has(target.actionId) : outcomeIds.has(target.outcomeId);
    if (!known) issue(['flows', f, 'target'], `No such ${target.kind} in the plan`);
  });
  return problems;
}

/** A plan as stored: one per country and cycle, in a lifecycle state, at a revision. */
export const Plan = z
  .object({
    id: Id,
    countryCode: CountryCode,
    status: PlanStatus,
    revision: z.number().int().min(1),
    /** Who submitted the plan for review: they may not endorse it themselves. */
    submittedBy: Id.nullable(),
    content: PlanContent,
  })
  .strict();
export type Plan = z.infer<typeof Plan>;
