import { z } from 'zod';
import { Count, Sex, SexAgeCounts, totalOf, type SignalKind } from '@prevention/core';
import { Act, PerpetratorCategory, Right, VictimGroup } from '../vocabulary.js';

const Person = z
  .object({
    name: z.string().min(1).max(200),
    sex: Sex,
    age: Count.max(130).optional(),
    contact: z.string().max(200).optional(),
  })
  .strict();

/**
 * A human rights violation (by a state), abuse (by a non-state actor) or concern (a pattern or
 * risk not yet tied to one incident): the rights affected, what was done, victims counted by
 * sex and age, the groups they belong to, the alleged perpetrator's category. The envelope
 * carries the verification status. Victims' and witnesses' identities, and the named
 * perpetrator, are strictly confidential: they are recorded only for protection follow-up.
 */
export const Violation = z
  .object({
    classification: z.enum(['violation', 'abuse', 'concern']),
    rightsAffected: z.array(Right).min(1).max(20),
    acts: z.array(Act).min(1).max(13),
    victimCount: SexAgeCounts,
    victimGroups: z.array(VictimGroup).max(11),
    victims: z.array(Person).max(500),
    witnesses: z.array(Person.omit({ age: true })).max(100),
    perpetratorCategory: PerpetratorCategory,
    perpetrator: z.string().min(1).max(300).optional(),
    /** Whether the victims or their families consented to the information being shared. */
    informedConsent: z.boolean(),
    followUp: z.enum(['none', 'referred', 'under-investigation', 'remedy-provided']),
  })
  .strict()
  .refine((v) => v.victims.length <= Math.max(totalOf(v.victimCount), 0), {
    message: 'More named victims than counted',
    path: ['victims'],
  });
export type Violation = z.infer<typeof Violation>;

export const violationKind: SignalKind<typeof Violation> = {
  kind: 'violation',
  label: {
    en: 'Human rights violation or concern',
    fr: 'Violation des droits humains ou préoccupation',
    ar: 'انتهاك لحقوق الإنسان أو مصدر قلق',
  },
  description: {
    en: 'A violation, abuse or concern: rights affected, acts, victims by sex and age, perpetrator category.',
    fr: 'Une violation, un abus ou une préoccupation : droits touchés, actes, victimes par sexe et par âge, catégorie d’auteur.',
  },
  payload: Violation,
  sensitivity: 'confidential',
  fieldSensitivity: {
    victims: 'strictly-confidential',
    witnesses: 'strictly-confidential',
    perpetrator: 'strictly-confidential',
  },
};
