import fc from 'fast-check';
import { addMonths, monthRange, type IndicatorNode, type Reliability } from '@prevention/core';
import { describe, expect, it } from 'vitest';
import {
  RiskProfile,
  classify,
  compileModel,
  computeRiskProfiles,
  createRiskProfiler,
  informRiskModel,
  isPackedRiskProfile,
  packRiskProfile,
  preventionRiskModel,
  unpackRiskProfile,
  profilePrecision,
  roundForProfile,
  type AreaObservations,
  type ProfileObservation,
} from '../src/index.js';
import { observation, profileOf, reliabilities, smallCatalogue, smallModel } from './profiles.js';

/** `npm run test:deep` sets PROPERTY_RUNS_SCALE to try many more cases than a default run. */
const propertyRunsScale = Number(process.env.PROPERTY_RUNS_SCALE ?? 1);
const prevention = compileModel(preventionRiskModel);
const leaves = prevention.nodes.filter((n): n is IndicatorNode => n.kind === 'indicator');
const pillars = ['peace-security', 'development', 'human-rights'];
const range = { from: '2023-01', to: '2024-12' };

/** Random observations of the prevention model's indicators around `range`, some disaggregated. */
const observations = fc.array(
  fc
    .record({
      leaf: fc.nat(leaves.length - 1),
      period: fc.oneof(
        fc.integer({ min: -30, max: 23 }).map((k) => addMonths(range.from, k)),
        fc
          .record({ year: fc.integer({ min: 2020, max: 2024 }), q: fc.integer({ min: 1, max: 4 }) })
          .map(({ year, q }) => `${year}-Q${q}`),
        fc.integer({ min: 2018, max: 2024 }).map(String),
      ),
      u: fc.double({ min: 0, max: 1, noNaN: true }),
      reliability: fc.constantFrom<Reliability>(...reliabilities),
      female: fc.boolean(),
    })
    .map(({ leaf, period, u, reliability, female }): ProfileObservation => {
      const node = leaves[leaf] as IndicatorNode;
      const n = node.normalisation;
      const value =
        n.method === 'identity'
          ? 10 * u
          : n.method === 'min-max'
            ? n.min + u * (n.max - n.min)
            : u * n.max;
      return observation(node.id, period, value, {
        reliability,
        ...(female ? { disaggregation: { sex: 'female' } } : {}),
      });
    }),
  { maxLength: 150 },
);

