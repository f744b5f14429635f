import { z } from 'zod';
import type { LocalisedText } from '@prevention/core';

/**
 * The event typology of the ACLED codebook (Armed Conflict Location & Event Data): three
 * disorder types, six event types and twenty-five sub-event types. Values are ACLED's own
 * strings, so an ACLED export maps without translation; labels add French and Arabic for
 * event types.
 */
export const disorderTypes = [
  'Political violence',
  'Demonstrations',
  'Strategic developments',
] as const;
export const DisorderType = z.enum(disorderTypes);
export type DisorderType = z.infer<typeof DisorderType>;

export const eventTypes = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export const EventType = z.enum(eventTypes);
export type EventType = z.infer<typeof EventType>;

interface SubEventDefinition {
  eventType: EventType;
  /** ACLED assigns "Political violence; Demonstrations" to a few sub-event types. */
  disorderTypes: readonly DisorderType[];
}

const PV = ['Political violence'] as const;
const DEMO = ['Demonstrations'] as const;
const SD = ['Strategic developments'] as const;

export const subEventTypeDefinitions = {
  'Armed clash': { eventType: 'Battles', disorderTypes: PV },
  'Government regains territory': { eventType: 'Battles', disorderTypes: PV },
  'Non-state actor overtakes territory': { eventType: 'Battles', disorderTypes: PV },
  'Chemical weapon': { eventType: 'Explosions/Remote violence', disorderTypes: PV },
  'Air/drone strike': { eventType: 'Explosions/Remote violence', disorderTypes: PV },
  'Suicide bomb': { eventType: 'Explosions/Remote violence', disorderTypes: PV },
  'Shelling/artillery/missile attack': {
    eventType: 'Explosions/Remote violence',
    disorderTypes: PV,
  },
  'Remote explosive/landmine/IED': { eventType: 'Explosions/Remote violence', disorderTypes: PV },
  Grenade: { eventType: 'Explosions/Remote violence', disorderTypes: PV },
  'Sexual violence': { eventType: 'Violence against civilians', disorderTypes: PV },
  Attack: { eventType: 'Violence against civilians', disorderTypes: PV },
  'Abduction/forced disappearance': { eventType: 'Violence against civilians', disorderTypes: PV },
  'Peaceful protest': { eventType: 'Protests', disorderTypes: DEMO },
  'Protest with intervention': { eventType: 'Protests', disorderTypes: DEMO },
  'Excessive force against protesters': {
    eventType: 'Protests',
    disorderTypes: ['Political violence', 'Demonstrations'],
  },
  'Violent demonstration': { eventType: 'Riots', disorderTypes: DEMO },
  'Mob violence': { eventType: 'Riots', disorderTypes: PV },
  Agreement: { eventType: 'Strategic developments', disorderTypes: SD },
  Arrests: { eventType: 'Strategic developments', disorderTypes: SD },
  'Change to group/activity': { eventType: 'Strategic developments', disorderTypes: SD },
  'Disrupted weapons use': { eventType: 'Strategic developments', disorderTypes: SD },
  'Headquarters or base established': { eventType: 'Strategic developments', disorderTypes: SD },
  'Looting/property destruction': { eventType: 'Strategic developments', disorderTypes: SD },
  'Non-violent transfer of territory': { eventType: 'Strategic developments', disorderTypes: SD },
  Other: { eventType: 'Strategic developments', disorderTypes: SD },
} as const satisfies Record<string, SubEventDefinition>;

export type SubEventType = keyof typeof subEventTypeDefinitions;
export const subEventTypes = Object.keys(subEventTypeDefinitions) as SubEventType[];
export const SubEventType = z.enum(subEventTypes as [SubEventType, ...SubEventType[]]);

export function eventTypeOf(subEventType: SubEventType): EventType {
  return subEventTypeDefinitions[subEventType].eventType;
}

export function disorderTypesOf(subEventType: SubEventType): readonly DisorderType[] {
  return subEventTypeDefinitions[subEventType].disorderTypes;
}

