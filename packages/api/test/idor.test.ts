import type { Sensitivity, UserAccount } from '@prevention/core';
import { basisOf, insertAlert, saveAlertRule, type SignalRecord } from '@prevention/db';
import {
  createTestSignal,
  createTestUser,
  databaseKinds,
  testAlert,
  testAlertRuleDraft,
  useTestDatabase,
} from '@prevention/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { policyFor } from '../src/index.js';
import { assessmentIn, testContent, testTeam } from './assessment-fixtures.js';
import { actorOf, callerFor, failure, testDependencies } from './harness.js';
import { observedLeaf, observedMonth, storeObservations, storeProfiles } from './risk-fixtures.js';
import { allProcedures } from './procedures.js';
import { storeBoundaries } from './boundary-fixtures.js';
import { planIn, planTeam } from './plan-fixtures.js';

/**
 * Insecure direct object references: asking by id for a record outside one's countries, or above
 * one's clearance, must look exactly like asking for a record that does not exist — NOT_FOUND
 * with the same message, never FORBIDDEN — and a list must simply not contain it.
 */
type Caller = ReturnType<typeof callerFor>;
/** A record of each kind that the reader may not see, for one reason. */
interface Hidden {
  signal: SignalRecord;
  assessment: { id: string; countryCode: string; revision: number };
  /** A country's stored risk profile, at a sensitivity basis. */
  profile: { areaCode: string; basis: number };
  /** An observation behind a country's profile. */
  observation: { areaCode: string; id: string };
  /**
   * A country whose sub-national outlines the reader may not see; null when there is none of
   * the kind (outlines are public reference data: none is above any clearance).
   */
  boundaries: { countryCode: string } | null;
  plan: { id: string; countryCode: string };
  decision: { id: string; countryCode: string };
  alert: { id: string; countryCode: string };
}
interface Probe {
  /** What the caller gets for a record it may not see. */
  hidden: (caller: Caller, record: Hidden) => Promise<unknown>;
  /** What the caller gets for a record that does not exist. */
  absent: (caller: Caller) => Promise<unknown>;
}

const missingId = '01932b6e-8f3a-7c00-8000-00000000dead';

async function notFound(call: Promise<unknown>) {
  const error = await failure(call);
  return { code: error.code, message: error.message };
}