describe('a risk profile', () => {
  it("scores every node as the engine does, with the root's class", () => {
    const values = [
      observation('test.a', '2024-05', 2),
      observation('test.b', '2024-05', 8),
      observation('test.c', '2024-05', 5),
    ];
    const profile = profileOf(values, '2024-05');
    const expected = smallModel().evaluate({ 'test.a': 2, 'test.b': 8, 'test.c': 5 });
    for (const [id, node] of Object.entries(expected.nodes)) {
      expect(profile.nodes[id]?.score).toBe(
        node.score === null ? null : roundForProfile(node.score),
      );
      expect(profile.nodes[id]?.completeness).toBe(roundForProfile(node.completeness));
    }
    expect(profile.nodes.root?.class).toBe(
      classify(profile.nodes.root?.score ?? 0, smallModel().model.classes)?.id,
    );
    expect(profile.nodes.left?.class).toBeUndefined();
    expect(profile).toMatchObject({
      area: 'AFG',
      month: '2024-05',
      root: 'root',
      model: { id: 'test', version: '1' },
    });
  });

  it('weighs the reliability of the leaves as the engine weighs their completeness', () => {
    const values = [
      observation('test.a', '2024-05', 2, { reliability: 'low' }),
      observation('test.b', '2024-05', 8, { reliability: 'medium' }),
      observation('test.c', '2024-05', 5),
    ];
    const { nodes } = profileOf(values, '2024-05');
    expect(nodes.left?.reliability).toBe(roundForProfile((0.4 + 2 * 0.7) / 3));
    expect(nodes.right?.reliability).toBe(0.5);
    expect(nodes.root?.reliability).toBe(roundForProfile(((0.4 + 2 * 0.7) / 3 + 0.5) / 2));
    expect(nodes.root?.completeness).toBe(0.75);
  });

  it('lists the drivers of a node largest first, adding up to its score', () => {
    const values = ['test.a', 'test.b', 'test.c', 'test.d'].map((code, i) =>
      observation(code, '2024-05', [9, 1, 3, 6][i] ?? 0),
    );
    const all = profileOf(values, '2024-05', { drivers: 10 });
    for (const id of ['root', 'left', 'right']) {
      const node = all.nodes[id];
      const drivers = node?.drivers ?? [];
      expect(drivers.map((d) => d.contribution)).toEqual(
        [...drivers.map((d) => d.contribution)].sort((a, b) => b - a),
      );
      const sum = drivers.reduce((s, d) => s + d.contribution, 0);
      expect(Math.abs(sum - (node?.score ?? 0))).toBeLessThanOrEqual(3 * profilePrecision);
    }
    expect(all.nodes.left?.drivers?.map((d) => d.node)).toEqual(['test.a', 'test.b']);
    const top = profileOf(values, '2024-05', { drivers: 1 });
    expect(top.nodes.root?.drivers).toEqual(all.nodes.root?.drivers?.slice(0, 1));
    expect(profileOf([], '2024-05').nodes.root?.drivers).toEqual([]);
    const escalation = createRiskProfiler(prevention)
      .compute(
        {
          area: 'AFG',
          observations: [
            observation('peace-security.political-violence-change', '2024-05', 150),
            observation('peace-security.non-state-territorial-gains', '2024-05', 1),
          ],
        },
        { from: '2024-05', to: '2024-05' },
      )
      .profile('2024-05').nodes['peace-security.escalation'];
    expect(escalation?.drivers).toEqual([
      { node: 'peace-security.political-violence-change', contribution: escalation?.score },
    ]);
  });

  it('gives the change over 3 and 12 months from earlier scores, stored or computed', () => {
    // test.b alone decides `left` (two thirds of its weight): half a point more each month.
    const values = monthRange('2023-01', '2024-01').map((month, k) =>
      observation('test.b', month, 1 + 0.5 * k),
    );
    const full = profileOf(values, '2024-01', { from: '2023-01' });
    expect(full.nodes.left?.trend3).toEqual({ change: 1.5, direction: 'rising' });
    expect(full.nodes.left?.trend12).toEqual({ change: 6, direction: 'rising' });

    const profiler = createRiskProfiler(smallModel(), { indicators: smallCatalogue() });
    const earlier = profiler.compute(
      { area: 'AFG', observations: values },
      { from: '2023-01', to: '2023-12' },
    );
    const later = profiler.compute(
      { area: 'AFG', observations: values, previous: earlier.profiles() },
      { from: '2024-01', to: '2024-01' },
    );
    expect(later.profile('2024-01')).toEqual(full);
    const alone = profiler.compute(
      { area: 'AFG', observations: values },
      { from: '2024-01', to: '2024-01' },
    );
    expect(alone.profile('2024-01').nodes.left?.trend3).toEqual({
      change: null,
      direction: 'unknown',
    });
  });

  it('calls a change below the threshold stable, and a missing month unknown', () => {
    const values = [observation('test.b', '2024-01', 5), observation('test.b', '2024-04', 5.3)];
    const profile = profileOf(values, '2024-04', { from: '2024-01' });
    expect(profile.nodes.left?.trend3).toEqual({ change: 0.3, direction: 'stable' });
    expect(
      profileOf(values, '2024-05', { from: '2024-01', to: '2024-05' }).nodes.left?.trend3,
    ).toEqual({
      change: null,
      direction: 'unknown',
    });
  });
});

