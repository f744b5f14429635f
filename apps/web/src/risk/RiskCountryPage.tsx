import { findCountry } from '@prevention/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { QueryState } from '../app/QueryState.js';
import { useAreaNames } from '../i18n/area-names.js';
import { useTranslation } from '../i18n/i18n.js';
import { Link } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import { CompareLink } from './CompareLink.js';
import { FieldJudgements } from './FieldJudgements.js';
import { figuresOfModel, modelDefinitionOf } from './model-definitions.js';
import { legendOf, noDataClass } from './risk-classes.js';
import { riskFormat } from './risk-format.js';
import { RiskPatterns } from './RiskLegend.js';
import { buildScoreTree, flatScoreTree } from './score-tree.js';
import { SubnationalAreas } from './SubnationalAreas.js';
import { ScoreTree } from './ScoreTree.js';
import { TrendChart } from './TrendChart.js';
import { useRiskStrings } from './risk-strings.js';
import { openAlertsText, useOpenAlertCounts } from './open-alerts.js';

/**
 * `/risk/$areaCode`: one country's risk — the composite and its pillars over the months, and
 * the score tree of one month (the newest by default) with what drives each part, and beside
 * them the field's judgement in its endorsed joint assessments.
 */
export function RiskCountryPage({
  areaCode,
  model,
}: {
  areaCode: string;
  model: string | undefined;
}) {
  const { i18n } = useTranslation();
  const r = useRiskStrings();
  const trpc = useTRPC();
  const names = useAreaNames();
  const [month, setMonth] = useState('');
  const area = useQuery({
    ...trpc.risk.area.queryOptions({
      areaCode,
      ...(model ? { modelVersionId: model } : {}),
      ...(month ? { month } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const country = findCountry(areaCode);
  const name = names.country(areaCode, country?.name ?? areaCode);
  const format = useMemo(() => riskFormat(i18n.language), [i18n.language]);
  const monthId = useId();

  return (
    <article aria-labelledby="risk-country-title" className="risk-page">
      <RiskPatterns />
      <ul className="page-links">
        <li>
          <Link to="/risk" search={{ model }}>
            {r('risk.backToOverview')}
          </Link>
        </li>
        {country ? (
          <li>
            <Link to="/countries/$code" params={{ code: country.code }}>
              {r('risk.aboutCountry', { country: name })}
            </Link>
          </li>
        ) : null}
        <CompareLink areaCode={areaCode} model={model} />
        <OpenAlertsLink countryCode={country?.code} />
      </ul>
      <h1 id="risk-country-title">{r('risk.countryTitle', { country: name })}</h1>
      <QueryState query={area}>
        {(data) => {
          const definition = modelDefinitionOf(data.model.modelId);
          const rootId = definition?.root.id ?? data.profile?.root ?? data.model.modelId;
          const figures = figuresOfModel(definition, rootId, i18n.language);
          const legend = definition ? legendOf(definition.classes, i18n.language) : [];
          const latest = data.series.at(-1);
          const judgements = (
            <FieldJudgements judgements={data.fieldJudgements} legend={legend} format={format} />
          );
          if (!latest && !data.profile)
            return (
              <>
                <p className="notice">{r('risk.noProfile')}</p>
                {judgements}
              </>
            );
          const tree = data.profile
            ? definition
              ? buildScoreTree(definition, data.profile, i18n.language)
              : flatScoreTree(data.profile, definition)
            : null;
          const classLabel = (id: string | null) =>
            legend.find((entry) => entry.id === (id ?? noDataClass))?.label ?? r('risk.noData');
          return (
            <>
              <p className="muted">
                {data.model.title} ({data.model.version})
                {latest
                  ? ` · ${r('risk.latest', {
                      month: format.month(latest.month),
                      score: format.score(latest.score),
                      class: classLabel(latest.class),
                    })}`
                  : ''}
              </p>
              {judgements}
              <section aria-labelledby="risk-trend-title" className="region">
                <h2 id="risk-trend-title">{r('risk.trendTitle')}</h2>
                <TrendChart
                  series={data.series}
                  figures={figures}
                  legend={legend}
                  format={format}
                />
              </section>
              <section aria-labelledby="risk-tree-title" className="region">
                <h2 id="risk-tree-title">
                  {r('risk.treeTitle', {
                    month: data.profile ? format.month(data.profile.month) : '',
                  })}
                </h2>
                <div className="field">
                  <label htmlFor={monthId}>{r('risk.month')}</label>
                  <select
                    id={monthId}
                    value={data.profile?.month ?? ''}
                    onChange={(event) => setMonth(event.target.value)}
                  >
                    {[...data.series].reverse().map((summary) => (
                      <option key={summary.month} value={summary.month}>
                        {format.month(summary.month)}
                      </option>
                    ))}
                  </select>
                </div>
                <p className="hint">{r('risk.treeHint')}</p>
                {tree ? (
                  <ScoreTree
                    root={tree}
                    legend={legend}
                    format={format}
                    observations={
                      data.profile
                        ? { areaCode, month: data.profile.month, modelVersionId: data.model.id }
                        : undefined
                    }
                  />
                ) : (
                  <p className="notice">{r('risk.noProfile')}</p>
                )}
              </section>
              {country && data.profile ? (
                <SubnationalAreas
                  countryCode={country.code}
                  countryName={name}
                  month={data.profile.month}
                  profiles={data.subnational}
                  definition={definition}
                  legend={legend}
                  format={format}
                  model={data.model.id}
                />
              ) : null}
            </>
          );
        }}
      </QueryState>
    </article>
  );
}

/** The country's open alerts as a badge, leading to the inbox filtered to the country. */
function OpenAlertsLink({ countryCode }: { countryCode: string | undefined }) {
  const r = useRiskStrings();
  const counts = useOpenAlertCounts();
  const count = countryCode ? counts.get(countryCode) : undefined;
  if (!countryCode || !count || count.open === 0) return null;
  return (
    <li>
      <Link to="/alerts" search={{ country: countryCode }} data-testid="open-alerts">
        <span className={`alert-badge alert-badge-${count.highestLevel}`}>
          {openAlertsText(r, count)}
        </span>{' '}
        {r('risk.alerts.link')}
      </Link>
    </li>
  );
}
