import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictEventFromAcled, type SignalDraft } from '@prevention/peace-security';
import {
  acledColumns,
  acledRowOf,
  formatCsvLine,
  type AcledColumn,
  readAcled,
  writeAcledCsv,
  type AcledEvent,
} from '../src/index.js';
import { generateSyntheticAcled } from '../src/synthetic/index.js';
import { collect, encoded, inPieces, propertyRunsScale, utf8 } from './helpers.js';

async function readAll(chunks: AsyncIterable<Uint8Array>) {
  const reading = await readAcled(chunks);
  return { info: reading.info, rows: await collect(reading.rows) };
}

function events(rows: Awaited<ReturnType<typeof readAll>>['rows']): AcledEvent[] {
  return rows.map((row) => {
    if (!row.ok) throw new Error(`line ${row.line}: ${JSON.stringify(row.errors)}`);
    return row.value;
  });
}

const name = fc
  .string({ unit: fc.constantFrom('a', 'B', 'é', ' ', ',', '"', '(', '-', '=', '✓'), minLength: 1 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

/** ACLED rows that fit the codebook, as an exporter would write them. */
const acledInput = fc
  .record({
    id: fc.integer({ min: 1, max: 999_999 }),
    date: fc.date({
      min: new Date('1997-01-01'),
      max: new Date('2030-12-31'),
      noInvalidDate: true,
    }),
    actor1: name,
    actor2: fc.option(name, { nil: undefined }),
    fatalities: fc.nat({ max: 5000 }),
    latitude: fc.double({ min: -90, max: 90, noNaN: true, noDefaultInfinity: true }),
    longitude: fc.double({ min: -180, max: 180, noNaN: true, noDefaultInfinity: true }),
    notes: fc
      .string({ unit: fc.constantFrom('x', ' ', '\n', '"', ',', '+', 'ü') })
      .map((s) => s.trim()),
    iso: fc.constantFrom('729', '728', '466', '332', '104'),
  })
  .map((r) => ({
    event_id_cnty: `SDN${r.id}`,
    event_date: r.date.toISOString().slice(0, 10),
    time_precision: '1',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: r.actor1,
    inter1: '1',
    ...(r.actor2 ? { actor2: r.actor2, inter2: '2' } : {}),
    iso: r.iso,
    location: 'Somewhere',
    latitude: String(Object.is(r.latitude, -0) ? 0 : r.latitude),
    longitude: String(Object.is(r.longitude, -0) ? 0 : r.longitude),
    geo_precision: '2',
    source: 'Local media; Radio',
    notes: r.notes,
    fatalities: String(r.fatalities),
  }));

describe('ACLED export CSV', () => {
  it('round-trips signals: write then read gives the same drafts and keys (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(acledInput, { minLength: 1, maxLength: 8 }), async (inputs) => {
        const drafts: SignalDraft[] = inputs.map((input) => conflictEventFromAcled(input));
        const { rows } = await readAll(encoded(writeAcledCsv(drafts)));
        expect(events(rows).map((e) => e.signal)).toEqual(drafts);
        expect(events(rows).map((e) => e.externalKey)).toEqual(inputs.map((i) => i.event_id_cnty));
      }),
      { numRuns: 60 * propertyRunsScale },
    );
  });

  it('writes the 31 columns in export order, with derived year, disorder type, region and ISO', async () => {
    const draft = conflictEventFromAcled({
      event_id_cnty: 'MLI77',
      event_date: '2025-06-30',
      time_precision: '2',
      event_type: 'Violence against civilians',
      sub_event_type: 'Attack',
      actor1: 'Unidentified Armed Group (Mali)',
      inter1: 'Political militia',
      actor2: 'Civilians (Mali)',
      inter2: '7',
      civilian_targeting: 'Civilian targeting',
      iso: '466',
      location: 'Ménaka',
      latitude: '15.9182',
      longitude: '-2.4006',
      geo_precision: '1',
      source: 'Local partner',
      notes: '=HYPERLINK("x")',
      fatalities: '3',
    });
    const text = (await collect(writeAcledCsv([draft]))).join('');
    const [header, line] = text.split('\r\n');
    expect(header).toBe(acledColumns.join(','));
    const row = acledRowOf(draft, 0);
    expect(row).toMatchObject({
      year: '2025',
      disorder_type: 'Political violence',
      inter1: '3',
      inter2: '7',
      interaction: '37',
      iso: '466',
      country: 'Mali',
      region: 'Western Africa',
      longitude: '-2.4006',
    });
    // A formula is neutralised for spreadsheets; a negative number is left alone.
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain(',-2.4006,');
    const { rows } = await readAll(inPieces(utf8(text), 13));
    expect(events(rows)[0]?.signal).toEqual(draft);
  });

  it('reads the synthetic export without a single bad row, as a stream in any chunking', async () => {
    const text = (await collect(generateSyntheticAcled({ seed: 7, rows: 300 }))).join('');
    const whole = await readAll(inPieces(utf8(text), 1 << 20));
    expect(whole.rows.filter((r) => !r.ok)).toEqual([]);
    expect(whole.rows).toHaveLength(300);
    const pieces = await readAll(inPieces(utf8(text), 997));
    expect(pieces.rows).toEqual(whole.rows);
  });

  it('names the line, column and reason of each bad cell', async () => {
    const [first] = events(
      (await readAll(encoded(generateSyntheticAcled({ seed: 1, rows: 1 })))).rows,
    );
    if (!first) throw new Error('no synthetic event');
    const good = acledRowOf(first.signal, 0);
    const withCell = (column: AcledColumn, value: string) =>
      formatCsvLine(acledColumns.map((c) => (c === column ? value : good[c])));
    const text = [
      formatCsvLine(acledColumns),
      withCell('event_date', '2025-02-30'),
      withCell('inter1', '9'),
      withCell('fatalities', 'many'),
      withCell('iso', '999'),
      withCell('sub_event_type', 'Peaceful protest'),
    ].join('');
    const { rows } = await readAll(inPieces(utf8(text)));
    const failures = rows.map((r) =>
      r.ok ? r : { line: r.line, columns: r.errors.map((e) => e.column) },
    );
    expect(failures).toEqual([
      { line: 2, columns: ['event_date'] },
      { line: 3, columns: ['inter1'] },
      { line: 4, columns: ['fatalities'] },
      { line: 5, columns: ['iso'] },
      { line: 6, columns: ['sub_event_type'] },
    ]);
    const iso = rows[3];
    expect(iso && !iso.ok && iso.errors[0]?.message).toMatch(/999/);
  });

  it('refuses a file whose header lacks the codebook columns it needs', async () => {
    const text = 'event_id_cnty,event_date\nSDN1,2025-01-01\n';
    await expect(readAcled(inPieces(utf8(text)))).rejects.toMatchObject({
      reason: 'MISSING_COLUMNS',
    });
  });

  it('skips the hashtag row of an HDX copy below the header', async () => {
    const lines = (await collect(generateSyntheticAcled({ seed: 3, rows: 2 })))
      .join('')
      .split('\r\n');
    const tags = acledColumns.map((c) =>
      c === 'event_date' ? '#date' : c === 'iso' ? '#country+code' : '',
    );
    const text = [lines[0], tags.join(','), lines[1], lines[2]].join('\n');
    const { info, rows } = await readAll(inPieces(utf8(text)));
    expect(info.hashtagRow).toBe(2);
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [3, true],
      [4, true],
    ]);
  });
});
