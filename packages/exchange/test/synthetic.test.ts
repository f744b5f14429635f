import { describe, expect, it } from 'vitest';
import type { Indicator } from '@prevention/core';
import {
  hxlShapeKey,
  inspect,
  platformIndicators,
  readAcled,
  readHxl,
  suggestHxlMapping,
  HxlMapping,
  type TableColumn,
} from '../src/index.js';
import {
  generateSyntheticAcled,
  generateSyntheticHxlDisplacement,
  generateSyntheticIndicatorHistory,
  syntheticIndicatorSource,
} from '../src/synthetic/index.js';
import { countries } from '@prevention/core';
import { readObservationCsv } from '../src/index.js';
import { collect, encoded, resolveArea, textOf } from './helpers.js';

describe('synthetic ACLED', () => {
  it('is deterministic from its seed', async () => {
    const a = await textOf(generateSyntheticAcled({ seed: 42, rows: 500 }));
    expect(await textOf(generateSyntheticAcled({ seed: 42, rows: 500 }))).toBe(a);
    expect(await textOf(generateSyntheticAcled({ seed: 43, rows: 500 }))).not.toBe(a);
  });

  it('has plausible proportions: heavy-tailed fatalities, most events none', async () => {
    const reading = await readAcled(encoded(generateSyntheticAcled({ seed: 11, rows: 5000 })));
    const signals = (await collect(reading.rows)).flatMap((r) => (r.ok ? [r.value.signal] : []));
    expect(signals).toHaveLength(5000);
    const fatalities = signals.map((s) => Number(s.payload['fatalities']));
    const zero = fatalities.filter((f) => f === 0).length / fatalities.length;
    expect(zero).toBeGreaterThan(0.55);
    expect(zero).toBeLessThan(0.85);
    expect(Math.max(...fatalities)).toBeGreaterThan(100);
    const share = (type: string) =>
      signals.filter((s) => s.payload['eventType'] === type).length / signals.length;
    expect(share('Protests')).toBeGreaterThan(0.18);
    expect(share('Protests')).toBeLessThan(0.32);
    expect(share('Battles')).toBeGreaterThan(0.15);
    expect(new Set(signals.map((s) => s.areaCode))).toEqual(
      new Set(['SDN', 'SSD', 'MLI', 'HTI', 'MMR']),
    );
  });

  it('spans the years asked for', async () => {
    const result = await inspect(
      encoded(
        generateSyntheticAcled({
          seed: 1,
          countries: ['HTI'],
          years: { from: 2023, to: 2024 },
          eventsPerYear: 100,
        }),
      ),
    );
    expect(result.rowCount).toBeGreaterThan(150);
    expect(result.rowCount).toBeLessThan(250);
  });
});

describe('synthetic ACLED surges', () => {
  it("multiplies a country's events from the month its surge starts", async () => {
    const options = {
      seed: 3,
      countries: ['HTI'],
      years: { from: 2020, to: 2023 },
      eventsPerYear: 200,
    };
    const perYear = async (surges = [] as { country: string; from: string; factor: number }[]) => {
      const reading = await readAcled(encoded(generateSyntheticAcled({ ...options, surges })));
      const years = new Map<string, number>();
      for (const row of await collect(reading.rows))
        if (row.ok) {
          const year = row.value.signal.occurredOn.slice(0, 4);
          years.set(year, (years.get(year) ?? 0) + 1);
        }
      return years;
    };
    const calm = await perYear();
    const surging = await perYear([{ country: 'HTI', from: '2022-01', factor: 4 }]);
    // Before the surge the rate is the usual one; 18 months on it is four times that.
    expect(surging.get('2020')).toBe(calm.get('2020'));
    expect(surging.get('2023') ?? 0).toBeGreaterThan(3 * (calm.get('2023') ?? 0));
  });
});

