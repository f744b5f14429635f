import { ZodError } from 'zod';
import { conflictEventFromAcled, type SignalDraft } from '@prevention/peace-security';
import { unguardFormula } from '../csv-cell.js';
import { ExchangeError } from '../exchange-error.js';
import { rowFailure, type RowError, type RowResult } from '../row-result.js';
import { normaliseHeader, openTable, type OpenTableOptions } from '../table.js';
import { tableInfo, type Reading } from '../reading.js';
import { acledColumns, acledRequiredColumns } from './acled-columns.js';

/** One ACLED event read: the conflict-event signal draft and the key re-imports update by. */
export interface AcledEvent {
  /** ACLED's `event_id_cnty`: ACLED revises events, so a re-import replaces the row with this key. */
  externalKey: string;
  signal: SignalDraft;
}

/**
 * Reads an ACLED export (CSV, columns by header name, in any order; a hashtag row below the
 * header, as in HDX's copies, is skipped). Each data row becomes a conflict-event signal draft
 * through `conflictEventFromAcled`, or a row failure naming the column of each problem. A
 * numeric `interaction` that contradicts the actors' inter codes is a problem too.
 */
export async function readAcled(
  chunks: AsyncIterable<Uint8Array>,
  options: Omit<OpenTableOptions, 'format'> = {},
): Promise<Reading<AcledEvent>> {
  const table = await openTable(chunks, { ...options, format: 'acled' });
  const indexOf = new Map<string, number>();
  for (const column of table.columns) {
    const name = normaliseHeader(column.header);
    if (!indexOf.has(name)) indexOf.set(name, column.index);
  }
  const missing = acledRequiredColumns.filter((c) => !indexOf.has(c));
  if (missing.length > 0)
    throw new ExchangeError(
      'MISSING_COLUMNS',
      `The ACLED header lacks ${missing.join(', ')}.`,
      table.hashtagRow === null ? 1 : table.hashtagRow - 1,
    );
  const present = acledColumns.flatMap((name) => {
    const index = indexOf.get(name);
    return index === undefined ? [] : [[name, index] as const];
  });
  async function* rows(): AsyncGenerator<RowResult<AcledEvent>> {
    for await (const record of table.rows) {
      if (record.malformed) {
        yield rowFailure(record.line, [
          { line: record.line, column: '', message: record.malformed },
        ]);
        continue;
      }
      const input: Record<string, string> = {};
      for (const [name, index] of present)
        input[name] = unguardFormula(record.cells[index] ?? '').trim();
      yield acledRow(record.line, input);
    }
  }
  return { info: tableInfo(table), rows: rows() };
}

function acledRow(line: number, input: Record<string, string>): RowResult<AcledEvent> {
  let signal: SignalDraft;
  try {
    signal = conflictEventFromAcled(input);
  } catch (error) {
    if (error instanceof ZodError) return rowFailure(line, acledIssues(line, error));
    throw error;
  }
  const interaction = input['interaction'] ?? '';
  const derived = signal.payload['interaction'];
  if (/^\d+$/.test(interaction) && Number(interaction) !== derived)
    return rowFailure(line, [
      {
        line,
        column: 'interaction',
        message: `Interaction ${interaction} contradicts the inter codes, which make ${String(derived)}`,
      },
    ]);
  return { ok: true, line, value: { externalKey: input['event_id_cnty'] ?? '', signal } };
}

/** Where each field of the conflict-event payload comes from in an ACLED row. */
const payloadColumns: Record<string, string> = {
  acledEventId: 'event_id_cnty',
  timePrecision: 'time_precision',
  eventType: 'event_type',
  subEventType: 'sub_event_type',
  interaction: 'inter1',
  civilianTargeting: 'civilian_targeting',
  fatalities: 'fatalities',
  sources: 'source',
  notes: 'notes',
};
const actorColumns: Record<string, [string, string, string]> = {
  actor1: ['actor1', 'inter1', 'assoc_actor_1'],
  actor2: ['actor2', 'inter2', 'assoc_actor_2'],
};
const locationColumns: Record<string, string> = {
  name: 'location',
  latitude: 'latitude',
  longitude: 'longitude',
  geoPrecision: 'geo_precision',
  admin1: 'admin1',
  admin2: 'admin2',
  admin3: 'admin3',
};

/**
 * The ACLED column a `ZodError` path of `conflictEventFromAcled` points at: a row field's path
 * is its column name; a payload field is mapped to the column it was read from.
 */
export function acledColumnOfPath(path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  if (first === undefined) return '';
  // Payload paths first: `actor1`, `interaction` and `location` are also column names.
  const actor = actorColumns[first];
  if (actor) return second === 'type' ? actor[1] : second === 'associated' ? actor[2] : actor[0];
  if (first === 'location') return (second && locationColumns[second]) ?? 'location';
  return payloadColumns[first] ?? first;
}

/** One error per column: an unknown inter code also upsets the interaction derived from it. */
function acledIssues(line: number, error: ZodError): RowError[] {
  const errors = new Map<string, RowError>();
  for (const issue of error.issues) {
    const column = acledColumnOfPath(issue.path);
    if (errors.has(column)) continue;
    const message =
      issue.path[1] === 'type' ? 'Not an ACLED inter code (1–8) or actor type' : issue.message;
    errors.set(column, { line, column, message });
  }
  return [...errors.values()];
}
