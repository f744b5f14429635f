import { describe, expect, it } from 'vitest';
import {
  estimateSecondsLeft,
  formatDuration,
  percentRead,
  roundDuration,
} from '../../src/data/time-left.js';

const startedAt = '2026-03-01T10:00:00.000Z';
const after = (seconds: number) => new Date(Date.parse(startedAt) + seconds * 1_000);

describe('the time an import has left', () => {
  it('extrapolates the average rate since reading started', () => {
    // A quarter read in 10 s: three quarters more take 30 s.
    expect(
      estimateSecondsLeft({ bytesRead: 250, byteSize: 1_000, startedAt, now: after(10) }),
    ).toBe(30);
  });

  it('rounds up to whole seconds and says 0 when every byte is read', () => {
    expect(estimateSecondsLeft({ bytesRead: 3, byteSize: 10, startedAt, now: after(2) })).toBe(5);
    expect(estimateSecondsLeft({ bytesRead: 10, byteSize: 10, startedAt, now: after(2) })).toBe(0);
  });

  it('gives no estimate before there is a rate to go on', () => {
    expect(
      estimateSecondsLeft({ bytesRead: 0, byteSize: 10, startedAt: null, now: after(5) }),
    ).toBeNull();
    expect(
      estimateSecondsLeft({ bytesRead: 0, byteSize: 10, startedAt, now: after(5) }),
    ).toBeNull();
    expect(
      estimateSecondsLeft({ bytesRead: 5, byteSize: 10, startedAt, now: after(0.5) }),
    ).toBeNull();
  });

  it('reads the share of bytes in whole percent, never over 100', () => {
    expect(percentRead(0, 200)).toBe(0);
    expect(percentRead(199, 200)).toBe(99);
    expect(percentRead(250, 200)).toBe(100);
    expect(percentRead(0, 0)).toBe(100);
  });

  it('says a duration in the unit a person would use, rounded up', () => {
    expect(roundDuration(0.2)).toEqual({ value: 1, unit: 'second' });
    expect(roundDuration(89)).toEqual({ value: 89, unit: 'second' });
    expect(roundDuration(90)).toEqual({ value: 2, unit: 'minute' });
    expect(roundDuration(61 * 60 + 1)).toEqual({ value: 62, unit: 'minute' });
    expect(roundDuration(2 * 3_600 + 1)).toEqual({ value: 3, unit: 'hour' });
  });

  it('words the duration in the reader’s language', () => {
    expect(formatDuration(12, 'en')).toBe('12 seconds');
    expect(formatDuration(1, 'en')).toBe('1 second');
    expect(formatDuration(180, 'fr')).toBe('3 minutes');
    expect(formatDuration(7_200, 'ar')).toMatch(/ساع/);
  });
});
