import type { RouteProps } from '../app/routes.js';
import { RequireRoles } from '../auth/guards.js';
import { parseCompareSearch } from './compare-search.js';
import { RiskComparePage } from './RiskComparePage.js';
import { RiskCountryPage } from './RiskCountryPage.js';
import { RiskOverviewPage } from './RiskOverviewPage.js';
import { riskReaderRoles } from './risk-roles.js';
import './risk.css';

/**
 * The risk pages, one chunk: the world overview, a country's risk and the comparison. One module, so that the
 * risk package's model trees they share stay out of the shared chunk the capture route loads;
 * the map and its geometry are a further chunk, loaded by the overview.
 */
export function RiskOverviewRoute({ search }: RouteProps<'/risk'>) {
  return (
    <RequireRoles roles={riskReaderRoles}>
      <RiskOverviewPage initialModel={search.model} />
    </RequireRoles>
  );
}

export function RiskCountryRoute({ params, search }: RouteProps<'/risk/$areaCode'>) {
  return (
    <RequireRoles roles={riskReaderRoles}>
      <RiskCountryPage key={params.areaCode} areaCode={params.areaCode} model={search.model} />
    </RequireRoles>
  );
}

export function RiskCompareRoute({ search }: RouteProps<'/risk/compare'>) {
  return (
    <RequireRoles roles={riskReaderRoles}>
      <RiskComparePage selection={parseCompareSearch(search)} />
    </RequireRoles>
  );
}
