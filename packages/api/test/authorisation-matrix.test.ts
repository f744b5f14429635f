import { randomUUID } from 'node:crypto';
import {
  isCountryInScope,
  newId,
  mayView,
  roles,
  sensitivityLevels,
  type Actor,
  type CountryScope,
  type Sensitivity,
  type UserAccount,
} from '@prevention/core';
import { basisOf, type SignalRecord } from '@prevention/db';
import {
  createTestSignal,
  createTestUser,
  databaseKinds,
  testAlertRuleDraft,
  useTestDatabase,
} from '@prevention/db/testing';
import type { PlanContent } from '@prevention/planning';
import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide, policyFor, type AccessPolicy } from '../src/index.js';
import { assessmentIn, syncItem, testContent, testTeam } from './assessment-fixtures.js';
import { actorOf, callerFor, testDependencies } from './harness.js';
import { observedLeaf, observedMonth, storeObservations, storeProfiles } from './risk-fixtures.js';
import { allProcedures } from './procedures.js';
import { storeBoundaries } from './boundary-fixtures.js';
import { planIn, planTeam, testPlanContent, type PlanTeam } from './plan-fixtures.js';
import { closedAlert, digestAlertIds, storeAlert, storeRule } from './alert-fixtures.js';

/**
 * The authorisation matrix: every procedure × every role (and a signed-out caller) × a caller in
 * and out of the target record's scope × every clearance × every record sensitivity. What the
 * API actually allows is compared with what the declared policy — plus, for record procedures,
 * the record's country and sensitivity — says it should: an allow the policy does not grant
 * fails the test, and so does a procedure without a policy or without a probe here.
 */
type Outcome = 'allowed' | 'denied';
type Caller = ReturnType<typeof callerFor>;
/** A published assessment in Sudan at the target's level, with two kept conflicts. */
interface AssessmentTarget {
  id: string;
  revision: number;
  conflictToResolve: string;
  conflictToDiscard: string;
}
/** An active plan in Sudan at the target's level, and a decision logged at it. */
interface PlanTarget {
  id: string;
  revision: number;
  content: PlanContent;
  cycle: { startYear: number; endYear: number };
  decisionId: string;
}
/** A closed alert in Sudan at the target's level (steps on it are refused as CONFLICT). */
interface AlertTarget {
  closedId: string;
  ruleId: string;
}
interface Fixture {
  target: SignalRecord;
  alert: AlertTarget;
  assessment: AssessmentTarget;
  plan: PlanTarget;
  team: PlanTeam;
  managedUser: UserAccount;
  tag: string;
}
type Probe = (caller: Caller, fixture: Fixture) => Promise<Outcome>;

/** The middleware's refusals: not signed in, or not permitted by the policy. */
function isPolicyDenial(error: unknown): boolean {
  return (
    error instanceof TRPCError &&
    ((error.code === 'UNAUTHORIZED' && error.message === 'Sign in to continue.') ||
      (error.code === 'FORBIDDEN' && error.message === 'You do not have permission to do this.'))
  );
}

/**
 * Allowed unless refused by the policy or, where given, by the record-level rule. A call refused
 * for another reason (a wrong password, a missing second factor) got past the access check.
 */
async function outcome(
  call: Promise<unknown>,
  isRecordDenial: (error: TRPCError) => boolean = () => false,
): Promise<Outcome> {
  try {
    await call;
    return 'allowed';
  } catch (error) {
    if (isPolicyDenial(error)) return 'denied';
    if (error instanceof TRPCError && isRecordDenial(error)) return 'denied';
    if (error instanceof TRPCError && error.code === 'INTERNAL_SERVER_ERROR') throw error;
    return 'allowed';
  }
}

/** The period of the matrix's target assessments, which nothing else uses. */
const matrixPeriod = '2030-01';

/** Each level has a closed and an open alert in Sudan. */
const alertsPerLevel = 2;
/** The open alert at each level, which a digest names to those who may read it. */
const openAlerts = new Map<Sensitivity, string>();

function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

