import { describe, expect, it } from 'vitest';
import {
  acledDisorderType,
  ConflictEvent,
  disorderTypes,
  eventTypeOf,
  eventTypes,
  interactionCode,
  subEventTypes,
  actorTypes,
} from '../src/index.js';
import { conflictEvent } from './factories.js';

describe('the ACLED codebook', () => {
  it('has 3 disorder types, 6 event types and 25 sub-event types', () => {
    expect(disorderTypes).toHaveLength(3);
    expect(eventTypes).toHaveLength(6);
    expect(subEventTypes).toHaveLength(25);
    const perType = Object.fromEntries(
      eventTypes.map((t) => [t, subEventTypes.filter((s) => eventTypeOf(s) === t).length]),
    );
    expect(perType).toEqual({
      Battles: 3,
      'Explosions/Remote violence': 6,
      'Violence against civilians': 3,
      Protests: 3,
      Riots: 2,
      'Strategic developments': 8,
    });
  });

  it('numbers actor types 1 to 8 and combines them into interaction codes', () => {
    expect(Object.values(actorTypes).map((a) => a.inter)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(interactionCode('state-forces', 'rebel-group')).toBe(12);
    expect(interactionCode('civilians', 'state-forces')).toBe(17);
    expect(interactionCode('protesters')).toBe(60);
    expect(interactionCode('rioters', 'rioters')).toBe(55);
  });

  it('writes the combined disorder type of excessive force as ACLED does', () => {
    expect(acledDisorderType('Excessive force against protesters')).toBe(
      'Political violence; Demonstrations',
    );
    expect(acledDisorderType('Agreement')).toBe('Strategic developments');
  });
});

describe('conflict events', () => {
  it('accepts a coherent event', () => {
    expect(ConflictEvent.safeParse(conflictEvent()).success).toBe(true);
  });

  it('refuses a sub-event type of another event type', () => {
    const result = ConflictEvent.safeParse(conflictEvent({ subEventType: 'Peaceful protest' }));
    expect(result.error?.issues[0]?.path).toEqual(['subEventType']);
  });

  it('refuses an interaction code that does not match the actors', () => {
    const result = ConflictEvent.safeParse(conflictEvent({ interaction: 17 }));
    expect(result.error?.issues[0]?.message).toMatch(/interaction 12/);
  });

  it('refuses civilian targeting on a strategic development', () => {
    const event = conflictEvent({
      eventType: 'Strategic developments',
      subEventType: 'Arrests',
      civilianTargeting: true,
    });
    expect(ConflictEvent.safeParse(event).success).toBe(false);
  });
});
