import { countries } from '@prevention/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { QueryState } from '../app/QueryState.js';
import { useAreaNames } from '../i18n/area-names.js';
import { useTranslation, type TFunction } from '../i18n/i18n.js';
import { Link, useNavigate } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { figuresOfModel, modelDefinitionOf } from './model-definitions.js';
import {
  figuresOf,
  highest,
  overviewRows,
  risingFastest,
  type OverviewRow,
} from './overview-rows.js';
import { fillOf, legendOf, noDataClass, type LegendEntry } from './risk-classes.js';
import { MonthSelect } from './MonthSelect.js';
import { riskFormat, type RiskFormat } from './risk-format.js';
import { noDataPattern, RiskLegend, RiskPatterns } from './RiskLegend.js';
import { RiskTable } from './RiskTable.js';
import { monthsBetween } from './trend-scale.js';
import type { MapCountry } from './WorldMap.js';
import { useRiskStrings } from './risk-strings.js';
import { openAlertsText, useOpenAlertCounts } from './open-alerts.js';
import type { CountryAlertCount } from '../alerts/alert-types.js';

/** The map and its geometry are a chunk of their own, loaded after the table's data. */
const WorldMap = lazy(() => import('./WorldMap.js').then((m) => ({ default: m.WorldMap })));
const mapCoverage = () => import('./WorldMap.js').then((m) => m.mapCoverage);

type Overview = ReturnType<typeof useOverview>['data'];

