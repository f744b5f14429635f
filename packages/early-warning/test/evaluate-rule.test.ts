import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../src/index.js';
import { judgement, layer, monthlyEvents, rule, scores, signal, values } from './factories.js';

const composite = (list: readonly (number | null)[]) =>
  layer({ scores: { 'prevention-risk': scores('2026-01', list) } });

describe('a class shift up', () => {
  const shift = rule({
    kind: 'class-shift',
    node: 'prevention-risk',
    toClass: 'high',
    persistMonths: 2,
    margin: 0.5,
  });

  it('does not fire on a score flickering across the boundary', () => {
    const history = composite([4.8, 5.1, 4.9, 5.2, 4.7, 5.3, 4.9]);
    for (let m = 1; m <= 7; m += 1) expect(evaluateRule(shift, history, `2026-0${m}`)).toBeNull();
  });

  it('fires in the month the shift has persisted, and while it holds', () => {
    const history = composite([4.8, 5.1, 5.2, 5.3, 4.9]);
    expect(evaluateRule(shift, history, '2026-02')).toBeNull();
    const firing = evaluateRule(shift, history, '2026-03');
    expect(firing?.period).toBe('2026-03');
    expect(firing?.evidence).toMatchObject({ observed: 5.2, baseline: 4.8, threshold: 5 });
    expect(firing?.evidence.reason).toContain('for 2 months since 2026-02');
    expect(evaluateRule(shift, history, '2026-04')).not.toBeNull();
    expect(evaluateRule(shift, history, '2026-05')).toBeNull();
  });

  it('fires at once when the score clears the edge by the margin', () => {
    const history = composite([4.8, 5.5, 5.1]);
    expect(evaluateRule(shift, history, '2026-02')?.evidence.reason).toContain('by 0.5 or more');
    // Once established, the shift holds while the score stays in the class.
    expect(evaluateRule(shift, history, '2026-03')).not.toBeNull();
  });

  it('does not see a series that starts in the class, or follows a gap, as a shift', () => {
    expect(evaluateRule(shift, composite([5.8, 5.9, 6.0]), '2026-03')).toBeNull();
    expect(evaluateRule(shift, composite([4.0, null, 5.8, 5.9]), '2026-04')).toBeNull();
  });

  it('ignores the months after the month evaluated', () => {
    // In 2026-02 the run has held one month: the later months do not make it persist.
    expect(evaluateRule(shift, composite([4.8, 5.1, 5.2, 5.3]), '2026-02')).toBeNull();
  });

  it('fires for a jump over several classes at once (in toClass or higher)', () => {
    expect(evaluateRule(shift, composite([3.0, 7.0]), '2026-02')).not.toBeNull();
  });

  it('keeps the rule level: a class shift is never raised', () => {
    expect(evaluateRule(shift, composite([1.0, 9.9]), '2026-02')?.level).toBe('warning');
  });
});

describe('a rise', () => {
  const rise = rule({ kind: 'rise', node: 'prevention-risk', delta: 1, months: 3 });

  it('fires when the score rose by delta over the months, read as written', () => {
    const firing = evaluateRule(rise, composite([4.3, 4.5, 4.9, 5.3]), '2026-04');
    expect(firing?.evidence).toMatchObject({ observed: 5.3, baseline: 4.3, threshold: 5.3 });
    expect(firing?.level).toBe('warning');
  });

  it('does not fire on a smaller rise, or when either month has no score', () => {
    expect(evaluateRule(rise, composite([4.3, 4.5, 4.9, 5.2]), '2026-04')).toBeNull();
    expect(evaluateRule(rise, composite([null, 4.5, 4.9, 9]), '2026-04')).toBeNull();
  });

  it('raises the level one step for a rise of twice delta', () => {
    expect(evaluateRule(rise, composite([3, 3, 3, 5]), '2026-04')?.level).toBe('urgent');
    expect(evaluateRule(rise, composite([3, 3, 3, 4.9]), '2026-04')?.level).toBe('warning');
  });
});

describe('a spike against the trailing mean', () => {
  const spike = rule({
    kind: 'spike',
    series: { source: 'signals', kinds: ['conflict-event'] },
    spike: { test: 'trailing-mean', periods: 4, ratio: 2, minBaseline: 1 },
  });

  it('fires when the month has more than ratio × the mean of the months before', () => {
    const history = layer({ signals: monthlyEvents('2026-01', [2, 1, 3, 2, 5]) });
    const firing = evaluateRule(spike, history, '2026-05');
    expect(firing?.evidence).toMatchObject({ observed: 5, baseline: 2, threshold: 4 });
    expect(firing?.evidence.sourceIds).toHaveLength(5);
    expect(firing?.evidence.reason).toBe(
      '5 conflict-event signals in 2026-05, more than 2 × the 4-month mean of 2.',
    );
  });

  it('does not fire at exactly ratio × the mean', () => {
    const history = layer({ signals: monthlyEvents('2026-01', [2, 2, 2, 2, 4]) });
    expect(evaluateRule(spike, history, '2026-05')).toBeNull();
  });

  it('counts months without signals as 0, and respects the low-baseline guard', () => {
    // Mean of 0, 0, 1, 2 is 0.75 < 1: "from 1 to 3" is no spike.
    const quiet = layer({ signals: monthlyEvents('2026-01', [0, 0, 1, 2, 3]) });
    expect(evaluateRule(spike, quiet, '2026-05')).toBeNull();
    const guarded = rule({
      ...spike.condition,
      kind: 'spike',
      series: { source: 'signals', kinds: ['conflict-event'] },
      spike: { test: 'trailing-mean', periods: 4, ratio: 2, minBaseline: 0.5 },
    });
    expect(evaluateRule(guarded, quiet, '2026-05')).not.toBeNull();
  });

  it('counts only the listed kinds', () => {
    const others = monthlyEvents('2026-05', [9], { kind: 'tension-signal' });
    const history = layer({ signals: [...monthlyEvents('2026-01', [2, 2, 2, 2, 3]), ...others] });
    expect(evaluateRule(spike, history, '2026-05')).toBeNull();
  });

  it('raises the level for twice the threshold', () => {
    const history = layer({ signals: monthlyEvents('2026-01', [2, 2, 2, 2, 8]) });
    expect(evaluateRule(spike, history, '2026-05')?.level).toBe('urgent');
  });

  it('needs half of the trailing months present for an indicator', () => {
    const indicatorSpike = rule({
      kind: 'spike',
      series: { source: 'indicator', indicatorId: 'peace-security.fatalities' },
      spike: { test: 'trailing-mean', periods: 4, ratio: 2, minBaseline: 1 },
    });
    const sparse = layer({
      indicators: { 'peace-security.fatalities': values('2026-01', [10, null, null, null, 50]) },
    });
    expect(evaluateRule(indicatorSpike, sparse, '2026-05')).toBeNull();
    const half = layer({
      indicators: { 'peace-security.fatalities': values('2026-01', [10, null, 14, null, 50]) },
    });
    expect(evaluateRule(indicatorSpike, half, '2026-05')?.evidence.baseline).toBe(12);
  });
});

