import type { Observation } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { humanRightsPillar } from '../src/index.js';
import { signal, violation } from './factories.js';

const context = { from: '2026-05', to: '2026-05', populationOf: () => 300_000 };
const valueOf = (observations: Observation[], name: string) =>
  observations.find((o) => o.indicatorCode === `human-rights.${name}`)?.value;

describe('observations derived from human rights signals', () => {
  it('counts violations, the gravest acts and victims per 100,000 people', () => {
    const derived = humanRightsPillar.deriveObservations(
      [
        signal('violation', violation()),
        signal('violation', violation({ acts: ['killing', 'sexual-violence'] }), {
          verification: 'reported',
        }),
      ],
      context,
    );
    expect(valueOf(derived, 'violations')).toBe(2);
    expect(valueOf(derived, 'verified-violations')).toBe(1);
    expect(valueOf(derived, 'killings')).toBe(1);
    expect(valueOf(derived, 'arbitrary-detention')).toBe(1);
    expect(valueOf(derived, 'victims-per-100k')).toBe(2);
  });

  it('counts verified attacks on defenders, journalists and trade unionists (SDG 16.10.1)', () => {
    const defender = violation({ victimGroups: ['human-rights-defender'] });
    const derived = humanRightsPillar.deriveObservations(
      [
        signal('violation', defender),
        signal('violation', defender, { verification: 'unverified' }),
        signal(
          'violation',
          violation({ victimGroups: ['journalist'], acts: ['threats-intimidation'] }),
        ),
      ],
      context,
    );
    expect(valueOf(derived, 'attacks-on-defenders')).toBe(1);
  });

  it('scores civic space from incidents and the latest rating', () => {
    const event = (overrides: object, occurredOn = '2026-05-02') =>
      signal(
        'civic-space',
        {
          eventType: 'internet-shutdown',
          freedomsAffected: ['expression'],
          targetGroups: [],
          peopleTargeted: [],
          byStateActors: true,
          description: 'Mobile data cut in three regions.',
          ...overrides,
        },
        { occurredOn },
      );
    const derived = humanRightsPillar.deriveObservations(
      [
        event({ rating: 'obstructed' }, '2025-11-20'),
        event({}),
        event({ eventType: 'censorship', rating: 'repressed' }),
      ],
      context,
    );
    expect(valueOf(derived, 'civic-space-restrictions')).toBe(2);
    expect(valueOf(derived, 'internet-shutdowns')).toBe(1);
    expect(valueOf(derived, 'civic-space-rating')).toBe(4);
  });

  it('measures support for and implementation of recommendations received so far', () => {
    const upr = (response: string, implementation: string, occurredOn = '2025-01-20') =>
      signal(
        'recommendation',
        {
          mechanism: 'upr',
          cycle: 4,
          recommendingState: 'GHA',
          response,
          reference: 'A/HRC/00/0',
          text: 'Guarantee freedom of peaceful assembly.',
          rightsConcerned: ['peaceful-assembly'],
          sdgTargets: ['16.10'],
          implementation,
        },
        { occurredOn },
      );
    const derived = humanRightsPillar.deriveObservations(
      [
        upr('supported', 'partially-implemented'),
        upr('supported', 'not-implemented'),
        upr('noted', 'not-assessed'),
        upr('noted', 'implemented', '2026-09-01'),
      ],
      context,
    );
    expect(valueOf(derived, 'upr-supported-share')).toBeCloseTo(66.667, 2);
    expect(valueOf(derived, 'recommendations-implemented-share')).toBe(50);
  });
});
