import { describe, expect, it } from 'vitest';
import { compareSearchOf, parseCompareSearch } from '../../src/risk/compare-search.js';
import { buildHref } from '../../src/router/paths.js';

const a = '0196f7a0-0000-7000-8000-000000000001';
const b = '0196f7a0-0000-7000-8000-000000000002';

describe('the compare page’s address', () => {
  it('reads countries under one model version, codes in any case', () => {
    expect(parseCompareSearch({ areas: 'sdn, MLI', model: a, month: '2026-04' })).toEqual({
      kind: 'countries',
      areaCodes: ['SDN', 'MLI'],
      modelVersionId: a,
      month: '2026-04',
    });
  });

  it('leaves out unknown and repeated countries, and any beyond the fourth', () => {
    expect(parseCompareSearch({ areas: 'SDN,XXX,SDN,MLI,12,HTI,SSD,TCD' })).toEqual({
      kind: 'countries',
      areaCodes: ['SDN', 'MLI', 'HTI', 'SSD'],
      modelVersionId: undefined,
      month: undefined,
    });
  });

  it('leaves out a malformed model id and month', () => {
    expect(parseCompareSearch({ areas: 'SDN', model: 'prevention', month: '2026-13' })).toEqual({
      kind: 'countries',
      areaCodes: ['SDN'],
      modelVersionId: undefined,
      month: undefined,
    });
  });

  it('opens on nothing chosen without a query', () => {
    expect(parseCompareSearch({})).toEqual({
      kind: 'countries',
      areaCodes: [],
      modelVersionId: undefined,
      month: undefined,
    });
  });

  it('reads one country under two versions when `models` is given, the first country only', () => {
    expect(parseCompareSearch({ areas: 'SDN,MLI', models: `${a},${b}` })).toEqual({
      kind: 'versions',
      areaCode: 'SDN',
      modelVersionIds: [a, b],
      month: undefined,
    });
  });

  it('keeps the valid versions of two, for the page to complete', () => {
    expect(parseCompareSearch({ areas: 'SDN', models: `nonsense,${b},${a}` })).toEqual({
      kind: 'versions',
      areaCode: 'SDN',
      modelVersionIds: [b, a],
      month: undefined,
    });
    expect(parseCompareSearch({ models: a })).toMatchObject({
      kind: 'versions',
      areaCode: undefined,
      modelVersionIds: [a],
    });
  });

  it('writes a selection into an address that reads back as it is', () => {
    const countries = parseCompareSearch({ areas: 'SDN,MLI', model: a, month: '2026-04' });
    const versions = parseCompareSearch({ areas: 'SDN', models: `${a},${b}`, month: '2026-04' });
    const unfinished = parseCompareSearch({ areas: 'SDN' });
    for (const selection of [countries, versions, unfinished]) {
      const href = buildHref('/risk/compare', {}, compareSearchOf(selection));
      const search = Object.fromEntries(new URL(href, 'https://example.org').searchParams);
      expect(parseCompareSearch(search)).toEqual(selection);
    }
    expect(buildHref('/risk/compare', {}, compareSearchOf(versions))).toBe(
      `/risk/compare?areas=SDN&models=${a}%2C${b}&month=2026-04`,
    );
  });
});
