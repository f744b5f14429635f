import { newId, type Observation, type Signal } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { developmentPillar } from '../src/index.js';

function signal(kind: string, payload: object, overrides: Partial<Signal> = {}): Signal {
  return {
    id: newId(),
    pillar: 'development',
    kind,
    areaCode: 'SOM',
    occurredOn: '2026-04-12',
    title: 'A signal',
    severity: 3,
    verification: 'corroborated',
    source: 'Test',
    sensitivity: 'public',
    fieldSensitivity: {},
    payload: { ...payload },
    ...overrides,
  };
}

const context = { from: '2026-04', to: '2026-05', populationOf: () => 1_000_000 };

const valueOf = (observations: Observation[], name: string, period = '2026-04') =>
  observations.find((o) => o.indicatorCode === `development.${name}` && o.period === period)?.value;

describe('observations derived from development signals', () => {
  const flood = {
    hazardType: 'flood',
    startedOn: '2026-04-10',
    deaths: 12,
    missing: 3,
    directlyAffected: 4985,
    climateRelated: true,
  };
  const ipc = (overrides: object) => ({
    validFrom: '2026-03',
    validTo: '2026-06',
    projection: false,
    populationAnalysed: 1000,
    peopleByPhase: { 1: 300, 2: 300, 3: 250, 4: 100, 5: 50 },
    areaPhase: 3,
    ...overrides,
  });

  it('counts hazards and the people they killed or affected per 100,000 (SDG 1.5.1)', () => {
    const derived = developmentPillar.deriveObservations([signal('hazard-event', flood)], context);
    expect(valueOf(derived, 'hazard-events')).toBe(1);
    expect(valueOf(derived, 'disaster-affected-per-100k')).toBe(500);
    expect(valueOf(derived, 'hazard-events', '2026-05')).toBe(0);
  });

  it('takes the current IPC analysis over a projection and measures Phase 3 or worse', () => {
    const derived = developmentPillar.deriveObservations(
      [
        signal('food-insecurity', ipc({ projection: true, areaPhase: 4 }), {
          occurredOn: '2026-04-20',
        }),
        signal('food-insecurity', ipc({}), { occurredOn: '2026-03-01' }),
      ],
      context,
    );
    expect(valueOf(derived, 'ipc-phase-3-plus')).toBe(40);
    expect(valueOf(derived, 'ipc-area-phase')).toBe(3);
  });

  it('carries the latest displacement stock forward and counts new displacement', () => {
    const derived = developmentPillar.deriveObservations(
      [
        signal(
          'displacement',
          { group: 'idps', measure: 'stock', people: 20_000, cause: 'conflict' },
          { occurredOn: '2026-01-15' },
        ),
        signal(
          'displacement',
          { group: 'idps', measure: 'stock', people: 30_000, cause: 'conflict' },
          { occurredOn: '2026-04-02' },
        ),
        signal('displacement', {
          group: 'idps',
          measure: 'flow',
          people: 2_500,
          cause: 'disaster',
        }),
        signal('displacement', {
          group: 'returnees',
          measure: 'flow',
          people: 700,
          cause: 'conflict',
        }),
      ],
      context,
    );
    expect(valueOf(derived, 'idps-per-100k')).toBe(3000);
    expect(valueOf(derived, 'idps-per-100k', '2026-05')).toBe(3000);
    expect(valueOf(derived, 'new-displacement-per-100k')).toBe(250);
    expect(valueOf(derived, 'returnees-in-month')).toBe(700);
    expect(valueOf(derived, 'new-displacement-per-100k', '2026-05')).toBe(0);
  });

  it('rates reliability by how many contributing signals were checked', () => {
    const derived = developmentPillar.deriveObservations(
      [
        signal('hazard-event', flood),
        signal('hazard-event', flood, { verification: 'unverified' }),
        signal('hazard-event', flood, { verification: 'unverified' }),
      ],
      context,
    );
    expect(derived.find((o) => o.indicatorCode === 'development.hazard-events')?.reliability).toBe(
      'low',
    );
  });
});

describe('the development pillar', () => {
  it('offers the 17 goals as choices in its assessment section', () => {
    const field = developmentPillar.assessmentSection.metadata.fields.find(
      (f) => f.key === 'sdgsAtRisk',
    );
    expect(field?.kind === 'multi-choice' ? field.options.length : 0).toBe(17);
  });
});
