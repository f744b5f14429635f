import { z } from 'zod';
import type { LocalisedText, SignalKind } from '@prevention/core';
import { CivicSpaceRating, VictimGroup } from '../vocabulary.js';

export const civicSpaceEventTypes = {
  'assembly-restricted': {
    en: 'Assembly banned or dispersed',
    fr: 'Rassemblement interdit ou dispersé',
  },
  'defender-attacked': {
    en: 'Human rights defender attacked or threatened',
    fr: 'Défenseur des droits humains attaqué ou menacé',
  },
  'journalist-attacked': {
    en: 'Journalist attacked or threatened',
    fr: 'Journaliste attaqué ou menacé',
  },
  'activist-detained': { en: 'Activist detained', fr: 'Militant détenu' },
  'internet-shutdown': {
    en: 'Internet or telecommunications shutdown',
    fr: "Coupure d'internet ou des télécommunications",
  },
  censorship: { en: 'Censorship', fr: 'Censure' },
  'restrictive-law': {
    en: 'Restrictive law adopted or proposed',
    fr: 'Loi restrictive adoptée ou proposée',
  },
  'organisation-closed': {
    en: 'Civil society organisation closed or suspended',
    fr: 'Organisation de la société civile fermée ou suspendue',
  },
  'smear-campaign': {
    en: 'Smear or stigmatisation campaign',
    fr: 'Campagne de dénigrement ou de stigmatisation',
  },
  'judicial-independence': {
    en: 'Threat to the independence of the judiciary',
    fr: "Atteinte à l'indépendance de la justice",
  },
  'state-of-emergency': {
    en: 'State of emergency restricting rights',
    fr: "État d'urgence restreignant les droits",
  },
  other: { en: 'Other', fr: 'Autre' },
} as const satisfies Record<string, LocalisedText>;
export type CivicSpaceEventType = keyof typeof civicSpaceEventTypes;
export const CivicSpaceEventType = z.enum(
  Object.keys(civicSpaceEventTypes) as [CivicSpaceEventType, ...CivicSpaceEventType[]],
);

/**
 * A civic-space or rule-of-law signal: a restriction of expression, assembly or association,
 * an attack on those who speak up, a threat to judicial independence. Optionally the
 * reporter's (or the CIVICUS Monitor's) current rating of the area's civic space. The people
 * targeted are strictly confidential.
 */
export const CivicSpaceEvent = z
  .object({
    eventType: CivicSpaceEventType,
    freedomsAffected: z
      .array(z.enum(['expression', 'peaceful-assembly', 'association', 'participation']))
      .max(4),
    targetGroups: z.array(VictimGroup).max(11),
    peopleTargeted: z.array(z.object({ name: z.string().min(1).max(200) }).strict()).max(200),
    byStateActors: z.boolean(),
    rating: CivicSpaceRating.optional(),
    description: z.string().min(1).max(5000),
  })
  .strict();
export type CivicSpaceEvent = z.infer<typeof CivicSpaceEvent>;

export const civicSpaceKind: SignalKind<typeof CivicSpaceEvent> = {
  kind: 'civic-space',
  label: {
    en: 'Civic space or rule-of-law signal',
    fr: "Signal sur l'espace civique ou l'état de droit",
    ar: 'إشارة بشأن الفضاء المدني أو سيادة القانون',
  },
  description: {
    en: 'A restriction of civic freedoms, an attack on defenders or journalists, or a threat to the rule of law.',
    fr: "Une restriction des libertés civiques, une attaque contre des défenseurs ou des journalistes, ou une atteinte à l'état de droit.",
  },
  payload: CivicSpaceEvent,
  sensitivity: 'restricted',
  fieldSensitivity: { peopleTargeted: 'strictly-confidential' },
};
