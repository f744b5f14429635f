import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../i18n/i18n.js';
import { QueryState } from '../app/QueryState.js';
import { useAreaNames } from '../i18n/area-names.js';
import { useTRPC } from '../trpc/trpc.js';
import { Link } from '../router/Link.js';
import type { RouteProps } from '../app/routes.js';

export function CountryRoute({ params }: RouteProps<'/countries/$code'>) {
  return <CountryPage code={params.code} />;
}

export function CountryPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const names = useAreaNames();
  const country = useQuery(trpc.areas.byCode.queryOptions({ code }));
  const subnational = useQuery(trpc.areas.list.queryOptions({ parentCode: code }));

  return (
    <QueryState query={country}>
      {(area) => (
        <article aria-labelledby="country-title">
          <p>
            <Link to="/">{t('common.backToCountries')}</Link>
          </p>
          <h1 id="country-title">{names.country(area.code, area.name)}</h1>
          <dl className="facts">
            <dt>{t('country.code')}</dt>
            <dd>{area.code}</dd>
            <dt>{t('country.region')}</dt>
            <dd>{names.region(area.region.code, area.region.name)}</dd>
            <dt>{t('country.subRegion')}</dt>
            <dd>{names.region(area.subRegion.code, area.subRegion.name)}</dd>
          </dl>
          <h2>{t('country.subnationalTitle')}</h2>
          <QueryState query={subnational}>
            {(units) =>
              units.length === 0 ? (
                <p className="muted">{t('country.noSubnational')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('country.pcode')}</th>
                      <th scope="col">{t('country.subnationalTitle')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {units.map((unit) => (
                      <tr key={unit.code}>
                        <td>{unit.code}</td>
                        <td>{unit.name}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </QueryState>
        </article>
      )}
    </QueryState>
  );
}
