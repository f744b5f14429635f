import { Id, PillarId } from '@prevention/core';
import { z } from 'zod';
import { Stage, stageOrder } from './codes.js';
import { pillarsOfPlan, type PlanFinancing } from './financing.js';
import { MoneyTotals, MoneyTotalsByKey } from './money-totals.js';
import type { PlanContent } from './plan.js';

export const ContinuumCell = z
  .object({
    pillar: PillarId,
    stage: Stage,
    /** The actions of this pillar at this stage; none is a gap a planner sees at a glance. */
    actionIds: z.array(Id),
    /** The cell's part of those actions' money: each action's pillar share. */
    money: MoneyTotals,
  })
  .strict();
export type ContinuumCell = z.infer<typeof ContinuumCell>;

export const ContinuumMatrix = z
  .object({
    pillars: z.array(PillarId),
    stages: z.array(Stage),
    /** Every pillar × stage, row by row (pillars), stages in continuum order; empty cells too. */
    cells: z.array(ContinuumCell),
  })
  .strict();
export type ContinuumMatrix = z.infer<typeof ContinuumMatrix>;

const cellKey = (pillar: PillarId, stage: Stage) => `${pillar} ${stage}`;

/**
 * The joining-up made visible: pillars (horizontally) × stages of the continuum (vertically),
 * with the actions and the money in each cell. An action is in the cell of each of its pillars at
 * its stage, with its money in the equal pillar shares of the financing; money given to an outcome
 * directly belongs to no stage and is not in the matrix. `pillars` adds rows the plan may not
 * name yet (the platform's pillars, say), so that a pillar with no action shows as an empty row.
 */
export function continuumMatrix(
  content: PlanContent,
  financing: PlanFinancing,
  { pillars: extraPillars = [] }: { pillars?: readonly PillarId[] } = {},
): ContinuumMatrix {
  const pillars = [...new Set([...extraPillars, ...pillarsOfPlan(content)])];
  const stageOf = new Map(content.actions.map((action) => [action.id, action.stage]));
  const keys = pillars.flatMap((pillar) => stageOrder.map((stage) => cellKey(pillar, stage)));
  const money = new MoneyTotalsByKey(keys);
  const actionIds = new Map<string, Id[]>(keys.map((key) => [key, []]));

  for (const action of content.actions)
    for (const pillar of action.pillars)
      actionIds.get(cellKey(pillar, action.stage))?.push(action.id);
  for (const apportionment of financing.apportionments) {
    const stage = apportionment.actionId === null ? undefined : stageOf.get(apportionment.actionId);
    if (stage === undefined) continue;
    for (const share of apportionment.pillars)
      money.add(cellKey(share.id, stage), apportionment.countedIn, share.usd);
  }

  return {
    pillars,
    stages: [...stageOrder],
    cells: pillars.flatMap((pillar) =>
      stageOrder.map((stage) => ({
        pillar,
        stage,
        actionIds: actionIds.get(cellKey(pillar, stage)) ?? [],
        money: money.totalsOf(cellKey(pillar, stage)),
      })),
    ),
  };
}

/** The cells with no action: where the plan leaves a pillar absent from a stage. */
export function emptyCells(matrix: ContinuumMatrix): ContinuumCell[] {
  return matrix.cells.filter((cell) => cell.actionIds.length === 0);
}