function useOverview(modelVersionId: string, month: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.risk.overview.queryOptions({
      ...(modelVersionId ? { modelVersionId } : {}),
      ...(month ? { month } : {}),
    }),
    // The page keeps showing the month it has while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** `/risk`: every country's risk for one month, on a world map and in a table. */
export function RiskOverviewPage({ initialModel }: { initialModel: string | undefined }) {
  const r = useRiskStrings();
  const trpc = useTRPC();
  const models = useQuery(trpc.risk.models.queryOptions());
  const [modelVersionId, setModelVersionId] = useState(initialModel ?? '');
  const [month, setMonth] = useState('');
  const overview = useOverview(modelVersionId, month);
  const ids = { model: useId(), month: useId() };
  const globalModels = (models.data ?? []).filter((model) => model.countryCode === null);

  return (
    <section aria-labelledby="risk-title" className="risk-page">
      <RiskPatterns />
      <h1 id="risk-title">{r('risk.overviewTitle')}</h1>
      <p className="hint">{r('risk.intro')}</p>
      <ul className="page-links">
        <li>
          <Link to="/risk/compare" search={{ model: modelVersionId }}>
            {r('risk.compare.link')}
          </Link>
        </li>
      </ul>
      <QueryState query={overview}>
        {(data) => (
          <>
            <fieldset className="filters risk-controls">
              <legend>{r('risk.controls')}</legend>
              <div className="field">
                <label htmlFor={ids.model}>{r('risk.model')}</label>
                <select
                  id={ids.model}
                  value={data.model.id}
                  onChange={(event) => {
                    setModelVersionId(event.target.value);
                    setMonth('');
                  }}
                >
                  {(globalModels.length ? globalModels : [data.model]).map((model) => (
                    <option key={model.id} value={model.id}>
                      {model.title} ({model.version})
                    </option>
                  ))}
                </select>
              </div>
              {data.month ? (
                <MonthSelect
                  id={ids.month}
                  months={monthsBetween(data.range.from, data.range.to).reverse()}
                  month={data.month}
                  onChange={setMonth}
                />
              ) : null}
            </fieldset>
            {data.month ? (
              <OverviewBody data={data} month={data.month} />
            ) : (
              <p className="notice" role="status">
                {r('risk.noMonth')}
              </p>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function OverviewBody({ data, month }: { data: NonNullable<Overview>; month: string }) {
  const { i18n } = useTranslation();
  const r = useRiskStrings();
  const names = useAreaNames();
  const navigate = useNavigate();
  const format = useMemo(() => riskFormat(i18n.language), [i18n.language]);
  const definition = modelDefinitionOf(data.model.modelId);
  const rootId = definition?.root.id ?? data.model.modelId;
  const figures = useMemo(
    () => figuresOfModel(definition, rootId, i18n.language),
    [definition, rootId, i18n.language],
  );
  const [shownId, setShownId] = useState(rootId);
  const shown = figures.find((figure) => figure.id === shownId) ?? figures[0];
  const legend = useMemo(
    () => (definition ? legendOf(definition.classes, i18n.language) : []),
    [definition, i18n.language],
  );
  const rows = useMemo(
    () =>
      overviewRows(
        countries.map((country) => ({
          code: country.code,
          name: names.country(country.code, country.name),
        })),
        data.countries,
        figures.map((figure) => figure.id),
        definition?.classes ?? [],
      ),
    [data.countries, names, figures, definition],
  );
  const shownFigure = shown?.id ?? rootId;
  const openAlerts = useOpenAlertCounts();
  const mapCountries = useMemo(
    () =>
      [...rows]
        .sort((a, b) => names.compare(a.name, b.name))
        .map((row) =>
          mapCountryOf(row, shownFigure, legend, format, r, openAlerts.get(row.areaCode)),
        ),
    [rows, shownFigure, legend, format, r, names, openAlerts],
  );
  const modelSearch = { model: data.model.id };
  const open = (areaCode: string) =>
    navigate({ to: '/risk/$areaCode', params: { areaCode }, search: modelSearch });
  const monthLabel = format.month(month);

  return (
    <>
      <fieldset className="risk-figure-choice">
        <legend>{r('risk.shown')}</legend>
        {figures.map((figure) => (
          <label key={figure.id} className="choice">
            <input
              type="radio"
              name="risk-figure"
              value={figure.id}
              checked={figure.id === shownFigure}
              onChange={() => setShownId(figure.id)}
            />
            {figure.title}
          </label>
        ))}
      </fieldset>
      <div className="risk-map-layout">
        <figure className="risk-map-figure">
          <Suspense
            fallback={
              <p role="status" className="muted">
                {r('risk.mapLoading')}
              </p>
            }
          >
            <WorldMap
              title={r('risk.mapTitle', { figure: shown?.title ?? '', month: monthLabel })}
              help={r('risk.mapHelp')}
              countries={mapCountries}
              noDataPattern={noDataPattern}
              noDataClass={noDataClass}
              onOpen={open}
            />
          </Suspense>
          <figcaption className="hint">
            {r('risk.disclaimer')} <SmallStatesNote rows={rows} />
          </figcaption>
        </figure>
        <RiskLegend figure={shown?.title ?? ''} legend={legend} format={format} />
      </div>
      <div className="risk-short-lists">
        <ShortList
          title={r('risk.risingTitle')}
          empty={r('risk.risingEmpty')}
          rows={risingFastest(rows, shownFigure)}
          value={(row) => format.change(figuresOf(row, shownFigure).change3)}
          search={modelSearch}
        />
        <ShortList
          title={r('risk.highestTitle')}
          empty={r('risk.highestEmpty')}
          rows={highest(rows, shownFigure)}
          value={(row) => format.score(figuresOf(row, shownFigure).score)}
          search={modelSearch}
        />
      </div>
      <RiskTable
        rows={rows}
        figures={figures}
        legend={legend}
        month={monthLabel}
        format={format}
        search={modelSearch}
      />
    </>
  );
}

/** Which member states the map has no shape for: said once the map's chunk has loaded. */
function SmallStatesNote({ rows }: { rows: readonly OverviewRow[] }) {
  const r = useRiskStrings();
  const coverage = useQuery({
    queryKey: ['risk', 'map-coverage'],
    queryFn: mapCoverage,
    staleTime: Infinity,
  });
  if (!coverage.data) return null;
  const missing = new Set(coverage.data.withoutShape);
  const list = rows.filter((row) => missing.has(row.areaCode)).map((row) => row.name);
  return <>{r('risk.smallStates', { count: list.length, names: list.join(', ') })}</>;
}

function ShortList({
  title,
  empty,
  rows,
  value,
  search,
}: {
  title: string;
  empty: string;
  rows: readonly OverviewRow[];
  value: (row: OverviewRow) => string;
  search: { model: string };
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="region">
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol>
          {rows.map((row) => (
            <li key={row.areaCode}>
              <Link to="/risk/$areaCode" params={{ areaCode: row.areaCode }} search={search}>
                {row.name}
              </Link>{' '}
              <span className="figure">{value(row)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function mapCountryOf(
  row: OverviewRow,
  figureId: string,
  legend: readonly LegendEntry[],
  format: RiskFormat,
  r: TFunction,
  alerts: CountryAlertCount | undefined,
): MapCountry {
  const figures = figuresOf(row, figureId);
  const classLabel =
    legend.find((entry) => entry.id === figures.classId)?.label ?? r('risk.noData');
  const alertLine = alerts && alerts.open > 0 ? [openAlertsText(r, alerts)] : [];
  const lines = [
    ...(figures.score === null
      ? [r('risk.noData')]
      : [
          `${r('risk.score')}: ${format.score(figures.score)}`,
          `${r('risk.class')}: ${classLabel}`,
          `${r('risk.change3')}: ${format.change(figures.change3)}`,
          `${r('risk.completeness')}: ${format.share(figures.completeness)}`,
        ]),
    ...alertLine,
  ];
  return {
    areaCode: row.areaCode,
    classId: figures.classId,
    fill: fillOf(figures.classId, legend),
    name: row.name,
    lines,
    badge: alertLine.length > 0 && alerts ? format.whole(alerts.open) : undefined,
    label:
      figures.score === null && alertLine.length === 0
        ? r('risk.countryNoData', { name: row.name })
        : r('risk.countryLabel', { name: row.name, figures: lines.join(', ') }),
  };
}