describe('a record', () => {
  const record = rule({
    kind: 'spike',
    series: { source: 'indicator', indicatorId: 'peace-security.fatalities' },
    spike: { test: 'record', window: 12, floor: 20 },
  });
  const fatalities = (list: readonly (number | null)[]) =>
    layer({ indicators: { 'peace-security.fatalities': values('2025-01', list) } });

  it('fires on the highest value in the window, above the floor', () => {
    const history = fatalities([5, 30, 8, 12, 9, 7, 6, 11, 10, 9, 8, 31]);
    const firing = evaluateRule(record, history, '2025-12');
    expect(firing?.evidence).toMatchObject({ observed: 31, baseline: 30, threshold: 30 });
  });

  it('does not fire on a tie with the previous high', () => {
    expect(
      evaluateRule(record, fatalities([5, 30, 8, 9, 7, 6, 5, 4, 3, 2, 1, 30]), '2025-12'),
    ).toBeNull();
  });

  it('respects its floor', () => {
    expect(
      evaluateRule(record, fatalities([5, 3, 8, 9, 7, 6, 5, 4, 3, 2, 1, 19]), '2025-12'),
    ).toBeNull();
  });

  it('forgets a high older than the window', () => {
    const history = fatalities([90, 5, 8, 9, 7, 6, 5, 4, 3, 2, 1, 10, 25]);
    expect(evaluateRule(record, history, '2026-01')?.evidence.baseline).toBe(10);
  });

  it('does not set records in a series just begun', () => {
    expect(
      evaluateRule(
        record,
        fatalities([null, null, null, null, null, null, null, null, 5, 3, 4, 40]),
        '2025-12',
      ),
    ).toBeNull();
  });
});

describe('a severe human-rights signal', () => {
  const grave = rule({
    kind: 'human-rights-signal',
    signalKinds: ['violation'],
    minSeverity: 4,
    verification: ['corroborated', 'verified'],
  });
  const violation = {
    pillar: 'human-rights',
    kind: 'violation',
    occurredOn: '2026-03-10',
  } as const;

  it('fires for a corroborated violation of severity 4 in the month', () => {
    const found = signal({ ...violation, severity: 5, verification: 'corroborated' });
    const firing = evaluateRule(grave, layer({ signals: [found] }), '2026-03');
    expect(firing?.evidence.sourceIds).toEqual([found.id]);
    expect(firing?.evidence.observed).toBe(5);
  });

  it('does not fire below the severity, unverified, of another kind or pillar, or another month', () => {
    const signals = [
      signal({ ...violation, severity: 3, verification: 'verified' }),
      signal({ ...violation, severity: 5, verification: 'reported' }),
      signal({ ...violation, kind: 'civic-space', severity: 5, verification: 'verified' }),
      signal({ ...violation, pillar: 'peace-security', severity: 5, verification: 'verified' }),
      signal({ ...violation, occurredOn: '2026-02-28', severity: 5, verification: 'verified' }),
    ];
    expect(evaluateRule(grave, layer({ signals }), '2026-03')).toBeNull();
  });
});

describe("a field team's high-risk judgement", () => {
  const field = rule({ kind: 'field-judgement', minScore: 16 });

  it('fires in the month of endorsement for likelihood × impact at the threshold', () => {
    const firing = evaluateRule(
      field,
      layer({ judgements: [judgement({ month: '2026-03' })] }),
      '2026-03',
    );
    expect(firing?.evidence).toMatchObject({ observed: 16, threshold: 16 });
    expect(firing?.evidence.reason).toContain('4 × 4 = 16 (very-high)');
  });

  it('does not fire below the threshold, nor in the months after the endorsement', () => {
    const low = layer({ judgements: [judgement({ month: '2026-03', likelihood: 3, impact: 5 })] });
    expect(evaluateRule(field, low, '2026-03')).toBeNull();
    const earlier = layer({ judgements: [judgement({ month: '2026-02' })] });
    expect(evaluateRule(field, earlier, '2026-03')).toBeNull();
  });
});
