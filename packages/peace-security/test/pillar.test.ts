import { nodesOf, parseSignal, redactFields } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import { peaceSecurityPillar } from '../src/index.js';
import { conflictEvent, signal } from './factories.js';

describe('the peace and security pillar', () => {
  it('contributes a risk subtree over its own indicators', () => {
    const leaves = nodesOf(peaceSecurityPillar.riskModel).filter((n) => n.kind === 'indicator');
    expect(leaves.length).toBeGreaterThanOrEqual(18);
    expect(peaceSecurityPillar.indicators.length).toBeGreaterThanOrEqual(leaves.length);
  });

  it('keeps witnesses of conflict events strictly confidential', () => {
    const parsed = parseSignal(
      [peaceSecurityPillar],
      signal('conflict-event', conflictEvent({ witnesses: [{ name: 'B. K.', contact: '+249' }] })),
    );
    const { value } = redactFields(parsed, prefixed(parsed.fieldSensitivity), 'confidential');
    expect(value.payload['witnesses']).toEqual({
      withheld: true,
      sensitivity: 'strictly-confidential',
    });
  });

  it('has an assessment section whose informants are strictly confidential', () => {
    const section = peaceSecurityPillar.assessmentSection;
    expect(section.fieldSensitivity).toMatchObject({
      keyActors: 'confidential',
      keyInformants: 'strictly-confidential',
    });
    const record = {
      conflictDynamics: 'Clashes over grazing land along the river.',
      overallTrend: 'deteriorating',
      tensionHotspots: [
        {
          place: 'Market town',
          tensionType: 'inter-communal',
          description: 'Cattle raids.',
          escalationRisk: 'high',
        },
      ],
      keyActors: [{ name: 'Youth militia', type: 'identity-militia' }],
      escalationExpected: true,
    };
    expect(section.schema.safeParse(record).success).toBe(true);
    expect(section.schema.safeParse({ ...record, overallTrend: 'worse' }).success).toBe(false);
  });
});

function prefixed(
  map: Record<string, 'public' | 'restricted' | 'confidential' | 'strictly-confidential'>,
) {
  return Object.fromEntries(Object.entries(map).map(([path, level]) => [`payload.${path}`, level]));
}
