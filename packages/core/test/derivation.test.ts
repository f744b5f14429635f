import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  derivedReliability,
  groupSignalsByArea,
  newId,
  reliabilityOfSignals,
  type Signal,
} from '../src/index.js';

const signal = (overrides: Partial<Signal>): Signal => ({
  id: newId(),
  pillar: 'test',
  kind: 'count',
  areaCode: 'SDN',
  occurredOn: '2026-03-14',
  title: 'A signal',
  severity: 2,
  verification: 'reported',
  source: 'test',
  sensitivity: 'restricted',
  fieldSensitivity: {},
  payload: { n: 1 },
  ...overrides,
});

describe('derived reliability', () => {
  it('is high when every signal was checked, medium from half, low below', () => {
    expect(derivedReliability(3, 3)).toBe('high');
    expect(derivedReliability(2, 4)).toBe('medium');
    expect(derivedReliability(1, 4)).toBe('low');
    expect(derivedReliability(0, 0)).toBe('medium');
    expect(
      reliabilityOfSignals([
        signal({ verification: 'verified' }),
        signal({ verification: 'corroborated' }),
      ]),
    ).toBe('high');
  });
});

describe('groupSignalsByArea', () => {
  it('keeps one pillar’s listed kinds, grouped by area, with parsed payloads', () => {
    const grouped = groupSignalsByArea(
      [
        signal({ areaCode: 'SDN' }),
        signal({ areaCode: 'MLI', payload: { n: 4 } }),
        signal({ kind: 'other' }),
        signal({ pillar: 'elsewhere' }),
      ],
      'test',
      { count: z.object({ n: z.number() }) },
    );
    expect([...grouped.keys()].sort()).toEqual(['MLI', 'SDN']);
    expect(grouped.get('MLI')?.count.map((s) => s.value)).toEqual([{ n: 4 }]);
    expect(grouped.get('SDN')?.count).toHaveLength(1);
  });

  it('refuses a payload its kind’s schema does not accept', () => {
    expect(() =>
      groupSignalsByArea([signal({ payload: { n: 'x' } })], 'test', {
        count: z.object({ n: z.number() }),
      }),
    ).toThrow();
  });
});
