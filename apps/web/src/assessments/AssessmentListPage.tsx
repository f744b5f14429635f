import { AssessmentStatus, type AssessmentForm } from '@prevention/assessment';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { RouteProps } from '../app/routes.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link, useNavigate } from '../router/Link.js';
import { useTRPC, useTRPCClient } from '../trpc/trpc.js';
import { formatDateTime, pillarChoices } from './labels.js';
import { useAssessmentForm } from './use-assessment-form.js';

/** Small pages: a slow link shows the first rows sooner. */
const pageSize = 10;

interface Filters {
  areaCode?: string;
  period?: string;
  status?: AssessmentStatus;
  pillar?: string;
  organisation?: string;
}

function filtersOf(search: Readonly<Record<string, string>>): Filters {
  const status = AssessmentStatus.safeParse(search.status);
  return {
    ...(search.area ? { areaCode: search.area.toUpperCase() } : {}),
    ...(search.period ? { period: search.period } : {}),
    ...(status.success ? { status: status.data } : {}),
    ...(search.pillar ? { pillar: search.pillar } : {}),
    ...(search.team ? { organisation: search.team } : {}),
  };
}

/** HQ's list of assessments, filtered by the address's query so a view can be shared. */
export function AssessmentListPage({ search }: RouteProps<'/assessments'>) {
  const { t } = useTranslation();
  const formState = useAssessmentForm();
  const filters = filtersOf(search);
  return (
    <section aria-labelledby="assessments-title">
      <h1 id="assessments-title">{t('assessments.title')}</h1>
      <FilterForm
        key={JSON.stringify(filters)}
        filters={filters}
        form={formState.status === 'ready' ? formState.form : null}
      />
      <AssessmentTable filters={filters} />
    </section>
  );
}

function FilterForm({ filters, form }: { filters: Filters; form: AssessmentForm | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState({
    area: filters.areaCode ?? '',
    period: filters.period ?? '',
    status: filters.status ?? '',
    pillar: filters.pillar ?? '',
    team: filters.organisation ?? '',
  });
  const ids = { area: useId(), period: useId(), status: useId(), pillar: useId(), team: useId() };
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate({ to: '/assessments', search: values });
  };
  return (
    <form className="filters" onSubmit={apply} aria-label={t('assessments.filters')}>
      <div className="field">
        <label htmlFor={ids.area}>{t('assessments.area')}</label>
        <input id={ids.area} value={values.area} onChange={set('area')} size={8} />
      </div>
      <div className="field">
        <label htmlFor={ids.period}>{t('assessments.period')}</label>
        <input id={ids.period} type="month" value={values.period} onChange={set('period')} />
      </div>
      <div className="field">
        <label htmlFor={ids.status}>{t('assessments.status')}</label>
        <select id={ids.status} value={values.status} onChange={set('status')}>
          <option value="">{t('assessments.any')}</option>
          {AssessmentStatus.options.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.pillar}>{t('assessments.pillar')}</label>
        <select id={ids.pillar} value={values.pillar} onChange={set('pillar')}>
          <option value="">{t('assessments.any')}</option>
          {form
            ? pillarChoices(form, i18n.language).map((pillar) => (
                <option key={pillar.id} value={pillar.id}>
                  {pillar.label}
                </option>
              ))
            : null}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.team}>{t('assessments.team')}</label>
        <input id={ids.team} value={values.team} onChange={set('team')} />
      </div>
      <div className="field">
        <button type="submit">{t('assessments.apply')}</button>
      </div>
    </form>
  );
}

function AssessmentTable({ filters }: { filters: Filters }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  // Pages are fetched with the plain client: tRPC's infinite-query helper adds a `direction`
  // to the input, which the list's strict input schema refuses.
  const list = useInfiniteQuery({
    queryKey: [...trpc.assessments.list.queryKey(filters), 'pages'],
    queryFn: ({ pageParam }) =>
      client.assessments.list.query({
        ...filters,
        limit: pageSize,
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  if (list.isPending) {
    return (
      <p role="status" className="muted">
        {t('common.loading')}
      </p>
    );
  }
  if (list.isError) {
    return (
      <div role="alert" className="error">
        <p>{t('common.loadFailed')}</p>
        <button type="button" onClick={() => void list.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  const items = list.data.pages.flatMap((page) => page.items);
  return (
    <>
      <p role="status" className="muted">
        {t('assessments.count', { count: items.length })}
      </p>
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="assessment-table">
            <thead>
              <tr>
                <th scope="col">{t('assessments.titleColumn')}</th>
                <th scope="col">{t('assessments.area')}</th>
                <th scope="col">{t('assessments.period')}</th>
                <th scope="col">{t('assessments.status')}</th>
                <th scope="col">{t('assessments.team')}</th>
                <th scope="col">{t('assessments.risks')}</th>
                <th scope="col">{t('assessments.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <Link to="/assessments/$id" params={{ id: item.id }}>
                      {item.title}
                    </Link>
                    {item.openConflicts > 0 ? (
                      <>
                        {' '}
                        <span className="state-badge state-conflict">
                          {t('assessments.openConflicts', { count: item.openConflicts })}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td>{item.areaCode}</td>
                  <td>{item.period}</td>
                  <td>
                    <span className={`status-badge status-${item.status}`}>
                      {t(`status.${item.status}`)}
                    </span>
                  </td>
                  <td>{item.organisations.join(', ')}</td>
                  <td>
                    {t('assessments.riskSummary', {
                      count: item.riskCount,
                      highest: item.highestRisk ?? '—',
                    })}
                  </td>
                  <td>
                    {formatDateTime(item.updatedAt, i18n.language)}
                    {item.updatedBy ? ` · ${item.updatedBy.name}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}
