import { z } from 'zod';
import { countries, type Signal } from '@prevention/core';
import { ConflictEvent } from '../signals/conflict-event.js';
import { actorTypeOfInterCode, actorTypes, interactionCode, type ActorType } from './codebook.js';

/**
 * One row of an ACLED export, as strings, with the columns this pillar reads. Inter codes
 * may be numeric (1–8) or, as in newer exports, the actor type's name ("State forces").
 */
export const AcledRecord = z.looseObject({
  event_id_cnty: z.string().min(1, 'An event id (event_id_cnty) is required'),
  event_date: z.iso.date({ error: 'Expected a real date as YYYY-MM-DD' }),
  time_precision: z.enum(['1', '2', '3'], { error: 'Expected a time precision of 1, 2 or 3' }),
  event_type: z.string(),
  sub_event_type: z.string(),
  actor1: z.string().min(1, 'The first actor is required'),
  assoc_actor_1: z.string().optional(),
  inter1: z.string().min(1, 'The first actor’s inter code is required'),
  actor2: z.string().optional(),
  assoc_actor_2: z.string().optional(),
  inter2: z.string().optional(),
  civilian_targeting: z.string().optional(),
  iso: z.string().regex(/^\d{1,3}$/, 'Expected an ISO 3166 numeric country code such as 729'),
  admin1: z.string().optional(),
  admin2: z.string().optional(),
  admin3: z.string().optional(),
  location: z.string().min(1, 'The location is required'),
  latitude: z.string(),
  longitude: z.string(),
  geo_precision: z.enum(['1', '2', '3'], { error: 'Expected a geo precision of 1, 2 or 3' }),
  source: z.string().min(1, 'The source is required'),
  notes: z.string().optional(),
  fatalities: z.string().regex(/^\d+$/, 'Expected a whole number of fatalities, such as 0 or 12'),
});
export type AcledRecord = z.infer<typeof AcledRecord>;

const countryByNumericCode = new Map(countries.map((c) => [c.m49, c.code]));

function actorType(inter: string): ActorType | undefined {
  if (/^\d$/.test(inter)) return actorTypeOfInterCode(Number(inter));
  const wanted = inter.trim().toLowerCase();
  return (Object.keys(actorTypes) as ActorType[]).find((type) => {
    const label = actorTypes[type].label.en.toLowerCase();
    return label === wanted || `${label}s` === wanted || label === `${wanted}s`;
  });
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/** A signal without its id: what an importer stores once it has given the record an id. */
export type SignalDraft = Omit<Signal, 'id'>;

/**
 * A conflict-event signal from one ACLED export row; throws a `ZodError` naming the field
 * when the row does not fit the codebook. Severity grows with fatalities (1 for none, 5 for
 * 1,000 or more); ACLED records are public and count as reported, not verified.
 */
export function conflictEventFromAcled(input: unknown): SignalDraft {
  const row = AcledRecord.parse(input);
  const type1 = actorType(row.inter1);
  const type2 = row.inter2 && row.inter2 !== '0' ? actorType(row.inter2) : undefined;
  const areaCode = countryByNumericCode.get(row.iso.padStart(3, '0'));
  const fatalities = Number(row.fatalities);
  const payload = ConflictEvent.parse({
    acledEventId: row.event_id_cnty,
    timePrecision: Number(row.time_precision),
    eventType: row.event_type,
    subEventType: row.sub_event_type,
    actor1: { name: row.actor1, type: type1, associated: list(row.assoc_actor_1) },
    ...(row.actor2
      ? { actor2: { name: row.actor2, type: type2, associated: list(row.assoc_actor_2) } }
      : {}),
    interaction: type1 ? interactionCode(type1, row.actor2 ? type2 : undefined) : 0,
    civilianTargeting: (row.civilian_targeting ?? '').trim() !== '',
    fatalities,
    location: {
      ...(row.admin1 ? { admin1: row.admin1 } : {}),
      ...(row.admin2 ? { admin2: row.admin2 } : {}),
      ...(row.admin3 ? { admin3: row.admin3 } : {}),
      name: row.location,
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
      geoPrecision: Number(row.geo_precision),
    },
    sources: list(row.source),
    notes: row.notes ?? '',
  });
  if (!areaCode)
    throw new z.ZodError([
      {
        code: 'custom',
        path: ['iso'],
        message: `ISO 3166 numeric code ${row.iso} is not a UN member or observer state`,
        input: row.iso,
      },
    ]);
  return {
    pillar: 'peace-security',
    kind: 'conflict-event',
    areaCode,
    occurredOn: row.event_date,
    title: `${payload.subEventType}: ${payload.location.name}`.slice(0, 300),
    severity: Math.min(5, 1 + Math.ceil(Math.log10(1 + fatalities))),
    verification: 'reported',
    source: `ACLED ${row.event_id_cnty}`,
    sensitivity: 'public',
    fieldSensitivity: {},
    payload,
  };
}
