import type { RouterOutputs } from '@prevention/api';
import { m49Groups } from '@prevention/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { QueryState } from '../app/QueryState.js';
import { useAreaNames } from '../i18n/area-names.js';
import { useTRPC } from '../trpc/trpc.js';
import { Link } from '../router/Link.js';

type Area = RouterOutputs['areas']['list'][number];

interface RegionGroup {
  code: string;
  name: string;
  subRegions: { code: string; name: string; countries: { code: string; name: string }[] }[];
  count: number;
}

export function CountriesPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const countries = useQuery(trpc.areas.list.queryOptions({ kind: 'country' }));

  return (
    <section aria-labelledby="countries-title">
      <h1 id="countries-title">{t('countries.title')}</h1>
      <QueryState query={countries}>{(data) => <CountryDirectory countries={data} />}</QueryState>
    </section>
  );
}

function CountryDirectory({ countries }: { countries: Area[] }) {
  const { t } = useTranslation();
  const names = useAreaNames();
  const [query, setQuery] = useState('');
  const filterId = useId();
  const hintId = useId();

  const groups = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    const matching = countries
      .map((area) => ({ area, name: names.country(area.code, area.name) }))
      .filter(
        ({ area, name }) =>
          needle === '' ||
          name.toLocaleLowerCase().includes(needle) ||
          area.name.toLocaleLowerCase().includes(needle) ||
          area.code.toLocaleLowerCase() === needle,
      );
    return groupByRegion(matching, names);
  }, [countries, names, query]);

  const shown = groups.reduce((sum, group) => sum + group.count, 0);

  return (
    <>
      <p className="muted">{t('countries.summary', { count: countries.length })}</p>
      <div className="field">
        <label htmlFor={filterId}>{t('countries.filterLabel')}</label>
        <input
          id={filterId}
          type="search"
          value={query}
          aria-describedby={hintId}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
        />
        <span id={hintId} className="hint">
          {t('countries.filterHint')}
        </span>
      </div>
      <p role="status" className={shown === 0 ? undefined : 'visually-hidden'}>
        {shown === 0 ? t('countries.noMatch', { query }) : t('countries.summary', { count: shown })}
      </p>
      {groups.map((region) => (
        <section key={region.code} aria-labelledby={`region-${region.code}`} className="region">
          <h2 id={`region-${region.code}`}>
            {region.name}{' '}
            <span className="count">{t('countries.regionCount', { count: region.count })}</span>
          </h2>
          {region.subRegions.map((sub) => (
            <div key={sub.code} className="sub-region">
              <h3>{sub.name}</h3>
              <ul className="country-list">
                {sub.countries.map((country) => (
                  <li key={country.code}>
                    <Link to="/countries/$code" params={{ code: country.code }}>
                      {country.name}
                    </Link>{' '}
                    <span className="code" aria-hidden="true">
                      {country.code}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function groupByRegion(
  countries: { area: Area; name: string }[],
  names: ReturnType<typeof useAreaNames>,
): RegionGroup[] {
  const regions = new Map<string, RegionGroup>();
  for (const { area, name } of countries) {
    const sub = area.intermediateRegion ?? area.subRegion;
    let region = regions.get(area.region.code);
    if (!region) {
      region = {
        code: area.region.code,
        name: names.region(area.region.code, area.region.name),
        subRegions: [],
        count: 0,
      };
      regions.set(area.region.code, region);
    }
    let subRegion = region.subRegions.find((s) => s.code === sub.code);
    if (!subRegion) {
      subRegion = { code: sub.code, name: names.region(sub.code, sub.name), countries: [] };
      region.subRegions.push(subRegion);
    }
    subRegion.countries.push({ code: area.code, name });
    region.count += 1;
  }
  // Regions and sub-regions in the order of the M49 standard; countries alphabetically in the
  // reader's language.
  const byM49Order = (a: { code: string }, b: { code: string }) =>
    m49Order(a.code) - m49Order(b.code);
  for (const region of regions.values()) {
    region.subRegions.sort(byM49Order);
    for (const sub of region.subRegions)
      sub.countries.sort((a, b) => names.compare(a.name, b.name));
  }
  return [...regions.values()].sort(byM49Order);
}

const m49Position = new Map<string, number>(m49Groups.map((group, index) => [group.code, index]));

function m49Order(code: string): number {
  return m49Position.get(code) ?? Number.MAX_SAFE_INTEGER;
}
