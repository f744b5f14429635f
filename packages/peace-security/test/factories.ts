import { newId, type Signal } from '@prevention/core';
import type { ConflictEvent, MediationEngagement, TensionSignal } from '../src/index.js';

export function conflictEvent(overrides: Partial<ConflictEvent> = {}): ConflictEvent {
  return {
    timePrecision: 1,
    eventType: 'Battles',
    subEventType: 'Armed clash',
    actor1: { name: 'Military Forces', type: 'state-forces', associated: [] },
    actor2: { name: 'Rebel Front', type: 'rebel-group', associated: [] },
    interaction: 12,
    civilianTargeting: false,
    fatalities: 0,
    location: { name: 'Town', latitude: 15.5, longitude: 32.5, geoPrecision: 1 },
    sources: ['Local media'],
    notes: '',
    ...overrides,
  };
}

export function tension(overrides: Partial<TensionSignal> = {}): TensionSignal {
  return {
    tensionType: 'political',
    trend: 'escalating',
    drivers: ['political-exclusion'],
    groups: [],
    hateSpeech: false,
    narrative: 'Opposition rallies banned.',
    informants: [],
    ...overrides,
  };
}

export function mediation(overrides: Partial<MediationEngagement> = {}): MediationEngagement {
  return {
    process: 'Northern dialogue',
    engagement: 'mediation',
    track: 'track-1',
    mediationTeam: { women: 2, men: 3 },
    parties: [{ name: 'Government', type: 'state-forces' }],
    stage: 'negotiation',
    negotiators: { women: 1, men: 9 },
    mediators: { women: 1, men: 1 },
    ...overrides,
  };
}

export function signal(
  kind: Signal['kind'],
  payload: object,
  overrides: Partial<Signal> = {},
): Signal {
  return {
    id: newId(),
    pillar: 'peace-security',
    kind,
    areaCode: 'SDN',
    occurredOn: '2026-03-10',
    title: 'A signal',
    severity: 3,
    verification: 'verified',
    source: 'Test',
    sensitivity: 'public',
    fieldSensitivity: {},
    payload: { ...payload },
    ...overrides,
  };
}
