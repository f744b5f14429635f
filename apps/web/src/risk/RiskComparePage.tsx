import type { RouterOutputs } from '@prevention/api';
import { findCountry } from '@prevention/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { QueryState } from '../app/QueryState.js';
import { useAreaNames } from '../i18n/area-names.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link, useNavigate } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { comparisonRows, monthsOf, pillarsOf } from './compare-rows.js';
import { compareSearchOf, type CompareSelection } from './compare-search.js';
import { planComparison, type AreaRequest, type ModelVersion } from './compare-selection.js';
import { CompareControls } from './CompareControls.js';
import { CompareTable, type ColumnHead } from './CompareTable.js';
import { figuresOfModel, modelDefinitionOf, versionTitleOf } from './model-definitions.js';
import { legendOf } from './risk-classes.js';
import { riskFormat } from './risk-format.js';
import { RiskPatterns } from './RiskLegend.js';
import { TrendChart } from './TrendChart.js';
import { useRiskStrings } from './risk-strings.js';

type AreaAnswer = RouterOutputs['risk']['area'];

/**
 * Every column's area under its version, as one query: the page shows them together or not at
 * all, and while a column is added it keeps showing the comparison it has, kind and all. Each
 * area's answer is cached on its own, so adding a country loads only that one.
 */
function useComparedAreas(kind: CompareSelection['kind'], requests: readonly AreaRequest[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['risk', 'compare', kind, requests],
    queryFn: async () => ({
      kind,
      columns: await Promise.all(
        requests.map(async (request) => ({
          request,
          area: await queryClient.fetchQuery(
            trpc.risk.area.queryOptions({
              areaCode: request.areaCode,
              ...(request.modelVersionId ? { modelVersionId: request.modelVersionId } : {}),
            }),
          ),
        })),
      ),
    }),
    enabled: requests.length > 0,
    placeholderData: keepPreviousData,
  });
}

/**
 * `/risk/compare`: countries side by side under one model version, or one country under two
 * versions with what B changes; for one month (the newest by default), as a table and a trend
 * chart per column.
 */
export function RiskComparePage({ selection }: { selection: CompareSelection }) {
  const r = useRiskStrings();
  const trpc = useTRPC();
  const models = useQuery(trpc.risk.models.queryOptions());
  return (
    <article aria-labelledby="risk-compare-title" className="risk-page">
      <RiskPatterns />
      <ul className="page-links">
        <li>
          <Link to="/risk">{r('risk.backToOverview')}</Link>
        </li>
      </ul>
      <h1 id="risk-compare-title">{r('risk.compare.title')}</h1>
      <QueryState query={models}>
        {(versions) => <Comparison asked={selection} models={versions} />}
      </QueryState>
    </article>
  );
}

function Comparison({
  asked,
  models,
}: {
  asked: CompareSelection;
  models: readonly ModelVersion[];
}) {
  const navigate = useNavigate();
  const { selection, requests } = planComparison(asked, models);
  const areas = useComparedAreas(selection.kind, requests);
  const months = monthsOf(areas.data?.columns.map((column) => column.area.series) ?? []);
  const change = (next: CompareSelection) =>
    navigate({ to: '/risk/compare', search: compareSearchOf(next) });

  return (
    <>
      <CompareControls
        selection={selection}
        models={models}
        months={requests.length ? months : []}
        onChange={change}
      />
      {requests.length ? (
        <QueryState query={areas}>
          {({ kind, columns }) => (
            <ComparisonBody
              columns={columns}
              kind={kind}
              month={
                selection.month && months.includes(selection.month) ? selection.month : months[0]
              }
            />
          )}
        </QueryState>
      ) : null}
    </>
  );
}

function ComparisonBody({
  columns,
  kind,
  month,
}: {
  columns: readonly { request: AreaRequest; area: AreaAnswer }[];
  kind: CompareSelection['kind'];
  month: string | undefined;
}) {
  const { i18n } = useTranslation();
  const r = useRiskStrings();
  const names = useAreaNames();
  const format = useMemo(() => riskFormat(i18n.language), [i18n.language]);
  const shown = columns.map(({ request, area }, index) => {
    const definition = modelDefinitionOf(area.model.modelId);
    const rootId = definition?.root.id ?? area.model.modelId;
    const summary = area.series.find((entry) => entry.month === month);
    const head: ColumnHead = {
      key: `${request.areaCode}-${area.model.id}`,
      areaCode: request.areaCode,
      name: names.country(
        request.areaCode,
        findCountry(request.areaCode)?.name ?? request.areaCode,
      ),
      position:
        kind === 'versions'
          ? r(index === 0 ? 'risk.compare.versionA' : 'risk.compare.versionB')
          : undefined,
      modelLabel: `${versionTitleOf(area.model, i18n.language)} (${area.model.version})`,
      modelVersionId: area.model.id,
      legend: definition ? legendOf(definition.classes, i18n.language) : [],
      hasProfile: summary !== undefined,
    };
    return {
      head,
      area,
      figures: figuresOfModel(definition, rootId, i18n.language),
      column: { summary, rootId, classes: definition?.classes ?? [] },
    };
  });
  if (!month || shown.every(({ head }) => !head.hasProfile)) {
    return (
      <p className="notice" role="status">
        {r('risk.compare.empty')}
      </p>
    );
  }
  const rows = comparisonRows(
    shown.map(({ column }) => column),
    pillarsOf(shown.map(({ figures }) => figures)),
    { difference: kind === 'versions' },
  );

  return (
    <>
      <CompareTable
        heads={shown.map(({ head }) => head)}
        rows={rows}
        month={format.month(month)}
        format={format}
      />
      <section aria-labelledby="compare-trend-title" className="region">
        <h2 id="compare-trend-title">{r('risk.trendTitle')}</h2>
        <div className="compare-charts">
          {shown.map(({ head, area, figures }) => (
            <div key={head.key}>
              <h3>
                {head.position ? (
                  <>
                    <span className="compare-position">{head.position}</span> {head.modelLabel}
                  </>
                ) : (
                  head.name
                )}
              </h3>
              <TrendChart
                series={area.series}
                figures={figures}
                legend={head.legend}
                format={format}
              />
            </div>
          ))}
        </div>
      </section>
    </>
  );
}
