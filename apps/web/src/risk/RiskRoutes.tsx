import type { ReactNode } from 'react';
import type { RouteProps } from '../app/routes.js';
import { holdsRole, useSession } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
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
    <ForRiskReaders>
      <RiskOverviewPage initialModel={search.model} />
    </ForRiskReaders>
  );
}

export function RiskCountryRoute({ params, search }: RouteProps<'/risk/$areaCode'>) {
  return (
    <ForRiskReaders>
      <RiskCountryPage key={params.areaCode} areaCode={params.areaCode} model={search.model} />
    </ForRiskReaders>
  );
}

export function RiskCompareRoute({ search }: RouteProps<'/risk/compare'>) {
  return (
    <ForRiskReaders>
      <RiskComparePage selection={parseCompareSearch(search)} />
    </ForRiskReaders>
  );
}

/** The page for the roles that read risk; the server checks every call all the same. */
function ForRiskReaders({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session || !holdsRole(session, riskReaderRoles)) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t('errors.forbiddenTitle')}</h1>
        <p>{t('errors.FORBIDDEN')}</p>
      </section>
    );
  }
  return <>{children}</>;
}
