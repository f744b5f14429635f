import { describe, expect, it } from 'vitest';
import {
  ExchangeError,
  isHashtagRow,
  openTable,
  parseHashtag,
  readHxl,
  type HxlMapping,
} from '../src/index.js';
import { collect, inPieces, resolveArea, utf8 } from './helpers.js';

const mapping: HxlMapping = {
  area: ['#adm1+code', '#country+code'],
  period: '#date',
  values: {
    layout: 'wide',
    columns: [{ pattern: '#affected+returnees', indicator: 'development.returnees-in-month' }],
  },
  source: { text: 'Test survey' },
  reliability: 'medium',
};

async function readFile(bytes: Uint8Array) {
  const reading = await readHxl(inPieces(bytes, 11), { mapping, resolveArea });
  return { info: reading.info, rows: await collect(reading.rows) };
}

describe('HXL hashtags', () => {
  it('parses case-insensitively, tolerating spaces, attributes as a sorted set', () => {
    expect(parseHashtag(' #Affected +Returnees+IND + f ')).toEqual({
      tag: 'affected',
      attributes: ['f', 'ind', 'returnees'],
    });
    expect(parseHashtag('#affected+f+f')).toEqual({ tag: 'affected', attributes: ['f'] });
    expect(parseHashtag('Affected')).toBeUndefined();
    expect(parseHashtag('#9lives')).toBeUndefined();
    expect(parseHashtag('#a+b c')).toBeUndefined();
  });

  it('takes a row with at least half its filled cells hashtags as the hashtag row', () => {
    expect(isHashtagRow(['#adm1', 'notes', '', ''])).toBe(true);
    expect(isHashtagRow(['#adm1', 'notes', 'more'])).toBe(false);
    expect(isHashtagRow(['', ''])).toBe(false);
  });
});

describe('readHxl', () => {
  it('finds a fuzzy hashtag row below several header rows and ignores untagged columns', async () => {
    const text = [
      'Displacement tracking, round 7,,,',
      'Unit,P-code,Comment,When,Returnees',
      ' #ADM1 + Name ,#adm1 +CODE,,#Date,#affected+IND+returnees',
      'Khartoum,SD01,free text,2026-03-15,120',
      'Gezira,SD12,,2026-03-20,',
    ].join('\n');
    const { info, rows } = await readFile(utf8(text));
    expect(info.hashtagRow).toBe(3);
    expect(info.columns[1]).toEqual({
      index: 1,
      header: 'P-code',
      tag: '#adm1',
      attributes: ['code'],
      hashtag: '#adm1+code',
    });
    expect(info.columns[2]).toEqual({ index: 2, header: 'Comment' });
    expect(rows).toEqual([
      {
        ok: true,
        line: 4,
        value: [
          {
            indicatorCode: 'development.returnees-in-month',
            areaCode: 'SD01',
            period: '2026-03',
            value: 120,
            source: 'Test survey',
            reliability: 'medium',
          },
        ],
      },
      { ok: true, line: 5, value: [] },
    ]);
  });

  it('reads Latin-1, a BOM, multi-line quoted cells and ; tab | delimiters alike', async () => {
    const rows = (d: string) =>
      [
        ['Unité', 'P-code', 'Remarque', 'Date', 'Retours'],
        ['#adm1+name', '#adm1+code', '', '#date', '#affected+returnees'],
        ['Ségou', 'ML05', '"deux\nlignes"', '2026-01-31', '7'],
        ['Ménaka', 'ML10', 'x', '2026-02', '9'],
      ]
        .map((r) => r.join(d))
        .join('\r\n');
    const latin1 = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
    const files = [
      { bytes: latin1(rows(';')), encoding: 'windows-1252', delimiter: ';', bom: false },
      {
        bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(rows('\t'))]),
        encoding: 'utf-8',
        delimiter: '\t',
        bom: true,
      },
      { bytes: utf8(rows('|')), encoding: 'utf-8', delimiter: '|', bom: false },
    ];
    for (const file of files) {
      const { info, rows: read } = await readFile(file.bytes);
      expect(info).toMatchObject({
        encoding: file.encoding,
        delimiter: file.delimiter,
        bom: file.bom,
        hashtagRow: 2,
      });
      expect(info.columns[0]?.header).toBe('Unité');
      expect(read.map((r) => r.line)).toEqual([3, 5]);
      expect(
        read.map((r) => (r.ok ? r.value.map((o) => [o.areaCode, o.period, o.value]) : r)),
      ).toEqual([[['ML05', '2026-01', 7]], [['ML10', '2026-02', 9]]]);
    }
  });

  it('fails clearly when no hashtag row is in the first 25 rows', async () => {
    const text = ['area,month,value', ...Array.from({ length: 30 }, () => 'SD01,2026-01,3')].join(
      '\n',
    );
    const error = await readHxl(inPieces(utf8(text)), { mapping, resolveArea }).catch((e) => e);
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({ reason: 'NO_HASHTAG_ROW' });
    expect((error as Error).message).toMatch(/hashtag row/);
  });

  it('does not look past row 25 for the hashtag row', async () => {
    const text = [...Array.from({ length: 25 }, () => 'x,y'), '#adm1+code,#date'].join('\n');
    await expect(openTable(inPieces(utf8(text)), { format: 'hxl' })).rejects.toMatchObject({
      reason: 'NO_HASHTAG_ROW',
    });
  });

  it('names the line, the hashtag and the reason of every bad cell', async () => {
    const text = [
      '#adm1+code,#date,#affected+returnees',
      'SD01,2026-13,12',
      'XX99,2026-01,1,5',
      'SD02,2026-01,abc',
    ].join('\n');
    const { rows } = await readFile(utf8(text));
    expect(rows).toEqual([
      {
        ok: false,
        line: 2,
        errors: [{ line: 2, column: '#date', message: expect.stringContaining('not a month') }],
      },
      {
        ok: false,
        line: 3,
        errors: [{ line: 3, column: '#adm1+code', message: 'No known area has the code XX99' }],
      },
      {
        ok: false,
        line: 4,
        errors: [{ line: 4, column: '#affected+returnees', message: 'abc is not a number' }],
      },
    ]);
  });
});
