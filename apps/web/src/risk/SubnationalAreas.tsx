import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { holdsRole, useSession } from '../auth/session.js';
import { importerRoles } from '../data/data-roles.js';
import { useAreaNames } from '../i18n/area-names.js';
import { Link, useNavigate } from '../router/Link.js';
import { useTRPC } from '../trpc/trpc.js';
import type { modelDefinitionOf } from './model-definitions.js';
import { noDataClass, type LegendEntry } from './risk-classes.js';
import type { RiskFormat } from './risk-format.js';
import { ClassSwatch, noDataPattern, RiskLegend } from './RiskLegend.js';
import { useRiskStrings } from './risk-strings.js';
import { subnationalRows } from './subnational-rows.js';

/** The map and d3-geo are a chunk of their own, loaded only where outlines exist. */
const SubnationalMap = lazy(() =>
  import('./SubnationalMap.js').then((m) => ({ default: m.SubnationalMap })),
);

interface SubnationalAreasProps {
  countryCode: string;
  countryName: string;
  month: string;
  /** The profiles of the country's sub-national areas in the month (`risk.area`'s). */
  profiles: readonly { areaCode: string; score: number | null; class: string | null }[];
  definition: ReturnType<typeof modelDefinitionOf>;
  legend: readonly LegendEntry[];
  format: RiskFormat;
  model: string;
}

/**
 * A country's sub-national areas with their composite score and class of the month: a table,
 * and a choropleth of the same classes as the world map where outlines have been imported;
 * where none has been, a note that says so (with the way to the imports page for importers).
 */
export function SubnationalAreas(props: SubnationalAreasProps) {
  const t = useRiskStrings();
  const trpc = useTRPC();
  const names = useAreaNames();
  const navigate = useNavigate();
  const { session } = useSession();
  const units = useQuery(trpc.areas.list.queryOptions({ parentCode: props.countryCode }));
  const boundaries = useQuery(
    trpc.areas.boundaries.queryOptions({ countryCode: props.countryCode }),
  );
  const outlines = useMemo(() => boundaries.data?.areas ?? [], [boundaries.data]);
  const monthLabel = props.format.month(props.month);
  const rows = useMemo(
    () =>
      subnationalRows(
        (units.data ?? []).map((unit) => ({ code: unit.code, name: unit.name })),
        props.profiles,
        new Set(outlines.map((outline) => outline.areaCode)),
        props.definition?.classes ?? [],
        props.legend,
        {
          noData: t('subnational.noData'),
          score: t('subnational.score'),
          class: t('subnational.class'),
          label: (name, figures) => t('subnational.areaLabel', { name, figures }),
          labelNoData: (name) => t('subnational.areaNoData', { name }),
          formatScore: props.format.score,
        },
        names.compare,
      ),
    [units.data, props.profiles, outlines, props.definition, props.legend, props.format, t, names],
  );
  const open = (areaCode: string) =>
    navigate({ to: '/risk/$areaCode', params: { areaCode }, search: { model: props.model } });
  const withoutOutline = rows.filter((row) => !row.hasOutline).map((row) => row.name);

  return (
    <section aria-labelledby="risk-subnational-title" className="region">
      <h2 id="risk-subnational-title">{t('subnational.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{units.isPending ? '…' : t('subnational.none')}</p>
      ) : (
        <>
          <p className="hint">{t('subnational.intro', { month: monthLabel })}</p>
          <table className="subnational-table">
            <caption>
              {t('subnational.caption', { country: props.countryName, month: monthLabel })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('subnational.area')}</th>
                <th scope="col">{t('subnational.pcode')}</th>
                <th scope="col">{t('subnational.score')}</th>
                <th scope="col">{t('subnational.class')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.areaCode} data-area={row.areaCode} data-class={row.classId}>
                  <th scope="row">
                    <Link
                      to="/risk/$areaCode"
                      params={{ areaCode: row.areaCode }}
                      search={{ model: props.model }}
                    >
                      {row.name}
                    </Link>
                  </th>
                  <td>{row.areaCode}</td>
                  <td className="figure">{props.format.score(row.score)}</td>
                  <td>
                    <ClassSwatch classId={row.classId} fill={row.fill} /> {row.classLabel}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {outlines.length > 0 ? (
        <div className="risk-map-layout">
          <figure className="risk-map-figure">
            <Suspense
              fallback={
                <p role="status" className="muted">
                  {t('subnational.mapLoading')}
                </p>
              }
            >
              <SubnationalMap
                title={t('subnational.mapTitle', {
                  country: props.countryName,
                  month: monthLabel,
                })}
                help={t('subnational.mapHelp')}
                areas={rows}
                outlines={outlines}
                noDataPattern={noDataPattern}
                noDataClass={noDataClass}
                onOpen={open}
              />
            </Suspense>
            <figcaption className="hint">
              {t('subnational.source')}{' '}
              {withoutOutline.length > 0
                ? t('subnational.notOnMap', { names: withoutOutline.join(', ') })
                : ''}
            </figcaption>
          </figure>
          <RiskLegend
            figure={t('subnational.legendFigure')}
            legend={props.legend}
            format={props.format}
          />
        </div>
      ) : boundaries.isSuccess ? (
        <p className="notice">
          {t('subnational.noBoundaries')}{' '}
          {session && holdsRole(session, importerRoles) ? (
            <Link to="/data/imports">{t('subnational.importLink')}</Link>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
