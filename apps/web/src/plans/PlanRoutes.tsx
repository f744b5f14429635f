import type { RouteProps } from '../app/routes.js';
import { RequireRoles } from '../auth/guards.js';
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
    <RequireRoles roles={planReaderRoles}>
      <PlansPage />
    </RequireRoles>
  );
}

export function PlanRoute({ params }: RouteProps<'/plans/$id'>) {
  return (
    <RequireRoles roles={planReaderRoles}>
      <PlanPage key={params.id} id={params.id} />
    </RequireRoles>
  );
}

export function DecisionsRoute({ search }: RouteProps<'/decisions'>) {
  return (
    <RequireRoles roles={decisionReaderRoles}>
      <DecisionLogPage countryCode={search.country} />
    </RequireRoles>
  );
}
