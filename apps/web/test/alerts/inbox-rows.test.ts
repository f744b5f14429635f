import type { AlertLevel } from '@prevention/early-warning';
import { describe, expect, it } from 'vitest';
import { groupByLevel, inboxRows, snoozedCount } from '../../src/alerts/inbox-rows.js';

const now = new Date('2026-12-04T12:00:00Z');

function alert(
  id: string,
  level: AlertLevel,
  raisedAt: string,
  overrides: { snoozed?: boolean } = {},
) {
  return { id, level, raisedAt, snoozed: overrides.snoozed ?? false };
}

const alerts = [
  alert('watch-old', 'watch', '2026-11-01T12:00:00Z'),
  alert('urgent-new', 'urgent', '2026-12-04T09:30:00Z'),
  alert('warning-mid', 'warning', '2026-11-20T12:00:00Z'),
  alert('urgent-old', 'urgent', '2026-11-28T12:00:00Z'),
  alert('warning-snoozed', 'warning', '2026-11-02T12:00:00Z', { snoozed: true }),
];

const ids = (rows: { alert: { id: string } }[]) => rows.map((row) => row.alert.id);

describe('the inbox rows', () => {
  it('puts the most urgent first and, within a level, the oldest first', () => {
    const rows = inboxRows(alerts, { now, showSnoozed: false, order: 'level' });
    expect(ids(rows)).toEqual(['urgent-old', 'urgent-new', 'warning-mid', 'watch-old']);
  });

  it('orders by age alone when asked, the oldest first', () => {
    const rows = inboxRows(alerts, { now, showSnoozed: false, order: 'age' });
    expect(ids(rows)).toEqual(['watch-old', 'warning-mid', 'urgent-old', 'urgent-new']);
  });

  it('hides snoozed alerts unless they are asked for, and counts what it hides', () => {
    expect(ids(inboxRows(alerts, { now, showSnoozed: true, order: 'age' }))).toContain(
      'warning-snoozed',
    );
    expect(snoozedCount(alerts)).toBe(1);
  });

  it('gives each alert its age in whole hours', () => {
    const rows = inboxRows(alerts, { now, showSnoozed: false, order: 'level' });
    expect(rows.find((row) => row.alert.id === 'urgent-new')?.ageHours).toBe(2);
    expect(rows.find((row) => row.alert.id === 'urgent-old')?.ageHours).toBe(6 * 24);
  });

  it('groups by level, most urgent first, leaving out levels without alerts', () => {
    const rows = inboxRows(
      alerts.filter((a) => a.level !== 'warning'),
      { now, showSnoozed: false, order: 'level' },
    );
    expect(groupByLevel(rows).map((group) => [group.level, ids(group.rows)])).toEqual([
      ['urgent', ['urgent-old', 'urgent-new']],
      ['watch', ['watch-old']],
    ]);
  });
});
