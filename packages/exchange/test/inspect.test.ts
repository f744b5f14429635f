import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acledColumns, inspect, writeObservationCsv, writeObservationHxl } from '../src/index.js';
import {
  generateSyntheticAcled,
  generateSyntheticHxlDisplacement,
} from '../src/synthetic/index.js';
import { inPieces, propertyRunsScale, splitAt, textOf, utf8 } from './helpers.js';

const observation = {
  indicatorCode: 'development.extreme-poverty',
  areaCode: 'SD01',
  period: '2026-01',
  value: 12.5,
  source: 'Survey of Ménaka, "round 2"',
  reliability: 'high',
} as const;

describe('inspect', () => {
  it('recognises an ACLED export', async () => {
    const text = await textOf(generateSyntheticAcled({ seed: 5, rows: 40 }));
    const result = await inspect(inPieces(utf8(text), 4096));
    expect(result).toMatchObject({
      format: 'acled',
      encoding: 'utf-8',
      delimiter: ',',
      hashtagRow: null,
      rowCount: 40,
    });
    expect(result.columns.map((c) => c.header)).toEqual([...acledColumns]);
  });

  it('recognises HXL, with its hashtag row and tagged columns', async () => {
    const text = await textOf(
      generateSyntheticHxlDisplacement({
        seed: 2,
        countries: ['SSD'],
        from: '2026-01',
        to: '2026-02',
      }),
    );
    const result = await inspect(inPieces(utf8(text)));
    expect(result).toMatchObject({ format: 'hxl', hashtagRow: 2, rowCount: 20 });
    expect(result.columns.find((c) => c.header === 'Notes')).toEqual({
      index: 11,
      header: 'Notes',
    });
    expect(result.columns[5]).toMatchObject({ tag: '#affected', attributes: ['f', 'idp', 'ind'] });
  });

  it('recognises a plain CSV of values, and HXL when asked of a file without hashtags fails', async () => {
    const text = await textOf(writeObservationCsv([observation], { delimiter: ';' }));
    expect(await inspect(inPieces(utf8(text)))).toMatchObject({
      format: 'csv',
      delimiter: ';',
      hashtagRow: null,
      rowCount: 1,
    });
    await expect(inspect(inPieces(utf8(text)), { format: 'hxl' })).rejects.toMatchObject({
      reason: 'NO_HASHTAG_ROW',
    });
  });

  it('refuses a file of no known format', async () => {
    await expect(inspect(inPieces(utf8('a,b\n1,2\n')))).rejects.toMatchObject({
      reason: 'UNKNOWN_FORMAT',
    });
  });

  it('gives the same answer whatever the chunk boundaries, at every byte offset', async () => {
    const text = await textOf(
      writeObservationHxl([observation, { ...observation, areaCode: 'ML05' }]),
    );
    const bytes = utf8(`Légende ✓\n${text}`);
    const expected = await inspect(inPieces(bytes, bytes.length));
    for (let offset = 0; offset <= bytes.length; offset += 1)
      expect(await inspect(splitAt(bytes, [offset]))).toEqual(expected);
  });

  it('gives the same answer at random chunk boundaries of an ACLED export (property)', async () => {
    const bytes = utf8(await textOf(generateSyntheticAcled({ seed: 9, rows: 60 })));
    const expected = await inspect(inPieces(bytes, bytes.length));
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 30 }),
        async (offsets) => {
          expect(await inspect(splitAt(bytes, offsets))).toEqual(expected);
        },
      ),
      { numRuns: 30 * propertyRunsScale },
    );
  });
});
