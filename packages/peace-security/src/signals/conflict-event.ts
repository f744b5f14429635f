import { z } from 'zod';
import { Count, type SignalKind } from '@prevention/core';
import {
  ActorType,
  EventType,
  GeoPrecision,
  SubEventType,
  TimePrecision,
  eventTypeOf,
  interactionCode,
} from '../acled/codebook.js';

export const Actor = z
  .object({
    /** The named actor, e.g. "Military Forces of Sudan (2019-)". */
    name: z.string().min(1).max(300),
    type: ActorType,
    /** Named actors associated with it (ACLED `assoc_actor_1`). */
    associated: z.array(z.string().min(1).max(300)).max(20),
  })
  .strict();
export type Actor = z.infer<typeof Actor>;

/** Where an event happened, with the administrative units and the precision of the place. */
export const EventLocation = z
  .object({
    admin1: z.string().max(200).optional(),
    admin2: z.string().max(200).optional(),
    admin3: z.string().max(200).optional(),
    name: z.string().min(1).max(200),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    geoPrecision: GeoPrecision,
  })
  .strict();

/**
 * A conflict or protest event, compatible with the ACLED codebook: event and sub-event type
 * (the disorder type follows from the sub-event type), up to two actors with their inter codes
 * and the interaction code they make, whether civilians were targeted, reported fatalities,
 * time and geo precision, location and sources. Field teams may add witnesses, whose
 * identities are strictly confidential.
 */
export const ConflictEvent = z
  .object({
    /** ACLED's `event_id_cnty` when the event comes from ACLED, e.g. SDN12345. */
    acledEventId: z
      .string()
      .regex(/^[A-Z]{3}\d+$/)
      .optional(),
    timePrecision: TimePrecision,
    eventType: EventType,
    subEventType: SubEventType,
    actor1: Actor,
    actor2: Actor.optional(),
    interaction: z.int().min(10).max(88),
    civilianTargeting: z.boolean(),
    fatalities: Count,
    location: EventLocation,
    sources: z.array(z.string().min(1).max(300)).min(1).max(20),
    notes: z.string().max(5000),
    witnesses: z
      .array(z.object({ name: z.string().min(1).max(200), contact: z.string().max(200) }).strict())
      .max(50)
      .optional(),
  })
  .strict()
  .superRefine((event, ctx) => {
    const expected = eventTypeOf(event.subEventType);
    if (event.eventType !== expected)
      ctx.addIssue({
        code: 'custom',
        path: ['subEventType'],
        message: `${event.subEventType} is a sub-event type of ${expected}, not ${event.eventType}`,
      });
    const code = interactionCode(event.actor1.type, event.actor2?.type);
    if (event.interaction !== code)
      ctx.addIssue({
        code: 'custom',
        path: ['interaction'],
        message: `The actors' inter codes make interaction ${code}`,
      });
    if (event.civilianTargeting && event.eventType === 'Strategic developments')
      ctx.addIssue({
        code: 'custom',
        path: ['civilianTargeting'],
        message: 'Civilian targeting applies to violent events only',
      });
  });
export type ConflictEvent = z.infer<typeof ConflictEvent>;

export const conflictEventKind: SignalKind<typeof ConflictEvent> = {
  kind: 'conflict-event',
  label: {
    en: 'Conflict or protest event',
    fr: 'Événement de conflit ou de protestation',
    ar: 'حدث نزاع أو احتجاج',
  },
  description: {
    en: 'A dated, located political violence, demonstration or strategic development event, coded as in the ACLED codebook.',
    fr: 'Un événement daté et localisé de violence politique, de manifestation ou de développement stratégique, codé selon le livre de codes ACLED.',
  },
  payload: ConflictEvent,
  sensitivity: 'public',
  fieldSensitivity: { witnesses: 'strictly-confidential' },
};
