import { addMonths, monthRange, type Observation } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { peaceSecurityPillar } from '../src/index.js';
import { conflictEvent, mediation, signal, tension } from './factories.js';

const context = {
  from: '2026-03',
  to: '2026-03',
  populationOf: (area: string) => (area === 'SDN' ? 2_000_000 : undefined),
};

function valueOf(observations: Observation[], name: string, period = '2026-03', area = 'SDN') {
  return observations.find(
    (o) =>
      o.indicatorCode === `peace-security.${name}` && o.period === period && o.areaCode === area,
  )?.value;
}

describe('observations derived from peace and security signals', () => {
  const signals = [
    signal('conflict-event', conflictEvent({ fatalities: 10 })),
    signal(
      'conflict-event',
      conflictEvent({
        eventType: 'Violence against civilians',
        subEventType: 'Attack',
        actor2: { name: 'Civilians', type: 'civilians', associated: [] },
        interaction: 17,
        civilianTargeting: true,
        fatalities: 4,
      }),
    ),
    signal(
      'conflict-event',
      conflictEvent({
        eventType: 'Protests',
        subEventType: 'Excessive force against protesters',
        actor2: { name: 'Protesters', type: 'protesters', associated: [] },
        interaction: 16,
      }),
    ),
    signal('tension', tension(), { severity: 4 }),
    signal('tension', tension({ tensionType: 'electoral' }), { severity: 2 }),
    signal('mediation-engagement', mediation()),
    signal('conflict-event', conflictEvent(), { pillar: 'human-rights' }),
  ];
  const observations = peaceSecurityPillar.deriveObservations(signals, context);

  it('counts events by type and by disorder type', () => {
    expect(valueOf(observations, 'battles')).toBe(1);
    expect(valueOf(observations, 'violence-against-civilians')).toBe(1);
    expect(valueOf(observations, 'protests')).toBe(1);
    expect(valueOf(observations, 'riots')).toBe(0);
    expect(valueOf(observations, 'political-violence-events')).toBe(3);
    expect(valueOf(observations, 'excessive-force-against-protesters')).toBe(1);
  });

  it('computes fatalities per 100,000 people where the population is known', () => {
    expect(valueOf(observations, 'fatalities')).toBe(14);
    expect(valueOf(observations, 'fatalities-per-100k')).toBeCloseTo(0.7);
    expect(valueOf(observations, 'civilian-fatalities-per-100k')).toBeCloseTo(0.2);
    const elsewhere = peaceSecurityPillar.deriveObservations(
      [signal('conflict-event', conflictEvent({ fatalities: 3 }), { areaCode: 'TCD' })],
      context,
    );
    expect(valueOf(elsewhere, 'fatalities', '2026-03', 'TCD')).toBe(3);
    expect(valueOf(elsewhere, 'fatalities-per-100k', '2026-03', 'TCD')).toBeUndefined();
  });

  it('scores tension by the highest severity of each type', () => {
    expect(valueOf(observations, 'political-tension')).toBe(8);
    expect(valueOf(observations, 'electoral-tension')).toBe(4);
    expect(valueOf(observations, 'inter-communal-tension')).toBe(0);
  });

  it('measures the share of women in mediation', () => {
    expect(valueOf(observations, 'women-among-negotiators')).toBe(10);
    expect(valueOf(observations, 'women-among-mediators')).toBe(50);
    expect(valueOf(observations, 'women-among-signatories')).toBeUndefined();
    expect(valueOf(observations, 'active-mediation-processes')).toBe(1);
  });

  it('compares with the trailing 12-month average once an area has 12 months of history', () => {
    const history = monthRange('2025-01', '2026-02').map((month) =>
      signal('conflict-event', conflictEvent(), { occurredOn: `${month}-15` }),
    );
    const spike = [1, 2, 3, 4].map(() =>
      signal('conflict-event', conflictEvent(), { occurredOn: '2026-03-20' }),
    );
    const derived = peaceSecurityPillar.deriveObservations([...history, ...spike], context);
    expect(valueOf(derived, 'political-violence-change')).toBe(300);

    const young = peaceSecurityPillar.deriveObservations(
      [signal('conflict-event', conflictEvent(), { occurredOn: `${addMonths('2026-03', -3)}-01` })],
      context,
    );
    expect(valueOf(young, 'political-violence-change')).toBeUndefined();
  });

  it('only produces indicators of its own catalogue', () => {
    const codes = new Set(peaceSecurityPillar.indicators.map((i) => i.code));
    for (const o of observations) expect(codes.has(o.indicatorCode)).toBe(true);
  });
});
