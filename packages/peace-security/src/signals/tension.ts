import { z } from 'zod';
import { IsoDate, type LocalisedText, type SignalKind } from '@prevention/core';

export const tensionTypes = {
  political: { en: 'Political', fr: 'Politique', ar: 'سياسي' },
  'inter-communal': { en: 'Inter-communal', fr: 'Intercommunautaire', ar: 'بين المجتمعات المحلية' },
  electoral: { en: 'Electoral', fr: 'Électorale', ar: 'انتخابي' },
} as const satisfies Record<string, LocalisedText>;
export type TensionType = keyof typeof tensionTypes;
export const TensionType = z.enum(Object.keys(tensionTypes) as [TensionType, ...TensionType[]]);

export const tensionDrivers = {
  'land-and-resources': { en: 'Land and natural resources', fr: 'Terres et ressources naturelles' },
  'political-exclusion': { en: 'Political exclusion', fr: 'Exclusion politique' },
  'hate-speech': { en: 'Hate speech', fr: 'Discours de haine' },
  disinformation: { en: 'Disinformation', fr: 'Désinformation' },
  'electoral-dispute': { en: 'Electoral dispute', fr: 'Contentieux électoral' },
  'security-incident': { en: 'Security incident', fr: 'Incident de sécurité' },
  'economic-shock': { en: 'Economic shock', fr: 'Choc économique' },
  displacement: { en: 'Displacement', fr: 'Déplacement' },
  other: { en: 'Other', fr: 'Autre' },
} as const satisfies Record<string, LocalisedText>;
export type TensionDriver = keyof typeof tensionDrivers;
export const TensionDriver = z.enum(
  Object.keys(tensionDrivers) as [TensionDriver, ...TensionDriver[]],
);

/**
 * An early sign of tension — political, inter-communal or electoral — reported before (or
 * without) violence. The envelope's severity grades it; informants are strictly confidential
 * and the groups named are confidential, because naming communities can put them at risk.
 */
export const TensionSignal = z
  .object({
    tensionType: TensionType,
    trend: z.enum(['escalating', 'stable', 'de-escalating']),
    drivers: z.array(TensionDriver).min(1).max(9),
    groups: z.array(z.string().min(1).max(200)).max(20),
    /** For electoral tension: the election it concerns. */
    electionDate: IsoDate.optional(),
    hateSpeech: z.boolean(),
    narrative: z.string().min(1).max(5000),
    informants: z
      .array(z.object({ name: z.string().min(1).max(200), contact: z.string().max(200) }).strict())
      .max(20),
  })
  .strict()
  .refine((signal) => signal.tensionType === 'electoral' || signal.electionDate === undefined, {
    message: 'Only electoral tension refers to an election',
    path: ['electionDate'],
  });
export type TensionSignal = z.infer<typeof TensionSignal>;

export const tensionSignalKind: SignalKind<typeof TensionSignal> = {
  kind: 'tension',
  label: { en: 'Tension signal', fr: 'Signal de tension', ar: 'إشارة توتر' },
  description: {
    en: 'An early sign of political, inter-communal or electoral tension.',
    fr: 'Un signe précoce de tension politique, intercommunautaire ou électorale.',
  },
  payload: TensionSignal,
  sensitivity: 'restricted',
  fieldSensitivity: { groups: 'confidential', informants: 'strictly-confidential' },
};
