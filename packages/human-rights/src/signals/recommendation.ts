import { z } from 'zod';
import { CountryCode, SdgTargetCode, type LocalisedText, type SignalKind } from '@prevention/core';
import { Right, TreatyBody } from '../vocabulary.js';

export const implementationStatuses = {
  'not-assessed': { en: 'Not assessed', fr: 'Non évaluée' },
  'not-implemented': { en: 'Not implemented', fr: 'Non mise en œuvre' },
  'partially-implemented': { en: 'Partially implemented', fr: 'Partiellement mise en œuvre' },
  implemented: { en: 'Implemented', fr: 'Mise en œuvre' },
} as const satisfies Record<string, LocalisedText>;
export type ImplementationStatus = keyof typeof implementationStatuses;
export const ImplementationStatus = z.enum(
  Object.keys(implementationStatuses) as [ImplementationStatus, ...ImplementationStatus[]],
);

/**
 * A recommendation made to the state of the signal's area by the Universal Periodic Review
 * (by a recommending state, in a cycle, which the state under review supported or noted) or by
 * a treaty body (in concluding observations), with its themes, linked SDG targets and how far
 * it has been implemented. The signal's date is that of the recommendation or of its latest
 * status.
 */
export const Recommendation = z.discriminatedUnion('mechanism', [
  z
    .object({
      mechanism: z.literal('upr'),
      cycle: z.int().min(1).max(4),
      recommendingState: CountryCode,
      response: z.enum(['supported', 'noted']),
      /** UPR Info's action category, 1 (minimal action) to 5 (specific action). */
      actionCategory: z.int().min(1).max(5).optional(),
      reference: z.string().min(1).max(200),
      text: z.string().min(1).max(5000),
      rightsConcerned: z.array(Right).min(1).max(20),
      sdgTargets: z.array(SdgTargetCode).max(20),
      implementation: ImplementationStatus,
    })
    .strict(),
  z
    .object({
      mechanism: z.literal('treaty-body'),
      treatyBody: TreatyBody,
      reference: z.string().min(1).max(200),
      text: z.string().min(1).max(5000),
      rightsConcerned: z.array(Right).min(1).max(20),
      sdgTargets: z.array(SdgTargetCode).max(20),
      implementation: ImplementationStatus,
    })
    .strict(),
]);
export type Recommendation = z.infer<typeof Recommendation>;

export const recommendationKind: SignalKind<typeof Recommendation> = {
  kind: 'recommendation',
  label: {
    en: 'UPR or treaty-body recommendation',
    fr: 'Recommandation de l’EPU ou d’un organe conventionnel',
    ar: 'توصية من الاستعراض الدوري الشامل أو هيئة معاهدة',
  },
  description: {
    en: 'A recommendation of the Universal Periodic Review or of a treaty body, and its implementation.',
    fr: "Une recommandation de l'Examen périodique universel ou d'un organe conventionnel, et sa mise en œuvre.",
  },
  payload: Recommendation,
  sensitivity: 'public',
  fieldSensitivity: {},
};