const readProbes: Record<string, Probe> = {
  'signals.byId': {
    hidden: (caller, { signal }) => notFound(caller.signals.byId({ id: signal.id })),
    absent: (caller) => notFound(caller.signals.byId({ id: missingId })),
  },
  'signals.list': {
    hidden: async (caller, { signal }) => {
      const byCountry = await caller.signals.list({ areaCode: signal.countryCode, limit: 100 });
      const everything = await caller.signals.list({ limit: 100 });
      return [...byCountry.items, ...everything.items].filter((item) => item.id === signal.id);
    },
    absent: async () => [],
  },
  'assessments.byId': {
    hidden: (caller, { assessment }) => notFound(caller.assessments.byId({ id: assessment.id })),
    absent: (caller) => notFound(caller.assessments.byId({ id: missingId })),
  },
  'assessments.history': {
    hidden: (caller, { assessment }) => notFound(caller.assessments.history({ id: assessment.id })),
    absent: (caller) => notFound(caller.assessments.history({ id: missingId })),
  },
  'assessments.revision': {
    hidden: (caller, { assessment }) =>
      notFound(caller.assessments.revision({ id: assessment.id, revision: assessment.revision })),
    absent: (caller) => notFound(caller.assessments.revision({ id: missingId, revision: 1 })),
  },
  'assessments.diff': {
    hidden: (caller, { assessment }) =>
      notFound(caller.assessments.diff({ id: assessment.id, from: 1, to: assessment.revision })),
    absent: (caller) => notFound(caller.assessments.diff({ id: missingId, from: 1, to: 2 })),
  },
  'assessments.list': {
    hidden: async (caller, { assessment }) => {
      const byCountry = await caller.assessments.list({
        areaCode: assessment.countryCode,
        limit: 100,
      });
      const everything = await caller.assessments.list({ limit: 100 });
      return [...byCountry.items, ...everything.items].filter((item) => item.id === assessment.id);
    },
    absent: async () => [],
  },
  // A country's outlines: out of scope, the same NOT_FOUND as a code that is no country's.
  'areas.boundaries': {
    hidden: (caller, { boundaries }) =>
      boundaries
        ? notFound(caller.areas.boundaries({ countryCode: boundaries.countryCode }))
        : notFound(caller.areas.boundaries({ countryCode: 'XXX' })),
    absent: (caller) => notFound(caller.areas.boundaries({ countryCode: 'XXX' })),
  },
  // A profile is a country's: one out of scope, or above the clearance, is simply not there.
  'risk.overview': {
    hidden: async (caller, { profile }) =>
      (await caller.risk.overview()).countries.filter(
        (c) => c.areaCode === profile.areaCode && c.basis >= profile.basis,
      ),
    absent: async () => [],
  },
  'risk.area': {
    hidden: async (caller, { profile }) => {
      try {
        const { series } = await caller.risk.area({ areaCode: profile.areaCode });
        return series.filter((p) => p.basis >= profile.basis);
      } catch (error) {
        // Out of scope: the same answer as an area that does not exist (tested below).
        if ((await notFound(Promise.reject(error))).code === 'NOT_FOUND') return [];
        throw error;
      }
    },
    absent: async () => [],
  },
  // The observations behind a profile: one out of scope or above the clearance is not listed
  // (those above the clearance are counted, by design, but never shown).
  'risk.observations': {
    hidden: async (caller, { observation }) => {
      try {
        const { observations } = await caller.risk.observations({
          areaCode: observation.areaCode,
          nodeId: observedLeaf,
          month: observedMonth,
        });
        return observations.filter((o) => o.id === observation.id);
      } catch (error) {
        if ((await notFound(Promise.reject(error))).code === 'NOT_FOUND') return [];
        throw error;
      }
    },
    absent: async () => [],
  },
  'plans.list': {
    hidden: async (caller, { plan }) => {
      const byCountry = await caller.plans.list({ countryCode: plan.countryCode });
      const everything = await caller.plans.list();
      return [...byCountry, ...everything].filter((item) => item.id === plan.id);
    },
    absent: async () => [],
  },
  'plans.byId': {
    hidden: (caller, { plan }) => notFound(caller.plans.byId({ id: plan.id })),
    absent: (caller) => notFound(caller.plans.byId({ id: missingId })),
  },
  'plans.analysis': {
    hidden: (caller, { plan }) => notFound(caller.plans.analysis({ id: plan.id })),
    absent: (caller) => notFound(caller.plans.analysis({ id: missingId })),
  },
  'plans.history': {
    hidden: (caller, { plan }) => notFound(caller.plans.history({ id: plan.id })),
    absent: (caller) => notFound(caller.plans.history({ id: missingId })),
  },
  'plans.diff': {
    hidden: (caller, { plan }) => notFound(caller.plans.diff({ id: plan.id, from: 1, to: 1 })),
    absent: (caller) => notFound(caller.plans.diff({ id: missingId, from: 1, to: 1 })),
  },
  'decisions.list': {
    hidden: async (caller, { decision }) => {
      const byCountry = await caller.decisions.list({ countryCode: decision.countryCode });
      const everything = await caller.decisions.list();
      return [...byCountry, ...everything].filter((item) => item.decision.id === decision.id);
    },
    absent: async () => [],
  },
  'decisions.byId': {
    hidden: (caller, { decision }) => notFound(caller.decisions.byId({ id: decision.id })),
    absent: (caller) => notFound(caller.decisions.byId({ id: missingId })),
  },
  'alerts.get': {
    hidden: (caller, { alert }) => notFound(caller.alerts.get({ id: alert.id })),
    absent: (caller) => notFound(caller.alerts.get({ id: missingId })),
  },
  'alerts.list': {
    hidden: async (caller, { alert }) => {
      const byCountry = await caller.alerts.list({ countryCode: alert.countryCode });
      const everything = await caller.alerts.list({});
      return [...byCountry.items, ...everything.items].filter((item) => item.id === alert.id);
    },
    absent: async () => [],
  },
  // The alert was raised just now: were it visible, the digest would list it as new.
  'alerts.digest': {
    hidden: async (caller, { alert }) =>
      (await caller.alerts.digest()).countries
        .flatMap((country) => country.levels)
        .flatMap((level) => [...level.new, ...level.updated, ...level.overdue])
        .filter((item) => item.id === alert.id),
    absent: async () => [],
  },
  // The reader sees no alert in either country: a hidden one is not even counted.
  'alerts.countsByCountry': {
    hidden: async (caller, { alert }) =>
      (await caller.alerts.countsByCountry()).filter((c) => c.countryCode === alert.countryCode),
    absent: async () => [],
  },
  'alerts.responseTimes': {
    hidden: async (caller, { alert }) =>
      (await caller.alerts.responseTimes({})).filter((c) => c.countryCode === alert.countryCode),
    absent: async () => [],
  },
};

