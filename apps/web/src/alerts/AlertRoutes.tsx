import type { ReactNode } from 'react';
import type { RouteProps } from '../app/routes.js';
import { holdsRole, useSession } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
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
    <ForAlertReaders>
      <AlertInboxPage search={search} />
    </ForAlertReaders>
  );
}

export function AlertRoute({ params }: RouteProps<'/alerts/$id'>) {
  return (
    <ForAlertReaders>
      <AlertPage key={params.id} id={params.id} />
    </ForAlertReaders>
  );
}

export function AlertRulesRoute() {
  return (
    <ForAlertReaders>
      <AlertRulesPage />
    </ForAlertReaders>
  );
}

export function AlertRuleRoute({ params }: RouteProps<'/alert-rules/$id'>) {
  return (
    <ForAlertReaders>
      <AlertRulePage key={params.id} id={params.id} />
    </ForAlertReaders>
  );
}

/** The page for the roles that read alerts; the server checks every call all the same. */
function ForAlertReaders({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session || !holdsRole(session, alertReaderRoles)) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('errors.forbiddenTitle')}</h1>
        <p>{t('errors.FORBIDDEN')}</p>
      </section>
    );
  }
  return <>{children}</>;
}