let created = 0;
const probes: Record<string, Probe> = {
  'alerts.list': async (c, { alert }) => {
    try {
      const { items } = await c.alerts.list({ status: ['closed'], countryCode: 'SDN', limit: 200 });
      return items.some((item) => item.id === alert.closedId) ? 'allowed' : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      throw error;
    }
  },
  'alerts.get': (c, { alert }) =>
    outcome(c.alerts.get({ id: alert.closedId }), (error) => error.code === 'NOT_FOUND'),
  // Past the access checks, every step on a closed alert is refused as a conflict.
  'alerts.acknowledge': (c, { alert }) =>
    outcome(c.alerts.acknowledge({ id: alert.closedId }), (error) => error.code === 'NOT_FOUND'),
  'alerts.respond': (c, { alert, plan }) =>
    outcome(
      c.alerts.respond({
        id: alert.closedId,
        planActionIds: [],
        decisionIds: [plan.decisionId],
        note: 'Answered by the matrix',
      }),
      (error) => error.code === 'NOT_FOUND',
    ),
  'alerts.close': (c, { alert }) =>
    outcome(
      c.alerts.close({ id: alert.closedId, outcome: 'false-alarm' }),
      (error) => error.code === 'NOT_FOUND',
    ),
  'alerts.snooze': (c, { alert }) =>
    outcome(
      c.alerts.snooze({ id: alert.closedId, until: tomorrow() }),
      (error) => error.code === 'NOT_FOUND',
    ),
  // Sudan has one open alert at each level: a caller counts those up to their clearance.
  'alerts.countsByCountry': async (c, { target }) => {
    try {
      const counts = await c.alerts.countsByCountry();
      const open = counts.find((count) => count.countryCode === 'SDN')?.open ?? 0;
      return open > sensitivityLevels.indexOf(target.sensitivity) ? 'allowed' : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      throw error;
    }
  },
  'alerts.responseTimes': async (c, { target }) => {
    try {
      const times = await c.alerts.responseTimes({});
      const alerts = times.find((row) => row.countryCode === 'SDN')?.alerts ?? 0;
      return alerts >= alertsPerLevel * (sensitivityLevels.indexOf(target.sensitivity) + 1)
        ? 'allowed'
        : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      throw error;
    }
  },
  'alerts.digest': async (c, { target }) => {
    try {
      const digest = await c.alerts.digest();
      return digestAlertIds(digest).includes(openAlerts.get(target.sensitivity) ?? '')
        ? 'allowed'
        : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      throw error;
    }
  },
  // Past the policy, the test's server has no job queue: refused as a precondition.
  'alerts.evaluate': (c) => outcome(c.alerts.evaluate({})),
  'alertRules.list': (c) => outcome(c.alertRules.list()),
  'alertRules.get': (c, { alert }) => outcome(c.alertRules.get({ id: alert.ruleId })),
  // A global rule: an editor with a country scope is refused by the service, past the policy.
  'alertRules.save': (c) =>
    outcome(c.alertRules.save(testAlertRuleDraft({ id: 'matrix-saved-rule', enabled: false }))),
  'alertRules.backtest': (c, { alert }) =>
    outcome(
      c.alertRules.backtest({
        rule: { id: alert.ruleId },
        from: new Date().toISOString().slice(0, 7),
      }),
    ),
  'system.info': (c) => outcome(c.system.info()),
  'auth.session': (c) => outcome(c.auth.session()),
  'auth.demoAccounts': (c) => outcome(c.auth.demoAccounts()),
  'auth.signIn': (c) =>
    outcome(c.auth.signIn({ email: 'nobody@example.org', password: 'not-a-password' })),
  'auth.verifySecondFactor': (c) => outcome(c.auth.verifySecondFactor({ code: '000000' })),
  'auth.signOut': (c) => outcome(c.auth.signOut()),
  'account.changePassword': (c) =>
    outcome(
      c.account.changePassword({
        currentPassword: 'not-the-password',
        newPassword: 'a-new-long-password',
      }),
    ),
  'account.beginTotpEnrolment': (c) => outcome(c.account.beginTotpEnrolment()),
  'account.confirmTotpEnrolment': (c) =>
    outcome(c.account.confirmTotpEnrolment({ code: '000000' })),
  'areas.list': (c) => outcome(c.areas.list({ parentCode: 'SDN' })),
  'areas.byCode': (c) => outcome(c.areas.byCode({ code: 'SDN' })),
  // The target's country has outlines: a caller sees them when it is among their countries.
  'areas.boundaries': async (c, { target }) => {
    try {
      const { areas } = await c.areas.boundaries({ countryCode: target.countryCode });
      return areas.length > 0 ? 'allowed' : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      if (error instanceof TRPCError && error.code === 'NOT_FOUND') return 'denied';
      throw error;
    }
  },
  'signals.create': (c, { target }) =>
    outcome(
      c.signals.create({
        pillar: 'human-rights',
        kind: 'matrix-create',
        areaCode: target.areaCode,
        occurredOn: '2026-11-01',
        title: 'Created by the matrix',
        severity: 2,
        verification: 'unverified',
        source: 'Matrix',
        sensitivity: target.sensitivity,
        fieldSensitivity: {},
        payload: {},
      }),
      (error) => error.code === 'FORBIDDEN',
    ),
  'signals.list': async (c, { target }) => {
    try {
      const page = await c.signals.list({ kind: 'matrix-target', limit: 100 });
      return page.items.some((item) => item.id === target.id) ? 'allowed' : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      throw error;
    }
  },
  'signals.byId': (c, { target }) =>
    outcome(c.signals.byId({ id: target.id }), (error) => error.code === 'NOT_FOUND'),
  'assessments.form': (c) => outcome(c.assessments.form()),
  'assessments.list': async (c, { assessment }) => {
    try {
      const page = await c.assessments.list({ period: matrixPeriod, limit: 100 });
      return page.items.some((item) => item.id === assessment.id) ? 'allowed' : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      throw error;
    }
  },
  'assessments.byId': (c, { assessment }) =>
    outcome(c.assessments.byId({ id: assessment.id }), (error) => error.code === 'NOT_FOUND'),
  'assessments.history': (c, { assessment }) =>
    outcome(c.assessments.history({ id: assessment.id }), (error) => error.code === 'NOT_FOUND'),
  'assessments.revision': (c, { assessment }) =>
    outcome(
      c.assessments.revision({ id: assessment.id, revision: assessment.revision }),
      (error) => error.code === 'NOT_FOUND',
    ),
  'assessments.diff': (c, { assessment }) =>
    outcome(
      c.assessments.diff({ id: assessment.id, from: assessment.revision, to: assessment.revision }),
      (error) => error.code === 'NOT_FOUND',
    ),
  'assessments.sync': async (c, { assessment, target }) => {
    try {
      const { answers } = await c.assessments.sync({
        items: [
          syncItem({
            assessmentId: assessment.id,
            baseRevision: assessment.revision,
            content: testContent({ sensitivity: target.sensitivity }),
          }),
        ],
      });
      const [answer] = answers;
      return answer?.outcome === 'rejected' && answer.code !== 'BAD_REQUEST' ? 'denied' : 'allowed';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      throw error;
    }
  },
  'assessments.transition': (c, { assessment }) =>
    // A stale revision: the step is refused after the access checks, and nothing changes.
    outcome(
      c.assessments.transition({
        id: assessment.id,
        action: 'reopen',
        revision: assessment.revision + 1000,
      }),
      (error) => error.code === 'NOT_FOUND',
    ),
  'assessments.resolveConflict': (c, { assessment, target }) =>
    outcome(
      c.assessments.resolveConflict({
        conflictId: assessment.conflictToResolve,
        baseRevision: assessment.revision,
        content: testContent({ sensitivity: target.sensitivity }),
      }),
      (error) => error.code === 'NOT_FOUND',
    ),
  'assessments.discardConflict': (c, { assessment }) =>
    outcome(
      c.assessments.discardConflict({ conflictId: assessment.conflictToDiscard }),
      (error) => error.code === 'NOT_FOUND',
    ),
  'users.list': (c) => outcome(c.users.list({ limit: 5 })),
  'users.byId': (c, { managedUser }) => outcome(c.users.byId({ id: managedUser.id })),
  'users.create': (c, { tag }) => {
    created += 1;
    return outcome(
      c.users.create({
        email: `created-${created}-${tag}@example.org`,
        displayName: 'Created by the matrix',
        roles: ['partner'],
        scope: { kind: 'countries', countries: ['MLI'] },
        clearance: 'public',
        password: 'a-long-enough-password',
      }),
    );
  },
  'users.update': (c, { managedUser }) =>
    outcome(c.users.update({ id: managedUser.id, displayName: managedUser.displayName })),
  'users.resetPassword': (c, { managedUser }) =>
    outcome(c.users.resetPassword({ id: managedUser.id, password: 'reset-by-the-matrix' })),
  'users.resetSecondFactor': (c, { managedUser }) =>
    outcome(c.users.resetSecondFactor({ id: managedUser.id })),
  'audit.list': (c) => outcome(c.audit.list({ limit: 5 })),
  // Past the policy, these find no upload or batch of the caller's: refused as not found.
  'imports.start': (c) => outcome(c.imports.start({ uploadId: randomUUID() })),
  'imports.list': (c) => outcome(c.imports.list({ limit: 5 })),
  'imports.byId': (c) => outcome(c.imports.byId({ id: newId() })),
  'imports.errors': (c) => outcome(c.imports.errors({ id: newId() })),
  'imports.cancel': (c) => outcome(c.imports.cancel({ id: newId() })),
  'imports.rollBack': (c) => outcome(c.imports.rollBack({ id: newId() })),
  // The target's country has a profile at every basis: a caller sees it when they see one at
  // the target's level or above.
  'risk.models': (c) => outcome(c.risk.models()),
  'risk.overview': async (c, { target }) => {
    try {
      const { countries } = await c.risk.overview();
      const seen = countries.find((country) => country.areaCode === target.countryCode);
      return seen && seen.basis >= basisOf(target.sensitivity) ? 'allowed' : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      throw error;
    }
  },
  'risk.area': async (c, { target }) => {
    try {
      const { series } = await c.risk.area({ areaCode: target.countryCode });
      return series.some((p) => p.basis >= basisOf(target.sensitivity)) ? 'allowed' : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      if (error instanceof TRPCError && error.code === 'NOT_FOUND') return 'denied';
      throw error;
    }
  },
  // The target's country has an observation behind its profile at every level: a caller sees
  // the one at the target's level when in scope and cleared for it.
  'risk.observations': async (c, { target }) => {
    try {
      const { observations } = await c.risk.observations({
        areaCode: target.countryCode,
        nodeId: observedLeaf,
        month: observedMonth,
      });
      return observations.some((o) => o.sensitivity === target.sensitivity) ? 'allowed' : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      if (error instanceof TRPCError && error.code === 'NOT_FOUND') return 'denied';
      throw error;
    }
  },
  // Past the policy, a definition that is not a model is refused as a bad request.
  'risk.adjustModel': (c, { target }) =>
    outcome(
      c.risk.adjustModel({
        basedOn: newId(),
        countryCode: target.countryCode,
        definition: { id: 'not-a-model' },
        note: 'matrix',
      }),
    ),
  'risk.runs': (c) => outcome(c.risk.runs({ limit: 5 })),
  // Past the policy, the test's server has no job queue: refused as a precondition.
  'risk.recompute': (c) => outcome(c.risk.recompute()),
  'plans.list': async (c, { plan }) => {
    try {
      const plans = await c.plans.list({ countryCode: 'SDN' });
      return plans.some((p) => p.id === plan.id) ? 'allowed' : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      throw error;
    }
  },
  'plans.byId': (c, { plan }) =>
    outcome(c.plans.byId({ id: plan.id }), (error) => error.code === 'NOT_FOUND'),
  'plans.analysis': (c, { plan }) =>
    outcome(c.plans.analysis({ id: plan.id }), (error) => error.code === 'NOT_FOUND'),
  'plans.history': (c, { plan }) =>
    outcome(c.plans.history({ id: plan.id }), (error) => error.code === 'NOT_FOUND'),
  'plans.diff': (c, { plan }) =>
    outcome(
      c.plans.diff({ id: plan.id, from: 1, to: plan.revision }),
      (error) => error.code === 'NOT_FOUND',
    ),
  'plans.dueFromMe': (c) => outcome(c.plans.dueFromMe()),
  'plans.organisations': (c) => outcome(c.plans.organisations()),
  // Past the access checks, a cycle that overlaps the target's is refused as a conflict: a caller
  // out of the country or above their clearance is refused before that.
  'plans.create': (c, { plan, target, team }) =>
    outcome(
      c.plans.create({
        countryCode: 'SDN',
        sensitivity: target.sensitivity,
        content: testPlanContent(team, plan.cycle),
      }),
      (error) => error.code === 'FORBIDDEN',
    ),
  // A stale revision: refused after the access checks, and nothing changes.
  'plans.save': (c, { plan }) =>
    outcome(
      c.plans.save({ id: plan.id, baseRevision: plan.revision + 1000, content: plan.content }),
      (error) => error.code === 'NOT_FOUND',
    ),
  'plans.transition': (c, { plan }) =>
    outcome(
      c.plans.transition({ id: plan.id, action: 'close', revision: plan.revision + 1000 }),
      (error) => error.code === 'NOT_FOUND',
    ),
  // Past the access checks, a report on an action the plan does not have is a bad request.
  'plans.addReport': (c, { plan }) =>
    outcome(
      c.plans.addReport({
        planId: plan.id,
        report: {
          actionId: newId(),
          date: '2026-11-30',
          status: 2,
          milestonesMetPercent: 10,
          rating: 'green',
          narrative: 'Matrix',
        },
      }),
      (error) => error.code === 'NOT_FOUND',
    ),
  'decisions.list': async (c, { plan }) => {
    try {
      const decisions = await c.decisions.list({ countryCode: 'SDN', limit: 500 });
      return decisions.some((d) => d.decision.id === plan.decisionId) ? 'allowed' : 'denied';
    } catch (error) {
      if (isPolicyDenial(error)) return 'denied';
      throw error;
    }
  },
  'decisions.byId': (c, { plan }) =>
    outcome(c.decisions.byId({ id: plan.decisionId }), (error) => error.code === 'NOT_FOUND'),
  'decisions.create': (c, { target }) =>
    outcome(
      c.decisions.create({
        countryCode: 'SDN',
        sensitivity: target.sensitivity,
        meeting: { body: 'country-team', bodyName: 'UNCT', title: 'Matrix', date: '2026-11-01' },
        text: 'Logged by the matrix.',
        kind: 'information',
        ownerId: null,
        dueDate: null,
      }),
      (error) => error.code === 'FORBIDDEN',
    ),
  // Past the access checks, someone who neither owns nor records decisions is refused the
  // follow-up itself (FORBIDDEN from the service, not the policy); a hidden one is NOT_FOUND.
  'decisions.followUp': (c, { plan }) =>
    outcome(
      c.decisions.followUp({
        id: plan.decisionId,
        text: 'Followed up by the matrix.',
        status: 'ongoing',
      }),
      (error) => error.code === 'NOT_FOUND',
    ),
};

