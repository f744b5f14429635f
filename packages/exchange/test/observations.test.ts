import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '@prevention/core';
import {
  observationHxlMapping,
  parseNumberCell,
  platformIndicators,
  readHxl,
  readObservationCsv,
  writeObservationCsv,
  writeObservationHxl,
} from '../src/index.js';
import { collect, encoded, inPieces, propertyRunsScale, resolveArea, utf8 } from './helpers.js';

const indicator = fc.constantFrom(...platformIndicators);
const observation: fc.Arbitrary<Observation> = fc
  .record({
    indicator,
    area: fc.constantFrom('SDN', 'SD01', 'SD18', 'MLI', 'ML05', 'HTI', 'MMR'),
    // A month mostly; a quarter or a year as the yearly and quarterly figures have.
    period: fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 12 }))
          .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      },
      fc
        .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 4 }))
        .map(([y, q]) => `${y}-Q${q}`),
      fc.integer({ min: 1990, max: 2040 }).map(String),
    ),
    value: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)),
    source: fc
      .string({
        unit: fc.constantFrom('a', 'Z', ' ', ',', ';', '"', '\n', '=', '-', 'é'),
        minLength: 1,
        maxLength: 30,
      })
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    sex: fc.constantFrom('female', 'male', 'unknown', undefined),
    age: fc.constantFrom('child', 'adult', 'older', 'unknown', undefined),
    reliability: fc.constantFrom('high', 'medium', 'low'),
  })
  .map((r) => {
    const sex = r.indicator.disaggregations.includes('sex') ? r.sex : undefined;
    const age = r.indicator.disaggregations.includes('age') ? r.age : undefined;
    return {
      indicatorCode: r.indicator.code,
      areaCode: r.area,
      period: r.period,
      value: r.value,
      ...(sex || age
        ? { disaggregation: { ...(sex ? { sex } : {}), ...(age ? { age } : {}) } }
        : {}),
      source: r.source,
      reliability: r.reliability,
    } as Observation;
  });

describe('plain CSV of indicator values', () => {
  it('round-trips observations (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(observation, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(',', ';', '\t'),
        async (observations, delimiter) => {
          const written = encoded(writeObservationCsv(observations, { delimiter }));
          const reading = await readObservationCsv(written, { resolveArea });
          const rows = await collect(reading.rows);
          expect(rows.map((r) => (r.ok ? r.value : r))).toEqual(observations);
        },
      ),
      { numRuns: 80 * propertyRunsScale },
    );
  });

  it('names every bad cell with its line, column and reason', async () => {
    const text = [
      'Area,Month,Indicator,Value,Sex',
      'SD01,2026-03-14,development.extreme-poverty,41.5,f',
      'XX01,2026-3,development.nope,,',
      'SD02,2026-02,development.undernourishment,"1,5",female',
      'SD02,2026-02,development.undernourishment,abc,',
    ].join('\n');
    const reading = await readObservationCsv(inPieces(utf8(text)), {
      resolveArea,
      source: 'Survey',
    });
    const rows = await collect(reading.rows);
    expect(rows[0]).toEqual({
      ok: true,
      line: 2,
      value: {
        indicatorCode: 'development.extreme-poverty',
        areaCode: 'SD01',
        period: '2026-03',
        value: 41.5,
        disaggregation: { sex: 'female' },
        source: 'Survey',
        reliability: 'medium',
      },
    });
    expect(rows.slice(1).map((r) => (r.ok ? r : r.errors.map((e) => [e.line, e.column])))).toEqual([
      [
        [3, 'area'],
        [3, 'month'],
        [3, 'value'],
        [3, 'indicator'],
      ],
      [[4, 'value']],
      [[5, 'value']],
    ]);
    const unknown = await collect(
      (
        await readObservationCsv(
          inPieces(utf8('area,month,indicator,value\nSD01,2026-01,x.y,1\n')),
          { resolveArea, source: 's' },
        )
      ).rows,
    );
    expect(unknown[0]).toMatchObject({
      ok: false,
      errors: [{ column: 'indicator', message: 'x.y is not an indicator of the catalogue' }],
    });
    const bad = rows[1];
    expect(bad && !bad.ok && bad.errors[0]?.message).toBe('No known area has the code XX01');
  });

  it('rejects a sex breakdown the indicator does not have', async () => {
    const text =
      'area,month,indicator,value,sex\nSD01,2026-01,development.undernourishment,3,male\n';
    const rows = await collect(
      (await readObservationCsv(inPieces(utf8(text)), { resolveArea, source: 's' })).rows,
    );
    expect(rows[0]).toMatchObject({ ok: false, errors: [{ column: 'sex' }] });
  });

  it.each([
    ['12', 12],
    [' -3.5 ', -3.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['', 'A number is required'],
    ['abc', 'abc is not a number'],
    ['1,5', expect.stringContaining('ambiguous')],
    ['1,000', expect.stringContaining('ambiguous')],
    ['NaN', 'NaN is not a number'],
    ['Infinity', 'Infinity is not a number'],
    ['0x10', '0x10 is not a number'],
  ])('reads the number %j as %j', (cell, expected) => {
    expect(parseNumberCell(cell)).toEqual(expected);
  });
});

describe('HXL observations', () => {
  it('round-trips observations through the HXL writer and its mapping (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(observation, { minLength: 1, maxLength: 10 }),
        async (observations) => {
          const written = encoded(writeObservationHxl(observations));
          const reading = await readHxl(written, { mapping: observationHxlMapping, resolveArea });
          expect(reading.info.hashtagRow).toBe(2);
          const rows = await collect(reading.rows);
          expect(rows.filter((r) => !r.ok)).toEqual([]);
          expect(rows.flatMap((r) => (r.ok ? r.value : []))).toEqual(observations);
        },
      ),
      { numRuns: 80 * propertyRunsScale },
    );
  });
});
