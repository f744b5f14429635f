import { describe, expect, it } from 'vitest';
import {
  comparisonFromCountry,
  defaultVersionPair,
  planComparison,
  resolveVersionPair,
  switchKind,
  type ModelVersion,
} from '../../src/risk/compare-selection.js';

let serial = 0;

function version(overrides: Partial<ModelVersion> = {}): ModelVersion {
  serial += 1;
  return {
    id: `0196f7a0-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    modelId: 'prevention-risk',
    version: `2026.${serial}`,
    title: 'Prevention risk',
    countryCode: null,
    basedOn: null,
    note: null,
    createdAt: `2026-01-${String(serial).padStart(2, '0')}T00:00:00.000Z`,
    ...overrides,
  };
}

const prevention = version();
const inform = version({ modelId: 'inform-risk', title: 'INFORM Risk Index' });
const sudan = version({ countryCode: 'SDN', basedOn: prevention.id });
const mali = version({ countryCode: 'MLI', basedOn: prevention.id });
const models = [prevention, inform, sudan, mali];

describe('the versions a country is compared under', () => {
  it('puts a country’s own version beside the global one it adjusts', () => {
    expect(defaultVersionPair(models, 'SDN')).toEqual([prevention.id, sudan.id]);
  });

  it('puts the global prevention model beside INFORM for a country without its own', () => {
    expect(defaultVersionPair(models, 'HTI')).toEqual([prevention.id, inform.id]);
  });

  it('puts the newest prevention version beside an older one when it is the only model', () => {
    const newer = version();
    expect(defaultVersionPair([prevention, newer], 'HTI')).toEqual([newer.id, prevention.id]);
  });

  it('keeps the versions asked for that the country has, and completes them', () => {
    expect(resolveVersionPair([inform.id, sudan.id], models, 'SDN')).toEqual([inform.id, sudan.id]);
    // Mali's version is not Sudan's to be compared under.
    expect(resolveVersionPair([mali.id], models, 'SDN')).toEqual([prevention.id, sudan.id]);
    expect(resolveVersionPair([inform.id], models, 'HTI')).toEqual([inform.id, prevention.id]);
  });
});

describe('planning the comparison', () => {
  it('loads each country under the global version asked for, or the default', () => {
    const asked = {
      kind: 'countries' as const,
      areaCodes: ['SDN', 'MLI'],
      modelVersionId: sudan.id,
      month: undefined,
    };
    const plan = planComparison(asked, models);
    expect(plan.selection).toEqual({ ...asked, modelVersionId: prevention.id });
    expect(plan.requests).toEqual([
      { areaCode: 'SDN', modelVersionId: prevention.id },
      { areaCode: 'MLI', modelVersionId: prevention.id },
    ]);
    expect(planComparison({ ...asked, modelVersionId: inform.id }, models).requests[0]).toEqual({
      areaCode: 'SDN',
      modelVersionId: inform.id,
    });
  });

  it('loads one country under versions A and B, and nothing before a country is chosen', () => {
    const asked = {
      kind: 'versions' as const,
      areaCode: 'SDN',
      modelVersionIds: [],
      month: '2026-04',
    };
    expect(planComparison(asked, models).requests).toEqual([
      { areaCode: 'SDN', modelVersionId: prevention.id },
      { areaCode: 'SDN', modelVersionId: sudan.id },
    ]);
    expect(planComparison({ ...asked, areaCode: undefined }, models).requests).toEqual([]);
  });

  it('switches between countries and versions keeping the first country', () => {
    const countries = {
      kind: 'countries' as const,
      areaCodes: ['SDN', 'MLI'],
      modelVersionId: inform.id,
      month: '2026-04',
    };
    const versions = switchKind(countries, 'versions', models);
    expect(versions).toEqual({
      kind: 'versions',
      areaCode: 'SDN',
      modelVersionIds: [prevention.id, sudan.id],
      month: '2026-04',
    });
    expect(switchKind(versions, 'countries', models)).toEqual({
      ...countries,
      areaCodes: ['SDN'],
      modelVersionId: prevention.id,
    });
    expect(switchKind(countries, 'countries', models)).toBe(countries);
  });
});

describe('the country page’s offer', () => {
  it('compares a country that has its own version with the global model', () => {
    expect(comparisonFromCountry(models, 'SDN', undefined)).toEqual({
      offer: 'withGlobal',
      selection: {
        kind: 'versions',
        areaCode: 'SDN',
        modelVersionIds: [prevention.id, sudan.id],
        month: undefined,
      },
    });
  });

  it('compares another country with other countries under the version it shows', () => {
    expect(comparisonFromCountry(models, 'HTI', inform.id)).toEqual({
      offer: 'withCountries',
      selection: {
        kind: 'countries',
        areaCodes: ['HTI'],
        modelVersionId: inform.id,
        month: undefined,
      },
    });
  });
});