describe('synthetic indicator history', () => {
  const options = { seed: 7, from: '2017-01', to: '2026-10' } as const;

  it('is deterministic and covers every member and observer state', async () => {
    const text = await textOf(generateSyntheticIndicatorHistory(options));
    expect(await textOf(generateSyntheticIndicatorHistory(options))).toBe(text);
    // The area is the first cell of each line after the header (codes need no quoting).
    const areas = new Set(
      text
        .split('\r\n')
        .slice(1)
        .filter((line) => line !== '')
        .map((line) => line.slice(0, line.indexOf(','))),
    );
    expect(areas).toEqual(new Set(countries.map((c) => c.code)));
  });

  it('reads as valid values, yearly up to the year before the last, signal figures every year', async () => {
    const reading = await readObservationCsv(
      encoded(generateSyntheticIndicatorHistory({ ...options, countries: ['NOR', 'BFA', 'FJI'] })),
      { resolveArea },
    );
    const rows = await collect(reading.rows);
    expect(rows.filter((row) => !row.ok)).toEqual([]);
    const values = rows.flatMap((row) => (row.ok ? [row.value] : []));
    expect(values.every((o) => o.source === syntheticIndicatorSource)).toBe(true);
    const periods = new Set(values.map((o) => o.period));
    expect([...periods].sort()).toEqual([
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    const population = values.filter((o) => o.indicatorCode === 'development.population');
    expect(new Set(population.map((o) => o.period))).toEqual(
      new Set(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']),
    );
    const violations = values.filter((o) => o.indicatorCode === 'human-rights.violations');
    expect(violations.some((o) => o.period === '2026')).toBe(true);
  });

  it("worsens a rising country's figures and leaves the conflict figures of event countries to their events", async () => {
    const read = async (extra: object) => {
      const reading = await readObservationCsv(
        encoded(
          generateSyntheticIndicatorHistory({ ...options, countries: ['BFA', 'SDN'], ...extra }),
        ),
        { resolveArea },
      );
      return (await collect(reading.rows)).flatMap((row) => (row.ok ? [row.value] : []));
    };
    const values = await read({
      rises: [{ country: 'BFA', from: '2022-01', by: 0.4 }],
      eventCountries: ['SDN'],
      populations: { SDN: 48_000_000 },
    });
    const poverty = (year: string) =>
      values.find(
        (o) =>
          o.areaCode === 'BFA' &&
          o.period === year &&
          o.indicatorCode === 'development.extreme-poverty',
      )?.value ?? Number.NaN;
    expect(poverty('2025') - poverty('2020')).toBeGreaterThan(10);
    const sudan = values.filter((o) => o.areaCode === 'SDN');
    expect(sudan.some((o) => o.indicatorCode === 'peace-security.fatalities-per-100k')).toBe(false);
    expect(sudan.some((o) => o.indicatorCode === 'human-rights.violations')).toBe(true);
    expect(sudan.find((o) => o.indicatorCode === 'development.population')?.value).toBe(48_000_000);
  });
});

describe('HXL mappings', () => {
  const displacementIndicator: Indicator = {
    code: 'development.idps',
    pillar: 'development',
    title: { en: 'Internally displaced people' },
    unit: 'people',
    polarity: 'higher-is-worse',
    normalisation: { method: 'log-min-max', min: 0, max: 1_000_000 },
    origin: 'external',
    source: 'Displacement tracking',
    sdgIndicators: [],
    disaggregations: ['sex', 'age'],
  };

  it('suggests a mapping, reads the demo displacement file through it, with sex and age from attributes', async () => {
    const file = () =>
      encoded(
        generateSyntheticHxlDisplacement({
          seed: 4,
          countries: ['SDN'],
          from: '2026-01',
          to: '2026-01',
        }),
      );
    const { columns } = await inspect(file());
    const indicators = [...platformIndicators, displacementIndicator];
    const suggestion = suggestHxlMapping(columns, { indicators, defaultSource: 'DTM' });
    expect(suggestion.complete).toBe(true);
    expect(suggestion.mapping.area).toEqual(['#adm1+code', '#country+code']);
    expect(suggestion.mapping.values).toEqual({
      layout: 'wide',
      columns: [
        { pattern: '#affected+idp+ind', indicator: 'development.idps' },
        { pattern: '#affected+ind+returnees', indicator: 'development.returnees-in-month' },
      ],
    });
    expect(suggestion.unmapped.map((u) => u.hashtag)).toEqual(['#adm1+name']);
    const mapping = HxlMapping.parse(JSON.parse(JSON.stringify(suggestion.mapping)));
    const rows = await collect((await readHxl(file(), { mapping, resolveArea, indicators })).rows);
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    const first = rows[0];
    if (!first?.ok) throw new Error('expected a row');
    const idps = first.value.filter((o) => o.indicatorCode === 'development.idps');
    const total = idps.find((o) => !o.disaggregation)?.value ?? 0;
    const bySex = idps.filter((o) => o.disaggregation?.sex).reduce((s, o) => s + o.value, 0);
    const byAge = idps.filter((o) => o.disaggregation?.age).reduce((s, o) => s + o.value, 0);
    expect(idps.map((o) => o.disaggregation ?? null)).toEqual([
      null,
      { sex: 'female' },
      { sex: 'male' },
      { age: 'child' },
      { age: 'adult' },
      { age: 'older' },
    ]);
    expect(bySex).toBe(total);
    expect(byAge).toBe(total);
    expect(first.value[0]).toMatchObject({
      areaCode: 'SD01',
      period: '2026-01',
      source: 'Synthetic displacement tracking (demo)',
    });
  });

  it('maps IDP counts, with their sex and age columns, to the displacement indicator', async () => {
    const { columns } = await inspect(
      encoded(
        generateSyntheticHxlDisplacement({
          seed: 4,
          countries: ['MLI'],
          from: '2026-01',
          to: '2026-01',
        }),
      ),
    );
    const suggestion = suggestHxlMapping(columns);
    expect(suggestion.unmapped.map((u) => u.hashtag)).not.toContain('#affected+idp+ind');
    const values = suggestion.mapping.values;
    expect(values.layout).toBe('wide');
    if (values.layout === 'wide')
      expect(values.columns).toContainEqual({
        pattern: '#affected+idp+ind',
        indicator: 'development.idps',
      });
  });

  it('keys a shape by its hashtags, whatever their order, case, spelling or text headers', () => {
    const column = (index: number, header: string, hashtag?: string): TableColumn =>
      hashtag ? { index, header, hashtag } : { index, header };
    const a = [
      column(0, 'P-code', '#adm1+code'),
      column(1, 'IDPs', '#affected+f+idp'),
      column(2, 'x'),
    ];
    const b = [column(0, 'Women', '#affected+f+idp'), column(1, 'Code', '#adm1+code')];
    const c = [column(0, 'P-code', '#adm1+code'), column(1, 'IDPs', '#affected+idp+m')];
    expect(hxlShapeKey(a)).toBe(hxlShapeKey(b));
    expect(hxlShapeKey(a)).not.toBe(hxlShapeKey(c));
    expect(hxlShapeKey(a)).toBe('hxl:#adm1+code,#affected+f+idp');
  });

  it('refuses a mapping whose columns the file does not have', async () => {
    const file = encoded(
      generateSyntheticHxlDisplacement({
        seed: 4,
        countries: ['HTI'],
        from: '2026-01',
        to: '2026-01',
      }),
    );
    const mapping: HxlMapping = {
      area: ['#adm2+code'],
      period: '#date',
      values: {
        layout: 'wide',
        columns: [{ pattern: '#affected+returnees', indicator: 'development.returnees-in-month' }],
      },
      source: { text: 'x' },
      reliability: 'low',
    };
    await expect(readHxl(file, { mapping, resolveArea })).rejects.toMatchObject({
      reason: 'BAD_MAPPING',
    });
  });
});
