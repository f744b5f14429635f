import { findCountry } from '@prevention/core';
import { useMemo } from 'react';
import { useTranslation } from './i18n.js';

/**
 * Names of countries and M49 regions in the current language. In English they are the names the
 * UN uses (the reference data's); in other languages they come from the browser's own CLDR data
 * (`Intl.DisplayNames`), so no translation file has to list 195 countries in six languages, and
 * the UN's English name is the fallback where the browser has none.
 */
export function useAreaNames() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    const collator = new Intl.Collator(language);
    const localise = (code: string | undefined, fallback: string) =>
      (code && names.of(code)) || fallback;
    return {
      country: (code: string, fallback: string) =>
        language === 'en' ? fallback : localise(findCountry(code)?.alpha2, fallback),
      region: (m49: string, fallback: string) =>
        language === 'en' ? fallback : localise(m49, fallback),
      compare: collator.compare,
    };
  }, [language]);
}
