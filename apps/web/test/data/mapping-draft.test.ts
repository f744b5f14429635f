import {
  inspect,
  suggestHxlMapping,
  type HxlMapping,
  type TableColumn,
} from '@prevention/exchange';
import { generateSyntheticHxlDisplacement } from '@prevention/exchange/synthetic';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  areaCandidates,
  initialDraft,
  mappingOfDraft,
  mappingReducer,
  type MappingDraft,
} from '../../src/data/mapping-draft.js';

async function displacementColumns(): Promise<TableColumn[]> {
  let text = '';
  for await (const chunk of generateSyntheticHxlDisplacement({
    seed: 3,
    countries: ['SDN'],
    from: '2026-01',
    to: '2026-01',
  }))
    text += chunk;
  const bytes = new TextEncoder().encode(text);
  return (
    await inspect(
      (async function* () {
        yield bytes;
      })(),
    )
  ).columns;
}

describe('the HXL mapping editor’s state', () => {
  let columns: TableColumn[];
  let draft: MappingDraft;
  beforeAll(async () => {
    columns = await displacementColumns();
    const start = initialDraft(null, suggestHxlMapping(columns));
    if (!start) throw new Error('no suggestion');
    draft = start;
  });

  it('starts from the suggestion, every value column included, and gives it back as is', () => {
    expect(draft.values).toEqual({
      layout: 'wide',
      columns: [
        { pattern: '#affected+idp+ind', indicator: 'development.idps', included: true },
        {
          pattern: '#affected+ind+returnees',
          indicator: 'development.returnees-in-month',
          included: true,
        },
      ],
    });
    expect(mappingOfDraft(draft)).toEqual({
      ok: true,
      mapping: suggestHxlMapping(columns).mapping,
    });
  });

  it('prefers the mapping saved for files of this shape', () => {
    const saved: HxlMapping = {
      area: ['#country+code'],
      period: '#date',
      values: {
        layout: 'wide',
        columns: [{ pattern: '#affected+idp', indicator: 'development.idps' }],
      },
      source: { text: 'DTM' },
      reliability: 'high',
    };
    expect(mappingOfDraft(initialDraft(saved, suggestHxlMapping(columns)) as MappingDraft)).toEqual(
      { ok: true, mapping: saved },
    );
    expect(initialDraft(null, null)).toBeNull();
  });

  it('leaves a value column out, and brings it back', () => {
    const without = mappingReducer(draft, {
      type: 'include-value',
      pattern: '#affected+ind+returnees',
      included: false,
    });
    const result = mappingOfDraft(without);
    expect(result.ok && result.mapping.values).toEqual({
      layout: 'wide',
      columns: [{ pattern: '#affected+idp+ind', indicator: 'development.idps' }],
    });
    const back = mappingReducer(without, {
      type: 'include-value',
      pattern: '#affected+ind+returnees',
      included: true,
    });
    expect(back).toEqual(draft);
  });

  it('sends a value column to another indicator', () => {
    const changed = mappingReducer(draft, {
      type: 'set-indicator',
      pattern: '#affected+ind+returnees',
      indicator: 'development.idps',
    });
    const result = mappingOfDraft(changed);
    expect(result.ok && result.mapping.values).toEqual({
      layout: 'wide',
      columns: [
        { pattern: '#affected+idp+ind', indicator: 'development.idps' },
        { pattern: '#affected+ind+returnees', indicator: 'development.idps' },
      ],
    });
  });

  it('offers the columns of place codes, most detailed first, and keeps that order', () => {
    const candidates = areaCandidates(columns);
    expect(candidates).toEqual(['#adm1+code', '#country+code']);
    const countryOnly = mappingReducer(draft, {
      type: 'toggle-area',
      pattern: '#adm1+code',
      candidates,
    });
    expect(countryOnly.area).toEqual(['#country+code']);
    const both = mappingReducer(countryOnly, {
      type: 'toggle-area',
      pattern: '#adm1+code',
      candidates,
    });
    expect(both.area).toEqual(['#adm1+code', '#country+code']);
  });

  it('names what is missing before the mapping can be used', () => {
    const candidates = areaCandidates(columns);
    let broken = mappingReducer(draft, { type: 'set-period', period: null });
    for (const pattern of candidates)
      broken = mappingReducer(broken, { type: 'toggle-area', pattern, candidates });
    for (const pattern of ['#affected+idp+ind', '#affected+ind+returnees'])
      broken = mappingReducer(broken, { type: 'include-value', pattern, included: false });
    expect(mappingOfDraft(broken)).toEqual({ ok: false, problems: ['area', 'period', 'values'] });
  });

  it('takes a source text only where the source is a text, and refuses an empty one', () => {
    expect(mappingReducer(draft, { type: 'set-source-text', text: 'x' })).toBe(draft);
    const texted: MappingDraft = { ...draft, source: { text: 'HXL import' } };
    const emptied = mappingReducer(texted, { type: 'set-source-text', text: '  ' });
    expect(mappingOfDraft(emptied)).toEqual({ ok: false, problems: ['source'] });
    const named = mappingReducer(texted, { type: 'set-source-text', text: ' IOM DTM ' });
    const result = mappingOfDraft(named);
    expect(result.ok && result.mapping.source).toEqual({ text: 'IOM DTM' });
  });
});