/**
 * Record procedures whose records are all public (sub-national outlines are reference data):
 * for them only the country counts, whatever the target's level.
 */
const publicRecordProcedures = new Set(['areas.boundaries']);

/** What the policy, and for record procedures the record's country and level, say. */
function expectedOutcome(
  path: string,
  policy: AccessPolicy,
  actor: Actor | null,
  target: SignalRecord,
): Outcome {
  if (!decide(policy, actor).allowed) return 'denied';
  if (policy.access === 'signed-in' && policy.scope === 'records' && actor) {
    const visible =
      isCountryInScope(actor.scope, target.countryCode) &&
      (publicRecordProcedures.has(path) || mayView(actor, target.sensitivity));
    return visible ? 'allowed' : 'denied';
  }
  return 'allowed';
}

/** The target records are in Sudan: "in scope" is a global caller, "out of scope" one for Mali. */
const scopes: Record<'in scope' | 'out of scope', CountryScope> = {
  'in scope': { kind: 'global' },
  'out of scope': { kind: 'countries', countries: ['MLI'] },
};

const procedures = allProcedures();
const callersPerProcedure =
  roles.length * Object.keys(scopes).length * sensitivityLevels.length + 1;
const casesPerProcedure = callersPerProcedure * sensitivityLevels.length;

