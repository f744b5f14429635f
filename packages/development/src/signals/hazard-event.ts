import { z } from 'zod';
import {
  Count,
  IsoDate,
  SexAgeCounts,
  type LocalisedText,
  type SignalKind,
} from '@prevention/core';

export const hazardTypes = {
  flood: { en: 'Flood', fr: 'Inondation', ar: 'فيضان' },
  drought: { en: 'Drought', fr: 'Sécheresse', ar: 'جفاف' },
  'tropical-cyclone': { en: 'Tropical cyclone', fr: 'Cyclone tropical', ar: 'إعصار مداري' },
  earthquake: { en: 'Earthquake', fr: 'Séisme', ar: 'زلزال' },
  tsunami: { en: 'Tsunami', fr: 'Tsunami', ar: 'تسونامي' },
  landslide: { en: 'Landslide', fr: 'Glissement de terrain', ar: 'انهيار أرضي' },
  'volcanic-eruption': { en: 'Volcanic eruption', fr: 'Éruption volcanique', ar: 'ثوران بركاني' },
  wildfire: { en: 'Wildfire', fr: 'Incendie de forêt', ar: 'حريق غابات' },
  'extreme-temperature': {
    en: 'Extreme temperature',
    fr: 'Température extrême',
    ar: 'درجات حرارة قصوى',
  },
  epidemic: { en: 'Epidemic', fr: 'Épidémie', ar: 'وباء' },
  other: { en: 'Other', fr: 'Autre', ar: 'أخرى' },
} as const satisfies Record<string, LocalisedText>;
export type HazardType = keyof typeof hazardTypes;
export const HazardType = z.enum(Object.keys(hazardTypes) as [HazardType, ...HazardType[]]);

/** A GLIDE number: hazard code, year, six-digit serial, ISO alpha-3 (`FL-2026-000123-KEN`). */
export const GlideNumber = z
  .string()
  .regex(/^[A-Z]{2}-\d{4}-\d{6}-[A-Z]{3}$/, 'Expected a GLIDE number such as FL-2026-000123-KEN');

/**
 * A natural or climate-related hazard that hit an area, with its human toll as the Sendai
 * Framework counts it (deaths, missing and directly affected persons) and its economic loss.
 */
export const HazardEvent = z
  .object({
    hazardType: HazardType,
    glideNumber: GlideNumber.optional(),
    startedOn: IsoDate,
    endedOn: IsoDate.optional(),
    deaths: Count,
    missing: Count,
    directlyAffected: Count,
    affectedBySexAndAge: SexAgeCounts.optional(),
    housesDestroyed: Count.optional(),
    economicLossUsd: z.number().min(0).optional(),
    climateRelated: z.boolean(),
  })
  .strict()
  .refine((e) => e.endedOn === undefined || e.endedOn >= e.startedOn, {
    message: 'A hazard ends after it starts',
    path: ['endedOn'],
  });
export type HazardEvent = z.infer<typeof HazardEvent>;

export const hazardEventKind: SignalKind<typeof HazardEvent> = {
  kind: 'hazard-event',
  label: { en: 'Natural hazard', fr: 'Aléa naturel', ar: 'خطر طبيعي' },
  description: {
    en: 'A flood, drought, cyclone, earthquake, epidemic or other hazard and its human toll.',
    fr: 'Une inondation, une sécheresse, un cyclone, un séisme, une épidémie ou un autre aléa et son bilan humain.',
  },
  payload: HazardEvent,
  sensitivity: 'public',
  fieldSensitivity: {},
};