describe('the uncertainty band', () => {
  it('is given for the root and the pillars, and contains every score (property-based)', () => {
    const profiler = createRiskProfiler(prevention);
    fc.assert(
      fc.property(observations, (values) => {
        for (const profile of profiler
          .compute({ area: 'AFG', observations: values }, range)
          .profiles()) {
          for (const id of [prevention.root.id, ...pillars]) {
            const node = profile.nodes[id];
            if (node?.score === null || node?.score === undefined) {
              expect(node?.band).toBeNull();
              continue;
            }
            expect(node.band?.low).toBeLessThanOrEqual(node.score);
            expect(node.band?.high).toBeGreaterThanOrEqual(node.score);
          }
          expect(profile.nodes['peace-security.violence']?.band).toBeUndefined();
        }
      }),
      { numRuns: 15 * propertyRunsScale },
    );
  });

  it('shrinks to the score when every leaf is verified, current and alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (k) => {
        const v = k / 1000;
        const values = ['test.a', 'test.b', 'test.c', 'test.d'].map((code) =>
          observation(code, '2024-05', v),
        );
        const { nodes } = profileOf(values, '2024-05');
        for (const id of ['root', 'left', 'right'])
          expect(nodes[id]?.band).toEqual({ low: v, high: v });
      }),
      { numRuns: 50 * propertyRunsScale },
    );
  });

  it('opens when a leaf is missing, old or unverified', () => {
    const all = ['test.a', 'test.b', 'test.c', 'test.d'];
    const width = (values: ProfileObservation[]) => {
      const band = profileOf(values, '2024-05', {
        indicators: smallCatalogue({ 'test.d': 24 }),
      }).nodes.root?.band;
      return (band?.high ?? 0) - (band?.low ?? 0);
    };
    const verified = all.map((code) => observation(code, '2024-05', 4));
    expect(width(verified)).toBe(0);
    expect(width(verified.slice(1))).toBeGreaterThan(0);
    expect(width([...verified.slice(0, 3), observation('test.d', '2023', 4)])).toBeGreaterThan(0);
    expect(
      width([...verified.slice(0, 3), observation('test.d', '2024-05', 4, { reliability: 'low' })]),
    ).toBeGreaterThan(0);
  });

  it('widens on average as more of the data goes missing', () => {
    const full: ProfileObservation[] = [];
    for (const month of monthRange(range.from, range.to))
      leaves.forEach((leaf, i) =>
        full.push(
          observation(
            leaf.id,
            month,
            (((i * 7 + Number(month.slice(5))) % 10) / 10) *
              (leaf.normalisation.method === 'identity' ? 10 : 1),
          ),
        ),
      );
    const profiler = createRiskProfiler(prevention);
    const meanWidth = (keep: (leaf: number) => boolean) => {
      const kept = full.filter((o) => keep(leaves.findIndex((l) => l.id === o.indicatorCode)));
      const widths = profiler
        .compute({ area: 'AFG', observations: kept }, range)
        .profiles()
        .map((p) => {
          const band = p.nodes[prevention.root.id]?.band;
          if (!band) throw new Error(`no band in ${p.month}`);
          return band.high - band.low;
        });
      return widths.reduce((a, b) => a + b, 0) / widths.length;
    };
    const complete = meanWidth(() => true);
    const aQuarter = meanWidth((leaf) => leaf % 4 !== 0);
    const half = meanWidth((leaf) => leaf % 2 !== 0);
    expect(aQuarter).toBeGreaterThan(complete);
    expect(half).toBeGreaterThan(aQuarter);
  });

  it('is the same for an area-month however the work is split', () => {
    const values = leaves
      .slice(0, 30)
      .map((leaf) => observation(leaf.id, '2024-03', 1, { reliability: 'low' }));
    const together = computeRiskProfiles(
      prevention,
      [
        { area: 'KEN', observations: values },
        { area: 'AFG', observations: values },
      ],
      range,
    );
    const alone = createRiskProfiler(prevention).compute(
      { area: 'AFG', observations: values },
      { from: '2024-03', to: '2024-03' },
    );
    expect(alone.profile('2024-03').nodes[prevention.root.id]?.band).toEqual(
      together[1]?.profile('2024-03').nodes[prevention.root.id]?.band,
    );
    expect(together[0]?.profile('2024-03').nodes[prevention.root.id]?.band).not.toEqual(
      together[1]?.profile('2024-03').nodes[prevention.root.id]?.band,
    );
  });
});

describe('an incremental recompute', () => {
  it('equals the full computation, given the stored profiles before it (property-based)', () => {
    const profiler = createRiskProfiler(prevention);
    fc.assert(
      fc.property(observations, fc.integer({ min: 1, max: 23 }), (values, offset) => {
        const input: AreaObservations = { area: 'AF01', observations: values };
        const full = profiler.compute(input, range).profiles();
        const from = addMonths(range.from, offset);
        const stored = JSON.parse(JSON.stringify(full.slice(0, offset))) as RiskProfile[];
        const incremental = profiler.compute(
          { ...input, previous: stored },
          { from, to: range.to },
        );
        expect(incremental.profiles()).toEqual(full.slice(offset));
      }),
      { numRuns: 15 * propertyRunsScale },
    );
  });

  it('refuses stored profiles of another area or model version', () => {
    const profiler = createRiskProfiler(smallModel(), { indicators: smallCatalogue() });
    const [stored] = profiler
      .compute({ area: 'AFG', observations: [] }, { from: '2024-01', to: '2024-01' })
      .profiles();
    if (!stored) throw new Error('no profile');
    const next = { from: '2024-02', to: '2024-02' };
    expect(() =>
      profiler.compute({ area: 'KEN', observations: [], previous: [stored] }, next),
    ).toThrow(/previous profile/);
    expect(() =>
      profiler.compute(
        {
          area: 'AFG',
          observations: [],
          previous: [{ ...stored, model: { id: 'test', version: '2' } }],
        },
        next,
      ),
    ).toThrow(/previous profile/);
  });
});

