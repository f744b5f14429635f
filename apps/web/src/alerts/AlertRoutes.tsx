import type { RouteProps } from '../app/routes.js';
import { RequireRoles } from '../auth/guards.js';
import { AlertInboxPage } from './AlertInboxPage.js';
import { AlertPage } from './AlertPage.js';
import { alertReaderRoles } from './alert-roles.js';
import { AlertRulePage } from './AlertRulePage.js';
import { AlertRulesPage } from './AlertRulesPage.js';
import './alerts.css';

/**
 * The early-warning pages, one chunk: the inbox, an alert, the rules and a rule with its
 * back-test. Nothing here is imported by shared code, so the capture route never loads it.
 */
export function AlertsRoute({ search }: RouteProps<'/alerts'>) {
  return (
    <RequireRoles roles={alertReaderRoles}>
      <AlertInboxPage search={search} />
    </RequireRoles>
  );
}

export function AlertRoute({ params }: RouteProps<'/alerts/$id'>) {
  return (
    <RequireRoles roles={alertReaderRoles}>
      <AlertPage key={params.id} id={params.id} />
    </RequireRoles>
  );
}

export function AlertRulesRoute() {
  return (
    <RequireRoles roles={alertReaderRoles}>
      <AlertRulesPage />
    </RequireRoles>
  );
}

export function AlertRuleRoute({ params }: RouteProps<'/alert-rules/$id'>) {
  return (
    <RequireRoles roles={alertReaderRoles}>
      <AlertRulePage key={params.id} id={params.id} />
    </RequireRoles>
  );
}
