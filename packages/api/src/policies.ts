import type { Role } from '@prevention/core';
import { alertResponderRoles, ruleEditorRoles } from '@prevention/early-warning';
import { publicAccess, signedIn, type AccessPolicy } from './access/policy.js';
import { alertReaders } from './services/alerts/alert-access.js';
import { decisionReaders, decisionRecorders } from './services/plans/plan-roles.js';

const signalAuthors: Role[] = ['field-officer', 'country-team-lead'];
const signalReaders: Role[] = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  'hq-planner',
  'partner',
];
const administrators: Role[] = ['administrator'];
/** Who reads the risk picture: everyone who reads a country's records, and administrators. */
const riskReaders: Role[] = [
  'field-officer',
  'country-team-lead',
  'reviewer',
  'hq-planner',
  'partner',
  'administrator',
];
/** Who brings data in from files (DESIGN §2: HQ analysts, country team leads, administrators). */
const importers: Role[] = ['hq-planner', 'country-team-lead', 'administrator'];
/** Who writes assessment content; who steps it through its lifecycle; who reads it. */
const assessmentAuthors: Role[] = ['field-officer', 'country-team-lead'];
const assessmentStewards: Role[] = ['field-officer', 'country-team-lead', 'reviewer', 'hq-planner'];
const assessmentReaders: Role[] = [...assessmentStewards, 'partner'];
/** Who drafts a country's plan; who reports on its actions. */
const planEditors: Role[] = ['country-team-lead'];
const progressReporters: Role[] = ['field-officer', 'country-team-lead'];
const everyoneButAdministrators: Role[] = [...assessmentStewards, 'partner'];

/**
 * Every procedure's policy, in one place. A procedure that is not listed here is refused to
 * everyone at run time, and the policy test fails until it is added; a policy for a procedure
 * that no longer exists fails the same test.
 */
