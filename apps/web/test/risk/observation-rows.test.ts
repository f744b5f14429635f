import { describe, expect, it } from 'vitest';
import {
  observationRows,
  shortBatchId,
  type ObservationBehind,
} from '../../src/risk/observation-rows.js';
import { riskFormat } from '../../src/risk/risk-format.js';

function observation(overrides: Partial<ObservationBehind>): ObservationBehind {
  return {
    id: '01932b6e-8f3a-7c00-8000-000000000001',
    indicatorCode: 'peace-security.homicide-rate',
    period: '2025',
    value: 6.1,
    unit: 'per-100k',
    source: 'UNODC',
    reliability: 'high',
    sensitivity: 'public',
    origin: 'imported',
    provenance: { batchId: '01932b6e-8f3a-7c00-8000-00000000beef', line: 4 },
    recordedAt: '2026-11-01T10:00:00.000Z',
    counts: false,
    carriedMonths: 3,
    reliabilityFactor: 0.938,
    ...overrides,
  };
}

const leaves = [
  { node: 'battles-leaf', indicator: 'peace-security.battles', carryForwardMonths: 0 },
  {
    node: 'peace-security.homicide-rate',
    indicator: 'peace-security.homicide-rate',
    carryForwardMonths: 24,
  },
];
const titles = new Map([
  ['battles-leaf', 'Battles'],
  ['peace-security.homicide-rate', 'Homicide rate'],
]);

describe('the rows of the observations behind a node', () => {
  it("titles each by its leaf's title, or its code for an indicator no leaf names, in the server's order", () => {
    const rows = observationRows(
      {
        leaves,
        observations: [
          observation({
            id: 'battles',
            indicatorCode: 'peace-security.battles',
            period: '2026-03',
          }),
          observation({ id: 'used', counts: true }),
          observation({ id: 'unknown', indicatorCode: 'other.code' }),
        ],
      },
      titles,
    );
    expect(rows.map((row) => [row.id, row.indicatorTitle])).toEqual([
      ['battles', 'Battles'],
      ['used', 'Homicide rate'],
      ['unknown', 'other.code'],
    ]);
    expect(rows[1]).toMatchObject({ counts: true, provenance: { line: 4 } });
  });

  it("shortens a batch's id to its random tail", () => {
    expect(shortBatchId('01932b6e-8f3a-7c00-8000-00000000beef')).toBe('0000beef');
  });

  it("writes a value in the reader's language with the unit its number format has", () => {
    const en = riskFormat('en');
    expect(en.value(45.25, 'percent')).toBe('45.25%');
    expect(en.value(1_234_567, 'usd')).toMatch(/^(US)?\$1,234,567$/);
    expect(en.value(1234.5678, 'events')).toBe('1,234.57');
    expect(riskFormat('fr').value(1234.5, null)).toMatch(/^1[\s\u202f]234,5$/);
  });
});
