import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ExchangeError,
  formatCsvLine,
  openCsv,
  sniffDelimiter,
  unguardFormula,
} from '../src/index.js';
import { collect, inPieces, propertyRunsScale, splitAt, utf8 } from './helpers.js';

async function records(chunks: AsyncIterable<Uint8Array>) {
  const csv = await openCsv(chunks);
  return { delimiter: csv.delimiter, records: await collect(csv.records) };
}

describe('openCsv', () => {
  it('gives each record the line it starts on, across quoted line breaks and blank lines', async () => {
    const text = 'a,b\n1,"two\nlines"\n\n3,"x ""quoted"", y"\r\n4,end';
    const { records: result } = await records(inPieces(utf8(text), 5));
    expect(result).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'two\nlines'] },
      { line: 5, cells: ['3', 'x "quoted", y'] },
      { line: 6, cells: ['4', 'end'] },
    ]);
  });

  it.each([
    [';', 'area;month;value\nSD01;2026-01;"1;5"\nSD02;2026-02;7\n'],
    ['\t', 'area\tmonth\tvalue\nSD01\t2026-01\t"a\tb"\nSD02\t2026-02\t7\n'],
    ['|', 'area|month|value\nSD01|2026-01|3\nSD02|2026-02|7\n'],
    [',', 'time,place\n12:30,"Gao, Mali"\n13:45,Kidal\n'],
  ])('sniffs the delimiter %j, respecting quotes', async (delimiter, text) => {
    const result = await records(inPieces(utf8(text)));
    expect(result.delimiter).toBe(delimiter);
    const width = text.split('\n')[0]?.split(delimiter).length;
    expect(result.records).toHaveLength(3);
    expect(result.records.every((r) => r.cells.length === width)).toBe(true);
  });

  it('sniffs a colon delimiter as libhxl does', () => {
    expect(sniffDelimiter('a:b:c\n1:2:3\n4:5:6\n')).toBe(':');
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    const text = 'h1,h2\n"Ménaka, ""north""","multi\nline ✓"\nx,y\n';
    const bytes = utf8(text);
    const expected = await records(inPieces(bytes, bytes.length));
    for (let offset = 0; offset <= bytes.length; offset += 1)
      expect(await records(splitAt(bytes, [offset]))).toEqual(expected);
  });

  it('reads back any cells written with formatCsvLine (property)', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', ',', '"', '\n', ' ', ';', '✓', '=', '-', "'", '@'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        async (rows, pieceSize) => {
          const width = rows[0]?.length ?? 2;
          const table = rows.map((row) => {
            const cells = Array.from({ length: width }, (_, i) => row[i] ?? 'z');
            cells[0] = `k${cells[0]}`; // no blank record
            return cells;
          });
          const text = table.map((cells) => formatCsvLine(cells)).join('');
          const csv = await openCsv(inPieces(utf8(text), pieceSize), { delimiter: ',' });
          const read = await collect(csv.records);
          expect(read.map((r) => r.cells.map(unguardFormula))).toEqual(table);
        },
      ),
      { numRuns: 100 * propertyRunsScale },
    );
  });

  it('refuses a record that never ends: an unterminated quote', async () => {
    async function* endless() {
      yield utf8('a,b\n1,"open');
      for (let i = 0; i < 200; i += 1) yield utf8('x'.repeat(8192));
    }
    const csv = await openCsv(endless());
    await expect(collect(csv.records)).rejects.toThrow(ExchangeError);
  });
});