export const policies: Readonly<Record<string, AccessPolicy>> = Object.freeze({
  'system.info': publicAccess,

  'auth.session': publicAccess,
  'auth.demoAccounts': publicAccess,
  'auth.signIn': publicAccess,
  'auth.verifySecondFactor': publicAccess,
  'auth.signOut': publicAccess,

  'account.changePassword': signedIn('any-role', 'none', 'public'),
  'account.beginTotpEnrolment': signedIn('any-role', 'none', 'public'),
  'account.confirmTotpEnrolment': signedIn('any-role', 'none', 'public'),

  'areas.list': signedIn('any-role', 'none', 'public'),
  'areas.byCode': signedIn('any-role', 'none', 'public'),
  // Outlines are public reference data, read a country at a time within the caller's countries.
  'areas.boundaries': signedIn(riskReaders, 'records', 'public'),

  'signals.create': signedIn(signalAuthors, 'records', 'public'),
  'signals.list': signedIn(signalReaders, 'records', 'public'),
  'signals.byId': signedIn(signalReaders, 'records', 'public'),

  'assessments.form': signedIn('any-role', 'none', 'public'),
  'assessments.list': signedIn(assessmentReaders, 'records', 'public'),
  'assessments.byId': signedIn(assessmentReaders, 'records', 'public'),
  'assessments.history': signedIn(assessmentReaders, 'records', 'public'),
  'assessments.revision': signedIn(assessmentReaders, 'records', 'public'),
  'assessments.diff': signedIn(assessmentReaders, 'records', 'public'),
  'assessments.sync': signedIn(assessmentAuthors, 'records', 'public'),
  'assessments.transition': signedIn(assessmentStewards, 'records', 'public'),
  'assessments.resolveConflict': signedIn(assessmentAuthors, 'records', 'public'),
  'assessments.discardConflict': signedIn(assessmentAuthors, 'records', 'public'),

  // Plans are read within the caller's countries and clearance; a partner reads published ones.
  'plans.list': signedIn(assessmentReaders, 'records', 'public'),
  'plans.byId': signedIn(assessmentReaders, 'records', 'public'),
  'plans.analysis': signedIn(assessmentReaders, 'records', 'public'),
  'plans.history': signedIn(assessmentReaders, 'records', 'public'),
  'plans.diff': signedIn(assessmentReaders, 'records', 'public'),
  'plans.dueFromMe': signedIn(everyoneButAdministrators, 'none', 'public'),
  'plans.organisations': signedIn(assessmentReaders, 'none', 'public'),
  'plans.create': signedIn(planEditors, 'records', 'public'),
  'plans.save': signedIn(planEditors, 'records', 'public'),
  // Each step's own roles (the lead submits, a reviewer or HQ planner endorses) are the
  // planning package's lifecycle rules, checked in the service.
  'plans.transition': signedIn(assessmentStewards, 'records', 'public'),
  'plans.addReport': signedIn(progressReporters, 'records', 'public'),

  // A decision across countries (no country) is logged and read by those who work in every one.
  'decisions.list': signedIn(decisionReaders, 'records', 'public'),
  'decisions.byId': signedIn(decisionReaders, 'records', 'public'),
  'decisions.create': signedIn(decisionRecorders, 'records', 'public'),
  // The owner follows up a decision, whatever their role; so do the recorders.
  'decisions.followUp': signedIn(decisionReaders, 'records', 'public'),

  'users.list': signedIn(administrators, 'global', 'restricted'),
  'users.byId': signedIn(administrators, 'global', 'restricted'),
  'users.create': signedIn(administrators, 'global', 'restricted'),
  'users.update': signedIn(administrators, 'global', 'restricted'),
  'users.resetPassword': signedIn(administrators, 'global', 'restricted'),
  'users.resetSecondFactor': signedIn(administrators, 'global', 'restricted'),

  'audit.list': signedIn(administrators, 'global', 'restricted'),

  // Profiles are read a country at a time, within the caller's countries and at the highest
  // sensitivity basis they are cleared for (see the db's findVisibleRiskProfiles).
  'risk.models': signedIn(riskReaders, 'none', 'public'),
  'risk.overview': signedIn(riskReaders, 'records', 'public'),
  'risk.area': signedIn(riskReaders, 'records', 'public'),
  // The observations behind a profile's node: the area's, within the caller's countries, each
  // at or below their clearance (those above only counted), as the profile they see rests on.
  'risk.observations': signedIn(riskReaders, 'records', 'public'),
  // The country is checked against the caller's countries in the service, as an import's rows are.
  'risk.adjustModel': signedIn(['country-team-lead'], 'none', 'public'),
  'risk.runs': signedIn(administrators, 'global', 'public'),
  'risk.recompute': signedIn(administrators, 'global', 'public'),

  // A batch belongs to no one country: each of its rows is checked against the importer's
  // countries as it is read, and a batch is seen by its importer (and by HQ and administrators).
  'imports.start': signedIn(importers, 'none', 'public'),
  'imports.list': signedIn(importers, 'none', 'public'),
  'imports.byId': signedIn(importers, 'none', 'public'),
  'imports.errors': signedIn(importers, 'none', 'public'),
  'imports.cancel': signedIn(importers, 'none', 'public'),
  'imports.rollBack': signedIn(importers, 'none', 'public'),

  // Alerts are read within the caller's countries and clearance, never by a partner alone; the
  // lifecycle's steps are the responders' (the early-warning package's rules, in the service).
  'alerts.list': signedIn(alertReaders, 'records', 'public'),
  'alerts.get': signedIn(alertReaders, 'records', 'public'),
  'alerts.digest': signedIn(alertReaders, 'records', 'public'),
  'alerts.countsByCountry': signedIn(alertReaders, 'records', 'public'),
  'alerts.responseTimes': signedIn(alertReaders, 'records', 'public'),
  'alerts.acknowledge': signedIn(alertResponderRoles, 'records', 'public'),
  'alerts.respond': signedIn(alertResponderRoles, 'records', 'public'),
  'alerts.close': signedIn(alertResponderRoles, 'records', 'public'),
  'alerts.snooze': signedIn(alertResponderRoles, 'records', 'public'),
  'alerts.evaluate': signedIn(administrators, 'global', 'public'),

  // Rules are policy, not records: every alert reader reads them; a back-test reads the
  // history of the caller's countries at their clearance only. Saving a country's rule needs
  // the country in scope, a global rule a global scope (checked in the service).
  'alertRules.list': signedIn(alertReaders, 'none', 'public'),
  'alertRules.get': signedIn(alertReaders, 'none', 'public'),
  'alertRules.save': signedIn(ruleEditorRoles, 'none', 'public'),
  'alertRules.backtest': signedIn(alertReaders, 'none', 'public'),
});

/**
 * The HTTP routes outside tRPC, with the same kind of policy: the bytes of an upload, and the
 * streamed files of an export. The host checks them before it reads a body or writes a byte.
 */
export const httpRoutePolicies: Readonly<Record<string, AccessPolicy>> = Object.freeze({
  'PUT /api/imports/upload': signedIn(importers, 'none', 'public'),
  'GET /api/exports': signedIn(signalReaders, 'records', 'public'),
  // A plan's file is read as plans.byId reads the plan: its roles, within countries and clearance.
  'GET /api/exports/plan': signedIn(assessmentReaders, 'records', 'public'),
});

export function policyFor(path: string): AccessPolicy | undefined {
  return Object.hasOwn(policies, path) ? policies[path] : undefined;
}
