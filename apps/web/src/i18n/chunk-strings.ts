import { useEffect, useSyncExternalStore } from 'react';
import { currentLanguage, useTranslation } from './i18n.js';
import type { LanguageCode } from './languages.js';
import { createTranslator, type Resources, type TFunction } from './translator.js';

export type ChunkLoaders = Record<
  Exclude<LanguageCode, 'en'>,
  () => Promise<{ default: Resources }>
>;

/**
 * A `t` hook for the strings one family of pages keeps out of the app's `en.json`: that file is
 * in the entry chunk, which the capture route loads on slow links within its budget. English
 * comes with the family's chunk; each other language is a chunk of its own, loaded when first
 * needed. Until one has arrived (a few hundred bytes, once) its strings fall back to English.
 */
export function chunkStrings(en: Resources, loaders: ChunkLoaders): () => TFunction {
  const english = createTranslator('en', en);
  const translators = new Map<LanguageCode, TFunction>([['en', english]]);
  const loading = new Set<LanguageCode>();
  const listeners = new Set<() => void>();
  let loads = 0;

  const load = (language: LanguageCode): void => {
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
  };

  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  // The family's chunk is loading: its strings in the reader's language start at once, beside
  // the page's data, so they are usually there before the page first needs them.
  load(currentLanguage());

  return function useChunkStrings(): TFunction {
    const { i18n } = useTranslation();
    useSyncExternalStore(subscribe, () => loads);
    useEffect(() => load(i18n.language), [i18n.language]);
    return translators.get(i18n.language) ?? english;
  };
}
