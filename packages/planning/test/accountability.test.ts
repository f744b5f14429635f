import { describe, expect, it } from 'vitest';
import {
  computePlanFinancing,
  daysBetween,
  dueFrom,
  indicatorProgress,
  lateActions,
  organisationsInPlan,
  type LoggedDecision,
  type ProgressReport,
} from '../src/index.js';
import { action, actionId, indicator, planContent, testId, userId } from './factories.js';
import { decision } from './decision-factory.js';
import {
  donorX,
  donorY,
  government,
  handMadePlan,
  ohchr,
  undp,
  worldBank,
} from './hand-made-plan.js';

const today = '2026-12-02';

let next = 0x800;
const report = (action: number, date: string): ProgressReport => ({
  id: testId((next += 1)),
  actionId: actionId(action),
  date,
  authorId: userId(1),
  status: 2,
  milestonesMetPercent: 50,
  rating: 'amber',
  narrative: 'Committees meet monthly in four of six localities.',
});

const running = { actualStart: '2026-01-10', plannedEnd: '2027-12-31' };
const content = planContent({
  actions: [
    action({ id: actionId(1), ...running }),
    action({ id: actionId(2), plannedStart: '2026-03-01', status: 1, focalPointId: userId(7) }),
    action({ id: actionId(3), ...running }),
    action({ id: actionId(4), actualStart: '2026-01-01', plannedEnd: '2026-11-30' }),
    action({ id: actionId(5), status: 4, plannedEnd: '2026-06-30' }),
    action({ id: actionId(6), ...running, actualStart: '2026-11-01' }),
    action({ id: actionId(7), ...running, actualStart: '2026-06-01', focalPointId: userId(7) }),
    action({ id: actionId(8), ...running }),
  ],
});
const reports = [
  report(1, '2026-10-01'),
  report(3, '2026-02-15'),
  report(3, '2026-08-01'),
  report(4, '2026-11-15'),
  report(8, '2026-09-03'),
];

describe('what is late', () => {
  it('finds actions past their planned start or end, or without a report for a quarter', () => {
    expect(lateActions(content, reports, today)).toEqual([
      { actionId: actionId(2), reasons: ['start-overdue'], lastReportOn: null },
      // Last reported 123 days ago.
      { actionId: actionId(3), reasons: ['no-recent-report'], lastReportOn: '2026-08-01' },
      { actionId: actionId(4), reasons: ['end-overdue'], lastReportOn: '2026-11-15' },
      // Started 184 days ago and never reported. A5 is closed, A6 started a month ago, A8's
      // report is exactly 90 days old: none of them is late.
      { actionId: actionId(7), reasons: ['no-recent-report'], lastReportOn: null },
    ]);
    expect(daysBetween('2026-09-03', today)).toBe(90);
  });

  it('derives lateness from the day it is asked about', () => {
    expect(lateActions(content, reports, '2026-02-01')).toEqual([]);
    // Reporting monthly, A1 (62 days), A6 (31 days) and A8 are late too: all but the closed A5.
    const monthly = lateActions(content, reports, today, { reportEveryDays: 30 });
    expect(monthly.map((late) => late.actionId)).toEqual(
      [1, 2, 3, 4, 6, 7, 8].map((n) => actionId(n)),
    );
  });
});

describe('who leads what', () => {
  it('gives each organisation its actions and its share of actions and committed money', () => {
    const organisations = organisationsInPlan(handMadePlan, computePlanFinancing(handMadePlan));
    const byId = new Map(organisations.map((o) => [o.organisationId, o]));
    expect(byId.get(undp)).toMatchObject({ leads: [actionId(1)], actionShare: 1 / 3 });
    expect(byId.get(government)?.leads).toEqual([actionId(2)]);
    expect(byId.get(ohchr)?.committedUsd).toBe(0);
    // Committed 12,737,899: donor X F1; donor Y F2 and F5; the World Bank F4. Pledges are not.
    expect(byId.get(donorX)?.committedUsd).toBe(6_000_000);
    expect(byId.get(donorY)?.committedUsd).toBe(4_400_000 + 999_999);
    expect(byId.get(worldBank)?.moneyShare).toBe(1_337_900 / 12_737_899);
    expect(organisations.reduce((sum, o) => sum + o.committedUsd, 0)).toBe(12_737_899);
  });
});

describe('indicator actuals against targets', () => {
  it('compares the latest actual before each target date, in the indicator’s direction', () => {
    const progress = indicatorProgress(
      indicator({
        targets: [
          { date: '2027-12-31', value: 50, narrative: null },
          { date: '2026-12-31', value: 35, narrative: null },
        ],
        actuals: [
          { date: '2027-06-30', value: 40, narrative: null },
          { date: '2026-06-30', value: 30, narrative: null },
          { date: '2026-12-15', value: 36, narrative: null },
        ],
      }),
    );
    expect(progress.actuals.map((a) => a.value)).toEqual([30, 36, 40]);
    expect(progress.targets.map((t) => [t.target.value, t.actual?.value, t.met])).toEqual([
      [35, 36, true],
      [50, 40, false],
    ]);
  });

  it('reads a falling indicator the other way, and leaves qualitative ones to words', () => {
    const falling = indicatorProgress(
      indicator({
        ascending: false,
        targets: [{ date: '2026-12-31', value: 10, narrative: null }],
        actuals: [{ date: '2026-11-30', value: 8, narrative: null }],
      }),
    );
    expect(falling.targets[0]?.met).toBe(true);
    const none = indicatorProgress(indicator({ actuals: [] }));
    expect(none.targets[0]).toMatchObject({ actual: null, met: null });
  });
});

describe('due from me', () => {
  it('lists the decisions a user owns and the actions they answer for', () => {
    const decisions: LoggedDecision[] = [
      decision({ id: testId(0x901), ownerId: userId(7), dueDate: '2026-11-30' }),
      decision({ id: testId(0x902), ownerId: userId(7), dueDate: '2026-12-20' }),
      decision({
        id: testId(0x903),
        ownerId: userId(7),
        dueDate: '2026-10-01',
        followUps: [{ date: '2026-09-30', authorId: userId(7), text: 'Done', status: 'completed' }],
      }),
      decision({ id: testId(0x904), ownerId: userId(8), dueDate: '2026-11-01' }),
    ];
    const due = dueFrom(userId(7), content, reports, decisions, today);
    expect(due.decisions.map((d) => [d.decision.id, d.overdue])).toEqual([
      [testId(0x901), true],
      [testId(0x902), false],
    ]);
    expect(due.actions).toEqual([
      { actionId: actionId(2), late: ['start-overdue'] },
      { actionId: actionId(7), late: ['no-recent-report'] },
    ]);
  });
});
