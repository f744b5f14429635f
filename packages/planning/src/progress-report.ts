import { Id, IsoDate } from '@prevention/core';
import { z } from 'zod';
import { ActivityStatus, RagRating } from './codes.js';

/** What the lead of an action reports on it: where it stands, in figures and in words. */
export const ProgressReport = z
  .object({
    id: Id,
    actionId: Id,
    date: IsoDate,
    authorId: Id,
    status: ActivityStatus,
    /** Share of the action's milestones met, 0–100. */
    milestonesMetPercent: z.number().min(0).max(100),
    rating: RagRating,
    narrative: z.string().min(1).max(8000),
  })
  .strict();
export type ProgressReport = z.infer<typeof ProgressReport>;
