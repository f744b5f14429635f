import { describe, expect, it } from 'vitest';
import { Digest, alertFromFiring, dailyDigest, type Alert, type Firing } from '../src/index.js';
import { testId } from './factories.js';

const now = new Date('2026-12-04T08:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

function alert(n: number, raisedHoursAgo: number, overrides: Partial<Alert> = {}): Alert {
  const firing: Firing = {
    ruleId: 'violence-spike',
    ruleVersion: 1,
    areaCode: 'SDN',
    countryCode: 'SDN',
    period: '2026-11',
    level: 'warning',
    evidence: {
      measure: 'conflict-event signals',
      series: [],
      observed: 5,
      baseline: 2,
      threshold: 4,
      reason: 'A reason.',
      sourceIds: [],
    },
    sensitivity: 'public',
  };
  const raised = alertFromFiring(firing, testId(0x900 + n), hoursAgo(raisedHoursAgo), {
    acknowledgeWithinHours: 48,
  });
  return { ...raised, ...overrides };
}

describe('the daily digest', () => {
  it('lists what is overdue, new and updated, by country and level, once each', () => {
    const alerts = [
      alert(1, 5), // new
      alert(2, 72, { status: 'acknowledged', updatedAt: hoursAgo(2).toISOString() }), // updated
      alert(3, 60), // open, acknowledge-by passed 12 hours ago: overdue
      alert(4, 72, { status: 'acknowledged' }), // nothing happened today
      alert(5, 3, { countryCode: 'TCD', areaCode: 'TCD', level: 'urgent' }),
      alert(6, 3, { status: 'closed' }),
      alert(7, 3, { snoozedUntil: '2026-12-10', snoozedAtLevel: 'warning' }),
    ];
    const digest = Digest.parse(dailyDigest(alerts, now));
    expect(digest.since).toBe('2026-12-03T08:00:00.000Z');
    expect(digest.counts).toEqual({ overdue: 1, new: 2, updated: 1 });
    expect(digest.countries.map((c) => [c.countryCode, c.highestLevel])).toEqual([
      ['TCD', 'urgent'],
      ['SDN', 'warning'],
    ]);
    const sudan = digest.countries[1]?.levels[0];
    expect(sudan?.overdue.map((a) => a.id)).toEqual([testId(0x903)]);
    expect(sudan?.new.map((a) => a.id)).toEqual([testId(0x901)]);
    expect(sudan?.updated.map((a) => a.id)).toEqual([testId(0x902)]);
  });

  it('is empty on a quiet day', () => {
    expect(dailyDigest([alert(1, 30, { status: 'acknowledged' })], now)).toMatchObject({
      counts: { overdue: 0, new: 0, updated: 0 },
      countries: [],
    });
  });
});
