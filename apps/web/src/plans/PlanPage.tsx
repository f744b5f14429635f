import { findCountry } from '@prevention/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { QueryState } from '../app/QueryState.js';
import { useAreaNames } from '../i18n/area-names.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { ActionsSection } from './ActionsSection.js';
import { ContinuumMatrixTable } from './ContinuumMatrixTable.js';
import { GapPanel } from './GapPanel.js';
import { MoneySummary } from './MoneySummary.js';
import { OutcomesSection } from './OutcomesSection.js';
import { PlanEditor } from './PlanEditor.js';
import { PlanLifecycle } from './PlanLifecycle.js';
import { planFormat } from './plan-format.js';
import { usePlanStrings } from './plan-strings.js';
import { AccountabilitySection } from './AccountabilitySection.js';
import { ReportForm } from './ReportForm.js';
import { reporterRoles } from './plan-roles.js';
import { holdsRole, useSession } from '../auth/session.js';
import { WomenPeaceSecurity } from './WomenPeaceSecurity.js';

/**
 * `/plans/$id`: a country's plan as a planner reads it — the money pledged, committed and
 * disbursed and the gaps, the risks no action addresses, the pillars × stages matrix, the
 * outcomes and actions, who leads what and what is late — and, for its team lead, the editor.
 * It prints as the plan's paper version.
 */
export function PlanPage({ id }: { id: string }) {
  const { i18n } = useTranslation();
  const p = usePlanStrings();
  const trpc = useTRPC();
  const names = useAreaNames();
  const { session } = useSession();
  const plan = useQuery(trpc.plans.byId.queryOptions({ id }));
  const analysis = useQuery(trpc.plans.analysis.queryOptions({ id }));
  const organisations = useQuery({
    ...trpc.plans.organisations.queryOptions(),
    staleTime: 10 * 60_000,
  });
  const format = useMemo(() => planFormat(i18n.language), [i18n.language]);
  const organisationName = useMemo(() => {
    const byId = new Map((organisations.data ?? []).map((o) => [o.id, o]));
    return (organisationId: string) => {
      const organisation = byId.get(organisationId);
      return organisation ? (organisation.acronym ?? organisation.name) : p('unknownOrganisation');
    };
  }, [organisations.data, p]);

  return (
    <article aria-labelledby="plan-title" className="plan-page">
      <ul className="page-links no-print">
        <li>
          <Link to="/plans">{p('page.backToPlans')}</Link>
        </li>
        {plan.data ? (
          <li>
            <Link to="/risk/$areaCode" params={{ areaCode: plan.data.countryCode }}>
              {p('page.countryRisk')}
            </Link>
          </li>
        ) : null}
        {(['csv', 'iati'] as const).map((format) => (
          <li key={format}>
            <a href={`/api/exports/plan?id=${encodeURIComponent(id)}&format=${format}`} download>
              {p(`page.download.${format}`)}
            </a>
          </li>
        ))}
        <li>
          <button type="button" className="link-button" onClick={() => window.print()}>
            {p('page.print')}
          </button>
        </li>
      </ul>
      <QueryState query={plan}>
        {(detail) => {
          const country = names.country(
            detail.countryCode,
            findCountry(detail.countryCode)?.name ?? detail.countryCode,
          );
          return (
            <>
              <h1 id="plan-title">{detail.content.title}</h1>
              <p className="plan-meta">
                {p('page.meta', {
                  country,
                  start: detail.startYear,
                  end: detail.endYear,
                  revision: detail.revision,
                })}{' '}
                <span className={`plan-status plan-status-${detail.status}`}>
                  {p(`status.${detail.status}`)}
                </span>
              </p>
              <PlanLifecycle plan={detail} />
              <QueryState query={analysis}>
                {(figures) => (
                  <>
                    <MoneySummary totals={figures.financing.plan} format={format} />
                    <GapPanel
                      plan={detail}
                      analysis={figures}
                      format={format}
                      organisationName={organisationName}
                    />
                    <ContinuumMatrixTable
                      plan={detail}
                      matrix={figures.gaps.matrix}
                      format={format}
                    />
                    <OutcomesSection plan={detail} analysis={figures} format={format} />
                    <ActionsSection
                      plan={detail}
                      analysis={figures}
                      format={format}
                      organisationName={organisationName}
                    />
                    <AccountabilitySection
                      plan={detail}
                      analysis={figures}
                      format={format}
                      organisationName={organisationName}
                    />
                    <WomenPeaceSecurity analysis={figures} format={format} />
                    {detail.status === 'active' && holdsRole(session, reporterRoles) ? (
                      <ReportForm plan={detail} today={figures.today} />
                    ) : null}
                    {detail.mayEdit ? (
                      <PlanEditor
                        plan={detail}
                        analysis={figures}
                        organisations={organisations.data ?? []}
                      />
                    ) : null}
                  </>
                )}
              </QueryState>
            </>
          );
        }}
      </QueryState>
    </article>
  );
}
