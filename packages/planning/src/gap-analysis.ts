import type { PillarId } from '@prevention/core';
import { z } from 'zod';
import { ContinuumMatrix, continuumMatrix } from './continuum-matrix.js';
import { computePlanFinancing } from './financing.js';
import type { UsdCents } from './money.js';
import {
  OutcomeConcentration,
  OutcomeFragmentation,
  UnfundedOutcome,
  fragmentation,
  fundingConcentration,
  unfundedOutcomes,
  type FragmentationOptions,
} from './outcome-funding.js';
import type { PlanContent } from './plan.js';
import {
  UnaddressedRisks,
  unaddressedRiskDrivers,
  type ProfileRiskDriver,
  type RiskCoverageOptions,
} from './risk-coverage.js';
import { GenderEqualityShare, genderEqualityShare } from './women-peace-security.js';

export interface GapAnalysisOptions extends RiskCoverageOptions {
  unfunded?: { gapShareAbove?: number; gapUsdAbove?: UsdCents };
  fragmentation?: FragmentationOptions;
  /** Pillars the matrix shows as rows even when the plan names none of their actions. */
  pillars?: readonly PillarId[];
}

export const GapAnalysis = z
  .object({
    unaddressedRisks: UnaddressedRisks,
    unfundedOutcomes: z.array(UnfundedOutcome),
    concentration: z.array(OutcomeConcentration),
    fragmentation: z.array(OutcomeFragmentation),
    matrix: ContinuumMatrix,
    genderEquality: GenderEqualityShare,
  })
  .strict();
export type GapAnalysis = z.infer<typeof GapAnalysis>;

/**
 * What no existing tool shows at once: the risks no action addresses, the outcomes left
 * unfunded, money concentrated on few funders or effort fragmented over many small actions, the
 * empty cells of the pillars × stages matrix, and the plan against the gender commitment.
 */
export function analysePlanGaps(
  content: PlanContent,
  drivers: readonly ProfileRiskDriver[],
  options: GapAnalysisOptions = {},
): GapAnalysis {
  const financing = computePlanFinancing(content);
  return {
    unaddressedRisks: unaddressedRiskDrivers(content, drivers, options),
    unfundedOutcomes: unfundedOutcomes(financing, options.unfunded),
    concentration: fundingConcentration(content, financing),
    fragmentation: fragmentation(content, options.fragmentation),
    matrix: continuumMatrix(
      content,
      financing,
      options.pillars ? { pillars: options.pillars } : {},
    ),
    genderEquality: genderEqualityShare(content, financing),
  };
}
