import { z } from 'zod';
import {
  AreaCode,
  Count,
  SexAgeCounts,
  type LocalisedText,
  type SignalKind,
} from '@prevention/core';

export const displacedGroups = {
  idps: {
    en: 'Internally displaced people',
    fr: 'Personnes déplacées internes',
    ar: 'النازحون داخلياً',
  },
  refugees: { en: 'Refugees', fr: 'Réfugiés', ar: 'اللاجئون' },
  'asylum-seekers': { en: 'Asylum-seekers', fr: 'Demandeurs d’asile', ar: 'طالبو اللجوء' },
  returnees: { en: 'Returnees', fr: 'Rapatriés et retournés', ar: 'العائدون' },
} as const satisfies Record<string, LocalisedText>;
export type DisplacedGroup = keyof typeof displacedGroups;
export const DisplacedGroup = z.enum(
  Object.keys(displacedGroups) as [DisplacedGroup, ...DisplacedGroup[]],
);

/**
 * A displacement figure for an area: either the number of people of a group present on the
 * signal's date (`stock`), or the people who moved since the last report (`flow`) — newly
 * displaced, or returned. Refugees and asylum-seekers are counted where they are hosted.
 */
export const DisplacementReport = z
  .object({
    group: DisplacedGroup,
    measure: z.enum(['stock', 'flow']),
    people: Count,
    bySexAndAge: SexAgeCounts.optional(),
    households: Count.optional(),
    cause: z.enum(['conflict', 'violence', 'disaster', 'development-project', 'other']),
    origin: AreaCode.optional(),
  })
  .strict();
export type DisplacementReport = z.infer<typeof DisplacementReport>;

export const displacementKind: SignalKind<typeof DisplacementReport> = {
  kind: 'displacement',
  label: { en: 'Displacement', fr: 'Déplacement', ar: 'النزوح' },
  description: {
    en: 'Internally displaced people, refugees, asylum-seekers and returnees: how many, and new movements.',
    fr: 'Personnes déplacées internes, réfugiés, demandeurs d’asile et retournés : combien, et nouveaux mouvements.',
  },
  payload: DisplacementReport,
  sensitivity: 'restricted',
  fieldSensitivity: {},
};
