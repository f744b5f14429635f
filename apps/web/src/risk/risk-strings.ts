import { useEffect, useSyncExternalStore } from 'react';
import { currentLanguage, useTranslation } from '../i18n/i18n.js';
import type { LanguageCode } from '../i18n/languages.js';
import { createTranslator, type Resources, type TFunction } from '../i18n/translator.js';
import en from './locales/en.json';

/**
 * Strings that only the risk pages use, kept out of the app's `en.json`: that file is in the
 * entry chunk, which the capture route loads on slow links within its budget. English comes
 * with the risk chunk; French and Arabic are chunks of their own, loaded when first needed.
 * Until one has arrived (a few hundred bytes, once) its strings fall back to English.
 */
const loaders: Record<Exclude<LanguageCode, 'en'>, () => Promise<{ default: Resources }>> = {
  fr: () => import('./locales/fr.json'),
  ar: () => import('./locales/ar.json'),
};

const english = createTranslator('en', en);
const translators = new Map<LanguageCode, TFunction>([['en', english]]);
const loading = new Set<LanguageCode>();
const listeners = new Set<() => void>();
let loads = 0;

function load(language: LanguageCode): void {
  if (language === 'en' || translators.has(language) || loading.has(language)) return;
  loading.add(language);
  loaders[language]()
    .then(({ default: resources }) => {
      translators.set(language, createTranslator(language, resources, en));
      loads += 1;
      for (const listener of listeners) listener();
    })
    // Offline before the chunk was cached: English stands in, and the next render tries again.
    .catch(() => undefined)
    .finally(() => loading.delete(language));
}

// The risk chunk is loading: its strings in the reader's language start at once, beside the
// page's data, so they are usually there before the page first needs them.
load(currentLanguage());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A `t` for the risk pages' own strings in the reader's language (English until it loads). */
export function useRiskStrings(): TFunction {
  const { i18n } = useTranslation();
  useSyncExternalStore(subscribe, () => loads);
  useEffect(() => load(i18n.language), [i18n.language]);
  return translators.get(i18n.language) ?? english;
}
