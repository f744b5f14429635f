import { Id, IsoDate, NodeId, PCode, PillarId, Year } from '@prevention/core';
import { z } from 'zod';
import { ActivityStatus, Marker, OrganisationRole, Stage } from './codes.js';
import { isDistinct } from './distinct.js';
import { Amount } from './money.js';

/** A partner organisation of an action, in its IATI role. */
export const ActionPartner = z.object({ organisationId: Id, role: OrganisationRole }).strict();
export type ActionPartner = z.infer<typeof ActionPartner>;

/** What an action needs in one year of the cycle, in US dollars. */
export const RequiredBudget = z.object({ year: Year, amountUsd: Amount }).strict();
export type RequiredBudget = z.infer<typeof RequiredBudget>;

/**
 * An action that serves one or more collective outcomes: who leads it and with whom, where and
 * when, its IATI status, its UN INFO markers (both mandatory), what it needs each year, and the
 * risk drivers and early-warning alerts it addresses.
 */
export const PlanAction = z
  .object({
    id: Id,
    title: z.string().min(1).max(300),
    outcomeIds: z.array(Id).min(1, 'An action serves at least one outcome').refine(isDistinct),
    pillars: z.array(PillarId).min(1, 'An action serves at least one pillar').refine(isDistinct),
    stage: Stage,
    leadOrganisationId: Id,
    partners: z
      .array(ActionPartner)
      .max(100)
      .refine(
        (partners) => isDistinct(partners.map((p) => `${p.organisationId} ${p.role}`)),
        'A partner is listed twice in the same role',
      ),
    /** Sub-national areas, by P-code; none for an action across the whole country. */
    areas: z.array(PCode).max(500).refine(isDistinct, 'An area is listed twice'),
    plannedStart: IsoDate,
    plannedEnd: IsoDate,
    actualStart: IsoDate.nullable(),
    actualEnd: IsoDate.nullable(),
    status: ActivityStatus,
    genderMarker: Marker,
    humanRightsMarker: Marker,
    /** Risk-model node ids of the profile's drivers this action addresses. */
    riskDrivers: z.array(NodeId).max(50).refine(isDistinct, 'A risk driver is listed twice'),
    alertIds: z.array(Id).max(100).refine(isDistinct, 'An alert is listed twice'),
    requiredBudget: z
      .array(RequiredBudget)
      .max(20)
      .refine((years) => isDistinct(years.map((y) => y.year)), 'A year is budgeted twice'),
    /** The user who answers for the action day to day, for their "due from me" view. */
    focalPointId: Id.nullable(),
  })
  .strict()
  .refine((a) => a.plannedStart <= a.plannedEnd, {
    message: 'An action ends after it starts',
    path: ['plannedEnd'],
  })
  .refine((a) => a.actualStart === null || a.actualEnd === null || a.actualStart <= a.actualEnd, {
    message: 'An action ends after it starts',
    path: ['actualEnd'],
  })
  .refine((a) => !a.partners.some((p) => p.organisationId === a.leadOrganisationId), {
    message: 'The lead organisation is not also listed as a partner',
    path: ['partners'],
  });
export type PlanAction = z.infer<typeof PlanAction>;
