import { describe, expect, it } from 'vitest';
import { LoggedDecision, decisionStatus, isOverdue, viewDecision } from '../src/index.js';
import { decision } from './decision-factory.js';
import { userId } from './factories.js';

const followUp = (date: string, status: 'open' | 'ongoing' | 'completed') => ({
  date,
  authorId: userId(1),
  text: `Status on ${date}`,
  status,
});

describe('decision log', () => {
  it('derives overdue from the day asked about, never from a stored flag', () => {
    const due = decision({ dueDate: '2026-11-30' });
    expect(isOverdue(due, '2026-11-30')).toBe(false);
    expect(isOverdue(due, '2026-12-01')).toBe(true);
    expect(viewDecision(due, '2026-12-02')).toEqual({
      decision: due,
      status: 'open',
      overdue: true,
    });
  });

  it('is not overdue once completed, nor without a due date', () => {
    const done = decision({
      followUps: [followUp('2026-11-01', 'ongoing'), followUp('2026-12-05', 'completed')],
    });
    expect(decisionStatus(done)).toBe('completed');
    expect(isOverdue(done, '2027-01-01')).toBe(false);
    expect(isOverdue(decision({ kind: 'information', dueDate: null }), '2027-01-01')).toBe(false);
  });

  it('keeps the history of follow-ups, the latest giving the status', () => {
    const ongoing = decision({
      followUps: [followUp('2026-10-20', 'ongoing'), followUp('2026-11-20', 'ongoing')],
    });
    expect(LoggedDecision.safeParse(ongoing).success).toBe(true);
    expect(decisionStatus(ongoing)).toBe('ongoing');
  });

  it('refuses a stored overdue flag, an action without an owner, and follow-ups out of order', () => {
    expect(LoggedDecision.safeParse({ ...decision(), overdue: true }).success).toBe(false);
    expect(
      LoggedDecision.safeParse(decision({ ownerId: null })).error?.issues.map((i) => i.message),
    ).toEqual(['A decision or an action has an owner and a due date']);
    const outOfOrder = decision({
      followUps: [followUp('2026-11-20', 'ongoing'), followUp('2026-10-20', 'ongoing')],
    });
    expect(LoggedDecision.safeParse(outOfOrder).success).toBe(false);
  });

  it('refuses an unknown status or kind', () => {
    expect(LoggedDecision.safeParse({ ...decision(), kind: 'resolution' }).success).toBe(false);
    const badStatus = {
      ...decision(),
      followUps: [{ ...followUp('2026-11-01', 'open'), status: 'overdue' }],
    };
    expect(LoggedDecision.safeParse(badStatus).success).toBe(false);
  });
});