/** The `disorder_type` string of an ACLED export, e.g. "Political violence; Demonstrations". */
export function acledDisorderType(subEventType: SubEventType): string {
  return disorderTypesOf(subEventType).join('; ');
}

export const eventTypeLabels: Readonly<Record<EventType, LocalisedText>> = {
  Battles: { en: 'Battles', fr: 'Batailles', ar: 'معارك' },
  'Explosions/Remote violence': {
    en: 'Explosions/Remote violence',
    fr: 'Explosions/violence à distance',
    ar: 'انفجارات/عنف عن بُعد',
  },
  'Violence against civilians': {
    en: 'Violence against civilians',
    fr: 'Violence contre les civils',
    ar: 'العنف ضد المدنيين',
  },
  Protests: { en: 'Protests', fr: 'Manifestations', ar: 'احتجاجات' },
  Riots: { en: 'Riots', fr: 'Émeutes', ar: 'أعمال شغب' },
  'Strategic developments': {
    en: 'Strategic developments',
    fr: 'Développements stratégiques',
    ar: 'تطورات استراتيجية',
  },
};

/**
 * Actor types with their ACLED inter codes (1–8). An event's interaction code combines the
 * two actors' codes, the smaller first (`17`: state forces and civilians), or the one code
 * times ten when an actor acts alone (`60`: protesters alone).
 */
export const actorTypes = {
  'state-forces': {
    inter: 1,
    label: { en: 'State forces', fr: 'Forces étatiques', ar: 'قوات الدولة' },
  },
  'rebel-group': {
    inter: 2,
    label: { en: 'Rebel group', fr: 'Groupe rebelle', ar: 'جماعة متمردة' },
  },
  'political-militia': {
    inter: 3,
    label: { en: 'Political militia', fr: 'Milice politique', ar: 'ميليشيا سياسية' },
  },
  'identity-militia': {
    inter: 4,
    label: { en: 'Identity militia', fr: 'Milice identitaire', ar: 'ميليشيا هوياتية' },
  },
  rioters: { inter: 5, label: { en: 'Rioters', fr: 'Émeutiers', ar: 'مثيرو الشغب' } },
  protesters: { inter: 6, label: { en: 'Protesters', fr: 'Manifestants', ar: 'محتجون' } },
  civilians: { inter: 7, label: { en: 'Civilians', fr: 'Civils', ar: 'مدنيون' } },
  'external-other-forces': {
    inter: 8,
    label: { en: 'External/Other forces', fr: 'Forces extérieures/autres', ar: 'قوات خارجية/أخرى' },
  },
} as const satisfies Record<string, { inter: number; label: LocalisedText }>;

export type ActorType = keyof typeof actorTypes;
export const ActorType = z.enum(Object.keys(actorTypes) as [ActorType, ...ActorType[]]);

export const InterCode = z.int().min(1).max(8);
export type InterCode = z.infer<typeof InterCode>;

export function interCodeOf(type: ActorType): InterCode {
  return actorTypes[type].inter;
}

export function actorTypeOfInterCode(code: number): ActorType | undefined {
  return (Object.keys(actorTypes) as ActorType[]).find((type) => actorTypes[type].inter === code);
}

/** ACLED's interaction code for two actor types, or for one acting alone. */
export function interactionCode(actor1: ActorType, actor2?: ActorType): number {
  const a = interCodeOf(actor1);
  if (actor2 === undefined) return a * 10;
  const b = interCodeOf(actor2);
  return Math.min(a, b) * 10 + Math.max(a, b);
}

/** ACLED time precision: 1 the exact day is known, 2 the week, 3 only the month. */
export const TimePrecision = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type TimePrecision = z.infer<typeof TimePrecision>;

/**
 * ACLED geo precision: 1 the exact town or village, 2 a nearby or regional location (the part
 * of a region), 3 only a larger region (the provincial capital is coded).
 */
export const GeoPrecision = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type GeoPrecision = z.infer<typeof GeoPrecision>;
