import { z } from 'zod';
import type { LocalisedText } from './localised.js';

/**
 * Sex and age disaggregation, as humanitarian and human-rights reporting asks for it. `unknown`
 * is a category of its own: a count whose sex or age was not reported is not dropped.
 */
export const sexes = ['female', 'male', 'unknown'] as const;
export const Sex = z.enum(sexes);
export type Sex = z.infer<typeof Sex>;

export const ageGroups = ['child', 'adult', 'older', 'unknown'] as const;
export const AgeGroup = z.enum(ageGroups);
export type AgeGroup = z.infer<typeof AgeGroup>;

export const sexLabels: Readonly<Record<Sex, LocalisedText>> = {
  female: { en: 'Female', fr: 'Femmes', ar: 'إناث' },
  male: { en: 'Male', fr: 'Hommes', ar: 'ذكور' },
  unknown: { en: 'Sex unknown', fr: 'Sexe inconnu', ar: 'الجنس غير معروف' },
};

export const ageGroupLabels: Readonly<Record<AgeGroup, LocalisedText>> = {
  child: { en: 'Children (0–17)', fr: 'Enfants (0–17 ans)', ar: 'الأطفال (0–17)' },
  adult: { en: 'Adults (18–59)', fr: 'Adultes (18–59 ans)', ar: 'البالغون (18–59)' },
  older: {
    en: 'Older persons (60+)',
    fr: 'Personnes âgées (60 ans et plus)',
    ar: 'كبار السن (60+)',
  },
  unknown: { en: 'Age unknown', fr: 'Âge inconnu', ar: 'العمر غير معروف' },
};

/** A whole number of people, things or events. */
export const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export type Count = z.infer<typeof Count>;

const CountsByAge = z.object({ child: Count, adult: Count, older: Count, unknown: Count }).strict();

/** A count broken down by sex and by age group: every cell is present, zero when none. */
export const SexAgeCounts = z
  .object({ female: CountsByAge, male: CountsByAge, unknown: CountsByAge })
  .strict();
export type SexAgeCounts = z.infer<typeof SexAgeCounts>;

export function emptySexAgeCounts(): SexAgeCounts {
  const row = () => ({ child: 0, adult: 0, older: 0, unknown: 0 });
  return { female: row(), male: row(), unknown: row() };
}

/** The total of a disaggregated count, optionally for one sex or one age group only. */
export function totalOf(counts: SexAgeCounts, only: { sex?: Sex; age?: AgeGroup } = {}): number {
  let total = 0;
  for (const sex of sexes) {
    if (only.sex !== undefined && only.sex !== sex) continue;
    for (const age of ageGroups) {
      if (only.age !== undefined && only.age !== age) continue;
      total += counts[sex][age];
    }
  }
  return total;
}

/** Which dimensions an indicator can be broken down by. */
export const Disaggregation = z.enum(['sex', 'age']);
export type Disaggregation = z.infer<typeof Disaggregation>;