describe('the RiskProfile payload', () => {
  it('survives a JSON round trip through its schema', () => {
    const values = leaves.map((leaf, i) =>
      observation(leaf.id, i % 2 ? '2024' : '2024-06', 1, {
        reliability: reliabilities[i % 3] ?? 'high',
      }),
    );
    const profile = createRiskProfiler(prevention)
      .compute({ area: 'AF0101', observations: values }, { from: '2024-06', to: '2024-06' })
      .profile('2024-06');
    expect(RiskProfile.parse(JSON.parse(JSON.stringify(profile)))).toEqual(profile);
    expect(Object.keys(profile.nodes)).toHaveLength(prevention.size);
    expect(Object.keys(profile.nodes)[0]).toBe(prevention.root.id);
  });

  it('refuses a band that does not contain the score', () => {
    const profile = profileOf([observation('test.a', '2024-05', 5)], '2024-05');
    const root = profile.nodes.root;
    if (!root) throw new Error('no root');
    const broken = {
      ...profile,
      nodes: { ...profile.nodes, root: { ...root, band: { low: 6, high: 7 } } },
    };
    expect(RiskProfile.safeParse(broken).success).toBe(false);
    expect(RiskProfile.safeParse(profile).success).toBe(true);
  });
});

describe('profile options', () => {
  it('refuse bad settings and ranges with BAD_REQUEST', () => {
    expect(() => createRiskProfiler(prevention, { draws: -1 })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
    const profiler = createRiskProfiler(prevention, { draws: 0 });
    expect(() =>
      profiler.compute({ area: 'AFG', observations: [] }, { from: '2024-05', to: '2024-04' }),
    ).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(() =>
      profiler.compute({ area: 'AFG', observations: [] }, { from: '2024-5', to: '2024-06' }),
    ).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }));
    const profile = profiler
      .compute({ area: 'AFG', observations: [] }, { from: '2024-05', to: '2024-05' })
      .profile('2024-05');
    expect(profile.draws).toBe(0);
    expect(profile.nodes[prevention.root.id]?.band).toBeNull();
  });
});

describe('a packed risk profile', () => {
  it('unpacks to the profile it packed, under either shipped model, at a fraction of its size (property-based)', () => {
    const profilers = [preventionRiskModel, informRiskModel].map((m) =>
      createRiskProfiler(compileModel(m), { draws: 8 }),
    );
    let full = 0;
    let packed = 0;
    fc.assert(
      fc.property(observations, fc.nat(1), (values, which) => {
        const profiler = profilers[which] ?? profilers[0];
        if (!profiler) throw new Error('no profiler');
        const series = profiler.compute({ area: 'SDN', observations: values }, range);
        for (const profile of series.profiles().slice(-3)) {
          const stored = JSON.parse(JSON.stringify(packRiskProfile(profile, profiler.nodeOrder)));
          expect(isPackedRiskProfile(stored)).toBe(true);
          expect(isPackedRiskProfile(profile)).toBe(false);
          const back = unpackRiskProfile(stored, profiler.nodeOrder);
          expect(back).toEqual(profile);
          expect(Object.keys(back.nodes)).toEqual(Object.keys(profile.nodes));
          RiskProfile.parse(back);
          full += JSON.stringify(profile).length;
          packed += JSON.stringify(stored).length;
        }
      }),
      { numRuns: 25 * propertyRunsScale },
    );
    expect(packed / full).toBeLessThan(0.35);
  });

  it('refuses a node order of another model version', () => {
    const profiler = createRiskProfiler(prevention, { draws: 0 });
    const profile = profiler.compute({ area: 'SDN', observations: [] }, range).profile(range.to);
    const stored = packRiskProfile(profile, profiler.nodeOrder);
    expect(() => unpackRiskProfile(stored, profiler.nodeOrder.slice(1))).toThrow(/nodes/);
    expect(() => packRiskProfile(profile, [...profiler.nodeOrder, 'extra'])).toThrow(/extra/);
  });
});
