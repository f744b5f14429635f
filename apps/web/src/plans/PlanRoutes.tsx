import type { Role } from '@prevention/core';
import type { ReactNode } from 'react';
import type { RouteProps } from '../app/routes.js';
import { holdsRole, useSession } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
import { DecisionLogPage } from './DecisionLogPage.js';
import { PlanPage } from './PlanPage.js';
import { PlansPage } from './PlansPage.js';
import { decisionReaderRoles, planReaderRoles } from './plan-roles.js';
import './plans.css';

/**
 * The plan pages, one chunk: the list with what is due from the reader, a country's plan, and
 * the decision log. The planning package's analysis code comes with them, nowhere else.
 */
export function PlansRoute() {
  return (
    <ForRoles roles={planReaderRoles}>
      <PlansPage />
    </ForRoles>
  );
}

export function PlanRoute({ params }: RouteProps<'/plans/$id'>) {
  return (
    <ForRoles roles={planReaderRoles}>
      <PlanPage key={params.id} id={params.id} />
    </ForRoles>
  );
}

export function DecisionsRoute({ search }: RouteProps<'/decisions'>) {
  return (
    <ForRoles roles={decisionReaderRoles}>
      <DecisionLogPage countryCode={search.country} />
    </ForRoles>
  );
}

/** The page for the roles that read it; the server checks every call all the same. */
function ForRoles({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session || !holdsRole(session, roles)) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('errors.forbiddenTitle')}</h1>
        <p>{t('errors.FORBIDDEN')}</p>
      </section>
    );
  }
  return <>{children}</>;
}
