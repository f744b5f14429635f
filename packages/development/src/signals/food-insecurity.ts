import { z } from 'zod';
import { Count, Month, type LocalisedText, type SignalKind } from '@prevention/core';

/** The five phases of the Integrated Food Security Phase Classification (IPC). */
export const ipcPhases = {
  1: { en: 'Minimal', fr: 'Minimale', ar: 'الحد الأدنى' },
  2: { en: 'Stressed', fr: 'Stress', ar: 'ضغوط' },
  3: { en: 'Crisis', fr: 'Crise', ar: 'أزمة' },
  4: { en: 'Emergency', fr: 'Urgence', ar: 'طوارئ' },
  5: { en: 'Catastrophe/Famine', fr: 'Catastrophe/Famine', ar: 'كارثة/مجاعة' },
} as const satisfies Record<1 | 2 | 3 | 4 | 5, LocalisedText>;
export const IpcPhase = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
]);
export type IpcPhase = z.infer<typeof IpcPhase>;

/**
 * An IPC acute food insecurity analysis of an area: the population analysed, how many people
 * are in each phase, the phase of the area as a whole, for a current or a projected period.
 */
export const FoodInsecurityAnalysis = z
  .object({
    validFrom: Month,
    validTo: Month,
    projection: z.boolean(),
    populationAnalysed: Count,
    peopleByPhase: z.object({ 1: Count, 2: Count, 3: Count, 4: Count, 5: Count }).strict(),
    areaPhase: IpcPhase,
  })
  .strict()
  .refine((a) => a.validTo >= a.validFrom, {
    message: 'The period ends after it starts',
    path: ['validTo'],
  })
  .refine(
    (a) => Object.values(a.peopleByPhase).reduce((s, n) => s + n, 0) <= a.populationAnalysed,
    {
      message: 'More people in phases than analysed',
      path: ['peopleByPhase'],
    },
  );
export type FoodInsecurityAnalysis = z.infer<typeof FoodInsecurityAnalysis>;

/** The share (0–100) of the analysed population in Phase 3 (Crisis) or worse. */
export function shareInPhase3OrWorse(analysis: FoodInsecurityAnalysis): number {
  if (analysis.populationAnalysed === 0) return 0;
  const { 3: crisis, 4: emergency, 5: famine } = analysis.peopleByPhase;
  return (100 * (crisis + emergency + famine)) / analysis.populationAnalysed;
}

export const foodInsecurityKind: SignalKind<typeof FoodInsecurityAnalysis> = {
  kind: 'food-insecurity',
  label: {
    en: 'Food insecurity analysis (IPC)',
    fr: 'Analyse de l’insécurité alimentaire (IPC)',
    ar: 'تحليل انعدام الأمن الغذائي',
  },
  description: {
    en: 'An Integrated Food Security Phase Classification analysis of acute food insecurity.',
    fr: 'Une analyse de l’insécurité alimentaire aiguë selon le Cadre intégré de classification de la sécurité alimentaire.',
  },
  payload: FoodInsecurityAnalysis,
  sensitivity: 'public',
  fieldSensitivity: {},
};
