import { AreaCode, Month, NodeId, Period } from '@prevention/core';
import { z } from 'zod';

const scale = 1000;

/** Every number of a profile is rounded to a multiple of this. */
export const profilePrecision = 1 / scale;

/** A number rounded to `profilePrecision` (half up); NaN stays NaN. */
export function roundForProfile(x: number): number {
  return Math.round(x * scale) / scale;
}

const Score = z.number().min(0).max(10);
const Share = z.number().min(0).max(1);

export const TrendDirection = z.enum(['rising', 'falling', 'stable', 'unknown']);
export type TrendDirection = z.infer<typeof TrendDirection>;

export const ProfileTrend = z
  .object({
    change: z
      .number()
      .nullable()
      .describe(
        "The month's score minus the score at the start of the window (the earliest present one in it); null when the month's score is missing or the window has fewer than two scores",
      ),
    direction: TrendDirection.describe(
      'rising or falling for a change of at least the threshold (0.5 points by default) either way, stable below it, unknown without a change',
    ),
  })
  .strict();
export type ProfileTrend = z.infer<typeof ProfileTrend>;

export const ProfileDriver = z
  .object({
    node: NodeId.describe('A child of the node'),
    contribution: Score.describe(
      "Points of the node's score this child accounts for; all children's contributions add up to the score",
    ),
  })
  .strict();
export type ProfileDriver = z.infer<typeof ProfileDriver>;

export const ProfileBand = z
  .object({
    low: Score.describe('The 5th percentile of the Monte Carlo draws, or the score if lower'),
    high: Score.describe('The 95th percentile of the Monte Carlo draws, or the score if higher'),
  })
  .strict()
  .refine((band) => band.low <= band.high, { message: 'low must not exceed high' });
export type ProfileBand = z.infer<typeof ProfileBand>;

export const NodeProfile = z
  .object({
    score: Score.nullable().describe('0–10 (10 the worst); null when the node is missing'),
    class: z
      .string()
      .nullable()
      .optional()
      .describe(
        'The class id (very-low … very-high) for the root and nodes with classes; null when the score is missing',
      ),
    completeness: Share.describe('Weighted share of the underlying data present'),
    reliability: Share.describe(
      "Weighted mean of the leaves' reliability factors, 0 for a missing leaf: at most the completeness",
    ),
    observed: Period.optional().describe(
      'For a leaf with a score: the period of the observation it rests on',
    ),
    trend3: ProfileTrend.optional().describe('Change over the last 3 months, for aggregate nodes'),
    trend12: ProfileTrend.optional().describe(
      'Change over the last 12 months, for aggregate nodes',
    ),
    drivers: z
      .array(ProfileDriver)
      .optional()
      .describe(
        "For aggregate nodes: the children's positive contributions, largest first, the top few",
      ),
    band: ProfileBand.nullable()
      .optional()
      .describe(
        'For the root and the pillars: the uncertainty band; null when the score is missing or no draws were made',
      ),
  })
  .strict()
  .refine(
    (node) =>
      !node.band ||
      (node.score !== null && node.band.low <= node.score && node.score <= node.band.high),
    { message: 'A band needs a score and contains it', path: ['band'] },
  );
export type NodeProfile = z.infer<typeof NodeProfile>;

/**
 * The risk profile of one area for one month under one model version: what a stored profile
 * row holds and what the API returns. Nodes by id, the root among them. Numbers are rounded to
 * `profilePrecision` (a thousandth), which keeps a stored row small; trends are computed from
 * the rounded scores, so a profile recomputed from stored ones is the same to the last digit.
 */
export const RiskProfile = z
  .object({
    area: AreaCode.describe('The country or sub-national area'),
    month: Month.describe('The month profiled'),
    model: z
      .object({ id: z.string().min(1), version: z.string().min(1) })
      .strict()
      .describe('The risk model and version the profile was computed under'),
    root: NodeId.describe("The root node's id: the composite"),
    draws: z
      .number()
      .int()
      .min(0)
      .describe('Monte Carlo draws behind the uncertainty bands (0: no bands)'),
    nodes: z.record(NodeId, NodeProfile).describe('Every node of the model, by id, parents first'),
  })
  .strict()
  .refine((profile) => profile.root in profile.nodes, {
    message: 'The root must be among the nodes',
    path: ['root'],
  });
export type RiskProfile = z.infer<typeof RiskProfile>;
