import { stages } from '@prevention/assessment';
import type { LocalisedText } from '@prevention/core';
import { z } from 'zod';

/*
 * The codes a plan is written in. Activity status and organisation role are IATI's code lists
 * (2.03, numbered as the standard numbers them: STACK.md "Field formats"), so an IATI export
 * writes them unchanged; the markers are UN INFO's 0–3 scales.
 */

/** IATI ActivityStatus. */
export const activityStatuses = {
  1: { en: 'Pipeline/identification', fr: 'Identification' },
  2: { en: 'Implementation', fr: 'Mise en œuvre' },
  3: { en: 'Finalisation', fr: 'Finalisation' },
  4: { en: 'Closed', fr: 'Clôturé' },
  5: { en: 'Cancelled', fr: 'Annulé' },
  6: { en: 'Suspended', fr: 'Suspendu' },
} as const satisfies Record<number, LocalisedText>;
export const ActivityStatus = z.literal([1, 2, 3, 4, 5, 6], {
  error: 'Expected an IATI activity status code, 1 (pipeline) to 6 (suspended)',
});
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** The statuses of an action that is under way or about to be: it counts as addressing a risk. */
export const activeActivityStatuses: readonly ActivityStatus[] = [1, 2];
/** The statuses of an action that has ended, one way or another: it can no longer be late. */
export const endedActivityStatuses: readonly ActivityStatus[] = [4, 5];

/** IATI OrganisationRole. */
export const organisationRoles = {
  1: { en: 'Funding', fr: 'Financement' },
  2: { en: 'Accountable', fr: 'Responsable' },
  3: { en: 'Extending', fr: 'Intermédiaire' },
  4: { en: 'Implementing', fr: 'Mise en œuvre' },
} as const satisfies Record<number, LocalisedText>;
export const OrganisationRole = z.literal([1, 2, 3, 4], {
  error: 'Expected an IATI organisation role code, 1 (funding) to 4 (implementing)',
});
export type OrganisationRole = z.infer<typeof OrganisationRole>;

/**
 * UN INFO's gender equality marker and human rights marker: 0 no contribution, 1 some, 2 a
 * significant objective, 3 the principal objective.
 */
export const markerLevels = {
  0: { en: 'No contribution' },
  1: { en: 'Limited contribution' },
  2: { en: 'Significant objective' },
  3: { en: 'Principal objective' },
} as const satisfies Record<number, LocalisedText>;
export const Marker = z.literal([0, 1, 2, 3], { error: 'Expected a marker from 0 to 3' });
export type Marker = z.infer<typeof Marker>;

/** The stages of the continuum, in order, with their labels from the joint assessment. */
export type Stage = keyof typeof stages;
export const stageOrder = Object.keys(stages) as [Stage, ...Stage[]];
export const Stage = z.enum(stageOrder);
export { stages };

/** A funding flow's status, as OCHA FTS has it: only commitments and payments are counted. */
export const FlowStatus = z.enum(['pledged', 'committed', 'disbursed']);
export type FlowStatus = z.infer<typeof FlowStatus>;

/** A red/amber/green rating of an action's progress. */
export const RagRating = z.enum(['red', 'amber', 'green']);
export type RagRating = z.infer<typeof RagRating>;