describe.each(databaseKinds())('the authorisation matrix on %s', (kind) => {
  const database = useTestDatabase(kind);
  const actors: { user: UserAccount; actor: Actor; label: string }[] = [];
  const targets = new Map<Sensitivity, SignalRecord>();
  const assessments = new Map<Sensitivity, AssessmentTarget>();
  const plans = new Map<Sensitivity, PlanTarget>();
  const alerts = new Map<Sensitivity, AlertTarget>();
  let planners: PlanTeam;
  let managedUser: UserAccount;

  beforeAll(async () => {
    const author = await createTestUser(database.db, { roles: ['country-team-lead'] });
    const deps = testDependencies(database.db, kind);
    const team = await testTeam(database.db);
    for (const level of sensitivityLevels) {
      const { id, revision } = await assessmentIn(deps, team, 'published', {
        period: matrixPeriod,
        content: testContent({ sensitivity: level }),
      });
      const keep = async () => {
        const { answers } = await callerFor(deps, team.author).assessments.sync({
          items: [
            syncItem({
              assessmentId: id,
              baseRevision: revision,
              content: testContent({ sensitivity: level }),
            }),
          ],
        });
        const [answer] = answers;
        if (answer?.outcome !== 'conflict' || !answer.conflictId) throw new Error('no conflict');
        return answer.conflictId;
      };
      assessments.set(level, {
        id,
        revision,
        conflictToResolve: await keep(),
        conflictToDiscard: await keep(),
      });
    }
    for (const level of sensitivityLevels) {
      targets.set(
        level,
        await createTestSignal(database.db, author.id, {
          areaCode: 'SDN',
          kind: 'matrix-target',
          sensitivity: level,
        }),
      );
    }
    planners = await planTeam(database.db);
    const recorder = callerFor(deps, planners.lead).decisions;
    for (const [index, level] of sensitivityLevels.entries()) {
      const cycle = { startYear: 2400 + index * 3, endYear: 2401 + index * 3 };
      const plan = await planIn(deps, planners, 'active', { sensitivity: level, cycle });
      const { decision } = await recorder.create({
        countryCode: 'SDN',
        sensitivity: level,
        meeting: { body: 'country-team', bodyName: 'UNCT', title: 'Matrix', date: '2026-11-01' },
        text: 'The matrix target.',
        kind: 'information',
        ownerId: null,
        dueDate: null,
      });
      plans.set(level, { ...plan, cycle, decisionId: decision.id });
    }
    const closedRule = await storeRule(database.db, author.id);
    for (const level of sensitivityLevels) {
      const closed = await closedAlert(database.db, closedRule, level, author.id);
      const open = await storeAlert(database.db, await storeRule(database.db, author.id), {
        sensitivity: level,
      });
      alerts.set(level, { closedId: closed.id, ruleId: closedRule.id });
      openAlerts.set(level, open.id);
    }
    await storeProfiles(database.db, 'SDN', sensitivityLevels.map(basisOf));
    await storeObservations(database.db, 'SDN', sensitivityLevels, author.id);
    await storeBoundaries(database.db, 'SDN', ['SD01', 'SD02'], author.id);
    managedUser = await createTestUser(database.db, { displayName: 'Managed by the matrix' });
    for (const role of roles) {
      for (const [scopeName, scope] of Object.entries(scopes)) {
        for (const clearance of sensitivityLevels) {
          const user = await createTestUser(database.db, { roles: [role], scope, clearance });
          actors.push({ user, actor: actorOf(user), label: `${role}, ${scopeName}, ${clearance}` });
        }
      }
    }
  });

  it(`covers ${procedures.length} procedures × ${roles.length} roles and a signed-out caller`, () => {
    expect(procedures.filter((p) => !policyFor(p.path)).map((p) => p.path)).toEqual([]);
    expect(procedures.filter((p) => !probes[p.path]).map((p) => p.path)).toEqual([]);
    expect(actors).toHaveLength(callersPerProcedure - 1);
  });

  it.each(procedures.map((p) => p.path))(
    `%s: ${casesPerProcedure} cases, no allow beyond the policy`,
    async (path) => {
      const policy = policyFor(path);
      const probe = probes[path];
      if (!policy) throw new Error(`${path} has no access policy`);
      if (!probe) throw new Error(`${path} has no probe in the authorisation matrix`);
      const deps = testDependencies(database.db, kind);
      const unexpectedAllows: string[] = [];
      const unexpectedDenials: string[] = [];
      let cases = 0;
      const callers = [{ user: undefined, actor: null, label: 'signed out' }, ...actors];
      for (const { user, actor, label } of callers) {
        // Each caller comes from its own address, so sign-in throttling does not mix them up.
        const caller = callerFor(deps, actor, user, { clientAddress: `10.0.${cases % 250}.1` });
        for (const [level, target] of targets) {
          cases += 1;
          const assessment = assessments.get(level);
          const plan = plans.get(level);
          const alert = alerts.get(level);
          if (!assessment || !plan || !alert)
            throw new Error(`no assessment, plan or alert at ${level}`);
          const fixture = {
            target,
            alert,
            assessment,
            plan,
            team: planners,
            managedUser,
            tag: `${kind}-${cases}`,
          };
          const actual = await probe(caller, fixture);
          const expected = expectedOutcome(path, policy, actor, target);
          if (actual === 'allowed' && expected === 'denied') {
            unexpectedAllows.push(`${label} on a ${level} record`);
          }
          if (actual === 'denied' && expected === 'allowed') {
            unexpectedDenials.push(`${label} on a ${level} record`);
          }
        }
      }
      expect(cases).toBe(casesPerProcedure);
      expect(unexpectedAllows, `${path} allowed what its policy does not`).toEqual([]);
      expect(unexpectedDenials, `${path} refused what its policy allows`).toEqual([]);
    },
  );
});
