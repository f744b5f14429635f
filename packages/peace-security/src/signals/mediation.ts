import { z } from 'zod';
import { Count, type LocalisedText, type SignalKind } from '@prevention/core';
import { ActorType } from '../acled/codebook.js';

export const mediationStages = {
  exploratory: {
    en: 'Exploratory contacts',
    fr: 'Contacts exploratoires',
    ar: 'اتصالات استكشافية',
  },
  'pre-negotiation': { en: 'Pre-negotiation', fr: 'Pré-négociation', ar: 'ما قبل التفاوض' },
  negotiation: { en: 'Negotiation', fr: 'Négociation', ar: 'تفاوض' },
  agreement: { en: 'Agreement reached', fr: 'Accord conclu', ar: 'تم التوصل إلى اتفاق' },
  implementation: { en: 'Implementation', fr: 'Mise en œuvre', ar: 'التنفيذ' },
  stalled: { en: 'Stalled', fr: 'Au point mort', ar: 'متعثر' },
} as const satisfies Record<string, LocalisedText>;
export type MediationStage = keyof typeof mediationStages;
export const MediationStage = z.enum(
  Object.keys(mediationStages) as [MediationStage, ...MediationStage[]],
);

/** Women and men in a group of people, for the gender composition of a process. */
export const GenderComposition = z.object({ women: Count, men: Count }).strict();
export type GenderComposition = z.infer<typeof GenderComposition>;

/** The share of women in a group, 0–100, or undefined for an empty group. */
export function shareOfWomen(group: GenderComposition): number | undefined {
  const total = group.women + group.men;
  return total === 0 ? undefined : (100 * group.women) / total;
}

/**
 * The share of women, 0–100, in one group (`negotiators`, `mediators`, `signatories` …) pooled
 * over several engagements: everyone counted once, so a large delegation weighs more than a small
 * one. Undefined when nobody is counted.
 */
export function pooledShareOfWomen(
  engagements: readonly MediationEngagement[],
  group: (engagement: MediationEngagement) => GenderComposition | undefined,
): number | undefined {
  let women = 0;
  let men = 0;
  for (const engagement of engagements) {
    const composition = group(engagement);
    if (!composition) continue;
    women += composition.women;
    men += composition.men;
  }
  return shareOfWomen({ women, men });
}

/**
 * A mediation or good-offices engagement as it stands on the signal's date: who leads it (an
 * envoy, a mediation team and its gender composition), the parties, the stage reached, and
 * how many women and men sit among the negotiators, the mediators and the signatories.
 */
export const MediationEngagement = z
  .object({
    process: z.string().min(1).max(300),
    engagement: z.enum(['good-offices', 'mediation', 'facilitation', 'dialogue-support']),
    track: z.enum(['track-1', 'track-1.5', 'track-2', 'track-3']),
    envoy: z
      .object({ name: z.string().min(1).max(200), title: z.string().min(1).max(200) })
      .strict()
      .optional(),
    mediationTeam: GenderComposition,
    parties: z
      .array(z.object({ name: z.string().min(1).max(300), type: ActorType }).strict())
      .min(1)
      .max(50),
    stage: MediationStage,
    negotiators: GenderComposition,
    mediators: GenderComposition,
    signatories: GenderComposition.optional(),
  })
  .strict()
  .refine((e) => e.signatories === undefined || ['agreement', 'implementation'].includes(e.stage), {
    message: 'Signatories exist once an agreement is reached',
    path: ['signatories'],
  });
export type MediationEngagement = z.infer<typeof MediationEngagement>;

export const mediationEngagementKind: SignalKind<typeof MediationEngagement> = {
  kind: 'mediation-engagement',
  label: {
    en: 'Mediation or good-offices engagement',
    fr: 'Médiation ou bons offices',
    ar: 'وساطة أو مساع حميدة',
  },
  description: {
    en: 'The state of a mediation, facilitation or good-offices process on a given date.',
    fr: "L'état d'un processus de médiation, de facilitation ou de bons offices à une date donnée.",
  },
  payload: MediationEngagement,
  sensitivity: 'confidential',
  fieldSensitivity: {},
};
