import { countries, findCountry } from '@prevention/core';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { CurrentSession } from '../auth/session.js';
import { useTranslation } from '../i18n/i18n.js';
import { localDatabase } from '../offline/local-database.js';
import { useTRPC } from '../trpc/trpc.js';

export interface AreaChoice {
  code: string;
  name: string;
}

export interface CountryAreas {
  country: AreaChoice;
  /** Its sub-national units, from the server or the copy kept on this device. */
  units: AreaChoice[];
}

const cacheKey = (country: string) => `areas:${country}`;

/**
 * The areas the user may assess: the countries of their scope, each with its sub-national units.
 * Units come from the server and are kept on the device, so the list works offline.
 */
export function useAreaChoices(session: CurrentSession): CountryAreas[] {
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const scope = session.actor.scope;
  const codes = useMemo(
    () => (scope.kind === 'global' ? countries.map((c) => c.code) : [...scope.countries]),
    [scope],
  );
  // Sub-national units only for a short list: a global scope picks a country.
  const withUnits = codes.length <= 10 ? codes : [];
  const fetched = useQueries({
    queries: withUnits.map((code) => ({
      ...trpc.areas.list.queryOptions({ parentCode: code }),
      staleTime: 60 * 60_000,
    })),
  });
  const [kept, setKept] = useState<Record<string, AreaChoice[]>>({});

  const fetchedKey = fetched.map((query) => query.dataUpdatedAt).join(',');
  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const db = await localDatabase();
        const next: Record<string, AreaChoice[]> = {};
        for (const [index, code] of withUnits.entries()) {
          const data = fetched[index]?.data;
          if (data) {
            const units = data.map((area) => ({ code: area.code, name: area.name }));
            next[code] = units;
            await db.put('cache', {
              key: cacheKey(code),
              value: units,
              storedAt: new Date().toISOString(),
            });
          } else {
            const stored = (await db.get('cache', cacheKey(code)))?.value;
            if (Array.isArray(stored)) next[code] = stored as AreaChoice[];
          }
        }
        if (current) setKept(next);
      } catch {
        // Without IndexedDB: countries only.
      }
    })();
    return () => {
      current = false;
    };
    // Re-read when a fetch completes.
  }, [fetchedKey, withUnits.join(',')]);

  return useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'region', fallback: 'none' });
    const collator = new Intl.Collator(i18n.language);
    return codes
      .map((code) => {
        const country = findCountry(code);
        const name = (country && names.of(country.alpha2)) || country?.name || code;
        return { country: { code, name }, units: kept[code] ?? [] };
      })
      .sort((a, b) => collator.compare(a.country.name, b.country.name));
  }, [codes, kept, i18n.language]);
}
