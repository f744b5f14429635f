import { emptySexAgeCounts, newId, type Signal } from '@prevention/core';
import type { Violation } from '../src/index.js';

export function violation(overrides: Partial<Violation> = {}): Violation {
  const victimCount = emptySexAgeCounts();
  victimCount.female.adult = 2;
  victimCount.male.child = 1;
  return {
    classification: 'violation',
    rightsAffected: ['liberty-and-security'],
    acts: ['arbitrary-detention'],
    victimCount,
    victimGroups: [],
    victims: [],
    witnesses: [],
    perpetratorCategory: 'state-security-forces',
    informedConsent: true,
    followUp: 'none',
    ...overrides,
  };
}

export function signal(kind: string, payload: object, overrides: Partial<Signal> = {}): Signal {
  return {
    id: newId(),
    pillar: 'human-rights',
    kind,
    areaCode: 'MMR',
    occurredOn: '2026-05-04',
    title: 'A signal',
    severity: 4,
    verification: 'verified',
    source: 'Monitoring team',
    sensitivity: 'confidential',
    fieldSensitivity: {},
    payload: { ...payload },
    ...overrides,
  };
}
