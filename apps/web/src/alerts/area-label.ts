import { findCountry } from '@prevention/core';
import { useAreaNames } from '../i18n/area-names.js';

/**
 * How the alert pages name an area: a country by its name in the reader's language, a
 * sub-national area by its P-code after its country's name.
 */
export function useAlertAreaNames() {
  const names = useAreaNames();
  const country = (code: string) => names.country(code, findCountry(code)?.name ?? code);
  return {
    country,
    area: (areaCode: string, countryCode: string) =>
      areaCode === countryCode ? country(countryCode) : `${country(countryCode)} · ${areaCode}`,
    compare: names.compare,
  };
}
