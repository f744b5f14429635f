import { describe, expect, it } from 'vitest';
import { buildExportLink, formatFor, type ExportFilters } from '../../src/data/export-link.js';

const blank: ExportFilters = {
  kind: 'signals',
  format: 'acled',
  area: '',
  pillar: '',
  indicator: '',
  from: '',
  to: '',
};

describe('the export link', () => {
  it('asks for every signal as ACLED when nothing is filtered', () => {
    expect(buildExportLink(blank)).toEqual({
      ok: true,
      href: '/api/exports?kind=signals&format=acled',
    });
  });

  it('carries every filter, the area upper-cased and trimmed', () => {
    const link = buildExportLink({
      kind: 'observations',
      format: 'hxl',
      area: ' sd01 ',
      pillar: 'development',
      indicator: 'development.idps',
      from: '2026-01',
      to: '2026-03',
    });
    expect(link).toEqual({
      ok: true,
      href: '/api/exports?kind=observations&format=hxl&area=SD01&pillar=development&indicator=development.idps&from=2026-01&to=2026-03',
    });
  });

  it('leaves the indicator out of signals, which have none', () => {
    const link = buildExportLink({ ...blank, indicator: 'development.idps' });
    expect(link).toEqual({ ok: true, href: '/api/exports?kind=signals&format=acled' });
  });

  it('keeps the format to the ones the kind is exported in', () => {
    expect(formatFor('signals', 'hxl')).toBe('acled');
    expect(formatFor('observations', 'acled')).toBe('csv');
    expect(formatFor('observations', 'hxl')).toBe('hxl');
    expect(buildExportLink({ ...blank, kind: 'observations', format: 'acled' })).toEqual({
      ok: true,
      href: '/api/exports?kind=observations&format=csv',
    });
  });

  it('names the filters the server would refuse', () => {
    expect(buildExportLink({ ...blank, area: 'S', from: '2026-13', to: 'March' })).toEqual({
      ok: false,
      problems: ['area', 'from', 'to'],
    });
    expect(buildExportLink({ ...blank, area: 'SD 01' })).toEqual({
      ok: false,
      problems: ['area'],
    });
  });

  it('refuses a range that ends before it starts', () => {
    expect(buildExportLink({ ...blank, from: '2026-04', to: '2026-03' })).toEqual({
      ok: false,
      problems: ['range'],
    });
    expect(buildExportLink({ ...blank, from: '2026-03', to: '2026-03' }).ok).toBe(true);
  });
});
