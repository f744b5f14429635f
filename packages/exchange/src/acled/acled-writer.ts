import { countryOfArea } from '@prevention/core';
import {
  ConflictEvent,
  acledDisorderType,
  interCodeOf,
  type SignalDraft,
} from '@prevention/peace-security';
import { csvChunks } from '../csv-cell.js';
import { ExchangeError } from '../exchange-error.js';
import { acledColumns, type AcledColumn } from './acled-columns.js';

export interface WriteAcledOptions {
  /**
   * The `event_id_cnty` of a signal that did not come from ACLED (no `acledEventId`). Without
   * it such a signal cannot be written: an invented id could collide with a real ACLED one.
   */
  eventIdOf?: (signal: SignalDraft, index: number) => string;
  /** ACLED's `timestamp` (Unix seconds of the last change); by default midnight UTC of the event date. */
  timestampOf?: (signal: SignalDraft) => number;
}

/**
 * Conflict-event signals as an ACLED-compatible CSV: the 31 columns in export order; year,
 * disorder type, interaction, region, country and numeric ISO code derived from the signal and
 * its area; inter codes numeric (`0` for no second actor); lists joined with `; `. Region is the
 * UN M49 intermediate region or sub-region (ACLED's own regions differ for a few countries).
 * `source_scale` and `tags` are empty: signals do not keep them. Witnesses are never written.
 */
export async function* writeAcledCsv(
  signals: AsyncIterable<SignalDraft> | Iterable<SignalDraft>,
  options: WriteAcledOptions = {},
): AsyncGenerator<string> {
  yield* csvChunks([acledColumns], signals, (signal, index) => {
    const row = acledRowOf(signal, index, options);
    return acledColumns.map((column) => row[column]);
  });
}

export function acledRowOf(
  signal: SignalDraft,
  index: number,
  options: WriteAcledOptions = {},
): Record<AcledColumn, string> {
  const parsed = ConflictEvent.safeParse(signal.payload);
  if (signal.kind !== 'conflict-event' || !parsed.success)
    throw new ExchangeError(
      'UNWRITABLE_VALUE',
      `Signal ${index + 1} is not a valid conflict event and cannot be written as ACLED.`,
    );
  const event = parsed.data;
  const country = countryOfArea(signal.areaCode);
  if (!country)
    throw new ExchangeError(
      'UNWRITABLE_VALUE',
      `Signal ${index + 1} is in area ${signal.areaCode}, which belongs to no known country.`,
    );
  const eventId = event.acledEventId ?? options.eventIdOf?.(signal, index);
  if (!eventId)
    throw new ExchangeError(
      'UNWRITABLE_VALUE',
      `Signal ${index + 1} has no ACLED event id; pass eventIdOf to give it one.`,
    );
  const timestamp =
    options.timestampOf?.(signal) ?? Date.parse(`${signal.occurredOn}T00:00:00Z`) / 1000;
  const { actor1, actor2, location } = event;
  return {
    event_id_cnty: eventId,
    event_date: signal.occurredOn,
    year: signal.occurredOn.slice(0, 4),
    time_precision: String(event.timePrecision),
    disorder_type: acledDisorderType(event.subEventType),
    event_type: event.eventType,
    sub_event_type: event.subEventType,
    actor1: actor1.name,
    assoc_actor_1: actor1.associated.join('; '),
    inter1: String(interCodeOf(actor1.type)),
    actor2: actor2?.name ?? '',
    assoc_actor_2: actor2?.associated.join('; ') ?? '',
    inter2: actor2 ? String(interCodeOf(actor2.type)) : '0',
    interaction: String(event.interaction),
    civilian_targeting: event.civilianTargeting ? 'Civilian targeting' : '',
    iso: String(Number(country.m49)),
    region: (country.intermediateRegion ?? country.subRegion).name,
    country: country.name,
    admin1: location.admin1 ?? '',
    admin2: location.admin2 ?? '',
    admin3: location.admin3 ?? '',
    location: location.name,
    latitude: String(location.latitude),
    longitude: String(location.longitude),
    geo_precision: String(location.geoPrecision),
    source: event.sources.join('; '),
    source_scale: '',
    notes: event.notes,
    fatalities: String(event.fatalities),
    tags: '',
    timestamp: String(Math.floor(timestamp)),
  };
}
