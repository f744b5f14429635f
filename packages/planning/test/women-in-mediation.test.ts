import type { Signal } from '@prevention/core';
import type { MediationEngagement } from '@prevention/peace-security';
import { describe, expect, it } from 'vitest';
import { womenInMediationOverTime } from '../src/index.js';
import { testId } from './factories.js';

let next = 0x700;
function mediationSignal(
  areaCode: string,
  occurredOn: string,
  engagement: Partial<MediationEngagement>,
): Signal {
  const payload: MediationEngagement = {
    process: 'Jeddah talks',
    engagement: 'mediation',
    track: 'track-1',
    mediationTeam: { women: 1, men: 3 },
    parties: [{ name: 'Sudanese Armed Forces', type: 'state-forces' }],
    stage: 'negotiation',
    negotiators: { women: 0, men: 10 },
    mediators: { women: 1, men: 3 },
    ...engagement,
  };
  next += 1;
  return {
    id: testId(next),
    pillar: 'peace-security',
    kind: 'mediation-engagement',
    areaCode,
    occurredOn,
    title: payload.process,
    severity: 2,
    verification: 'verified',
    source: 'Mediation support unit',
    sensitivity: 'confidential',
    fieldSensitivity: {},
    payload,
  };
}

describe('women among negotiators, mediators and signatories', () => {
  it('pools each process’s latest engagement of the year, per country and year', () => {
    const signals = [
      // Jeddah talks in 2025: the June state replaces the March one.
      mediationSignal('SDN', '2025-03-01', { negotiators: { women: 0, men: 12 } }),
      mediationSignal('SDN', '2025-06-01', { negotiators: { women: 2, men: 8 } }),
      // A second Sudanese process in 2025, at a sub-national P-code, with an agreement signed.
      mediationSignal('SD01', '2025-09-15', {
        process: 'Kadugli local peace',
        stage: 'agreement',
        negotiators: { women: 3, men: 7 },
        mediators: { women: 2, men: 2 },
        signatories: { women: 1, men: 4 },
      }),
      mediationSignal('SDN', '2026-02-01', { negotiators: { women: 5, men: 5 } }),
      mediationSignal('MLI', '2025-05-01', { process: 'Algiers follow-up' }),
      // Not a mediation signal: ignored.
      { ...mediationSignal('SDN', '2025-07-01', {}), kind: 'tension' },
    ];
    expect(womenInMediationOverTime(signals)).toEqual([
      // Mali: negotiators 0 of 10, mediators 1 of 4, no agreement yet.
      {
        countryCode: 'MLI',
        year: '2025',
        processes: 1,
        negotiators: 0,
        mediators: 25,
        signatories: null,
      },
      // Negotiators (2 + 3) of 20; mediators (1 + 2) of 8; signatories 1 of 5.
      {
        countryCode: 'SDN',
        year: '2025',
        processes: 2,
        negotiators: 25,
        mediators: 37.5,
        signatories: 20,
      },
      {
        countryCode: 'SDN',
        year: '2026',
        processes: 1,
        negotiators: 50,
        mediators: 25,
        signatories: null,
      },
    ]);
  });
});