describe.each(databaseKinds())('direct object references on %s', (kind) => {
  const database = useTestDatabase(kind);
  let reader: UserAccount;
  let inMali: Hidden;
  let aboveClearance: Hidden;
  let visible: SignalRecord;

  beforeAll(async () => {
    const author = await createTestUser(database.db, {
      roles: ['country-team-lead'],
      scope: { kind: 'global' },
      clearance: 'strictly-confidential',
    });
    reader = await createTestUser(database.db, {
      roles: ['reviewer'],
      scope: { kind: 'countries', countries: ['SDN'] },
      clearance: 'restricted',
    });
    const deps = testDependencies(database.db, kind);
    const team = await testTeam(database.db);
    const assessmentOf = async (areaCode: string, sensitivity: Sensitivity) => {
      const { id, revision } = await assessmentIn(deps, team, 'submitted', {
        areaCode,
        content: testContent({ sensitivity }),
      });
      return { id, revision, countryCode: areaCode };
    };
    await storeProfiles(database.db, 'MLI', [0]);
    await storeProfiles(database.db, 'SDN', [basisOf('confidential')]);
    const inMaliObservations = await storeObservations(database.db, 'MLI', ['public'], author.id);
    const sudanObservations = await storeObservations(
      database.db,
      'SDN',
      ['confidential'],
      author.id,
    );
    const planners = await planTeam(database.db);
    const planOf = async (countryCode: string, sensitivity: Sensitivity, startYear: number) => {
      const { id } = await planIn(deps, planners, 'active', {
        countryCode,
        sensitivity,
        cycle: { startYear, endYear: startYear + 1 },
      });
      return { id, countryCode };
    };
    const recorder = actorOf(
      await createTestUser(database.db, {
        roles: ['hq-planner'],
        scope: { kind: 'global' },
        clearance: 'strictly-confidential',
      }),
    );
    const decisionOf = async (countryCode: string, sensitivity: Sensitivity) => {
      const { decision } = await callerFor(deps, recorder).decisions.create({
        countryCode,
        sensitivity,
        meeting: { body: 'country-team', bodyName: 'UNCT', title: 'Meeting', date: '2026-11-01' },
        text: 'Noted.',
        kind: 'information',
        ownerId: null,
        dueDate: null,
      });
      return { id: decision.id, countryCode };
    };
    const rule = await saveAlertRule(database.db, testAlertRuleDraft(), author.id, new Date());
    const alertOf = async (countryCode: string, sensitivity: Sensitivity) => {
      const raisedAt = new Date().toISOString();
      const alert = testAlert(rule, {
        areaCode: countryCode,
        countryCode,
        sensitivity,
        raisedAt,
        updatedAt: raisedAt,
        acknowledgeBy: new Date(Date.now() + 72 * 3_600_000).toISOString(),
      });
      await insertAlert(database.db, alert);
      return { id: alert.id, countryCode };
    };
    inMali = {
      alert: await alertOf('MLI', 'restricted'),
      plan: await planOf('MLI', 'restricted', 2300),
      decision: await decisionOf('MLI', 'restricted'),
      signal: await createTestSignal(database.db, author.id, { areaCode: 'MLI' }),
      assessment: await assessmentOf('MLI', 'restricted'),
      profile: { areaCode: 'MLI', basis: 0 },
      observation: { areaCode: 'MLI', id: inMaliObservations.get('public') ?? '' },
      boundaries: { countryCode: 'MLI' },
    };
    aboveClearance = {
      alert: await alertOf('SDN', 'confidential'),
      plan: await planOf('SDN', 'confidential', 2300),
      decision: await decisionOf('SDN', 'confidential'),
      signal: await createTestSignal(database.db, author.id, {
        areaCode: 'SDN',
        sensitivity: 'confidential',
      }),
      assessment: await assessmentOf('SDN', 'confidential'),
      profile: { areaCode: 'SDN', basis: basisOf('confidential') },
      observation: { areaCode: 'SDN', id: sudanObservations.get('confidential') ?? '' },
      boundaries: null,
    };
    visible = await createTestSignal(database.db, author.id, { areaCode: 'SDN' });
    await storeBoundaries(database.db, 'MLI', ['ML01'], author.id);
    await storeBoundaries(database.db, 'SDN', ['SD01'], author.id);
  });

  it('has a probe for every procedure that reads records', () => {
    const recordReads = allProcedures()
      .filter((p) => p.type === 'query')
      .filter((p) => {
        const policy = policyFor(p.path);
        return policy?.access === 'signed-in' && policy.scope === 'records';
      })
      .map((p) => p.path);
    expect(recordReads.length).toBeGreaterThan(0);
    expect(recordReads.filter((path) => !readProbes[path])).toEqual([]);
  });

  it('finds the hidden alerts for a reader in scope and cleared, so the alert probes can fail', async () => {
    const cleared = await createTestUser(database.db, {
      roles: ['reviewer'],
      scope: { kind: 'global' },
      clearance: 'strictly-confidential',
    });
    const caller = callerFor(testDependencies(database.db, kind), actorOf(cleared));
    for (const hidden of [inMali, aboveClearance]) {
      const probe = (path: string) => readProbes[path]?.hidden(caller, hidden);
      // Found in the country's list and in the whole list.
      expect(await probe('alerts.list')).toHaveLength(2);
      expect(await probe('alerts.digest')).toHaveLength(1);
      expect(await probe('alerts.countsByCountry')).toEqual([
        { countryCode: hidden.alert.countryCode, open: 1, highestLevel: 'warning' },
      ]);
      expect(await probe('alerts.responseTimes')).toHaveLength(1);
      expect(await caller.alerts.get({ id: hidden.alert.id })).toMatchObject({
        id: hidden.alert.id,
      });
    }
  });

  it.each(Object.keys(readProbes))(
    '%s: a record of another country looks exactly like no record',
    async (path) => {
      const probe = readProbes[path];
      if (!probe) throw new Error(`no probe for ${path}`);
      const caller = callerFor(testDependencies(database.db, kind), actorOf(reader));
      const hidden = await probe.hidden(caller, inMali);
      expect(hidden).toEqual(await probe.absent(caller));
      expect(JSON.stringify(hidden)).not.toContain('FORBIDDEN');
    },
  );

  it.each(Object.keys(readProbes))(
    '%s: a record above the clearance looks exactly like no record',
    async (path) => {
      const probe = readProbes[path];
      if (!probe) throw new Error(`no probe for ${path}`);
      const caller = callerFor(testDependencies(database.db, kind), actorOf(reader));
      expect(await probe.hidden(caller, aboveClearance)).toEqual(await probe.absent(caller));
    },
  );

  it("answers for a country's risk outside the reader's countries as for an area that does not exist", async () => {
    const caller = callerFor(testDependencies(database.db, kind), actorOf(reader));
    const outside = await notFound(caller.risk.area({ areaCode: 'MLI' }));
    expect(outside).toEqual(await notFound(caller.risk.area({ areaCode: 'ML99999' })));
    expect(outside.code).toBe('NOT_FOUND');
    const request = { nodeId: observedLeaf, month: observedMonth };
    const observationsOutside = await notFound(
      caller.risk.observations({ areaCode: 'MLI', ...request }),
    );
    expect(observationsOutside).toEqual(
      await notFound(caller.risk.observations({ areaCode: 'ML99999', ...request })),
    );
    expect(observationsOutside).toEqual(outside);
  });

  it('still shows the reader what is theirs to see', async () => {
    const caller = callerFor(testDependencies(database.db, kind), actorOf(reader));
    const { areas } = await caller.areas.boundaries({ countryCode: 'SDN' });
    expect(areas.map((a) => a.areaCode)).toEqual(['SD01']);
    await expect(caller.signals.byId({ id: visible.id })).resolves.toMatchObject({
      id: visible.id,
    });
    expect(await notFound(caller.signals.byId({ id: inMali.signal.id }))).toEqual({
      code: 'NOT_FOUND',
      message: 'The signal was not found.',
    });
  });
});
