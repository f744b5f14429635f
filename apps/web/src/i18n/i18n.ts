import { useSyncExternalStore } from 'react';
import { defaultLanguage, directionOf, isLanguageCode, type LanguageCode } from './languages.js';
import en from './locales/en.json';
import { createTranslator, type Resources, type TFunction } from './translator.js';

export type { TFunction } from './translator.js';

const storageKey = 'prevention.language';

/** Other languages load on demand, so a user of one language downloads only that one. */
const loaders: Record<Exclude<LanguageCode, 'en'>, () => Promise<{ default: Resources }>> = {
  fr: () => import('./locales/fr.json'),
  ar: () => import('./locales/ar.json'),
};

interface I18nState {
  readonly language: LanguageCode;
  readonly t: TFunction;
}

const loaded = new Map<LanguageCode, Resources>([['en', en]]);
let state: I18nState = { language: defaultLanguage, t: createTranslator('en', en) };
const listeners = new Set<() => void>();

export async function initI18n(): Promise<void> {
  await switchLanguage(preferredLanguage());
}

/** Loads a language if needed, switches to it, and lays the page out in its direction. */
export async function switchLanguage(code: LanguageCode): Promise<void> {
  let resources = loaded.get(code);
  if (!resources && code !== 'en') {
    resources = (await loaders[code]()).default;
    loaded.set(code, resources);
  }
  state = { language: code, t: createTranslator(code, resources ?? en, en) };
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Storage can be unavailable (private windows); the choice then lasts for this visit only.
  }
  for (const listener of listeners) listener();
}

export function currentLanguage(): LanguageCode {
  return state.language;
}

/** The same shape as react-i18next's hook: `t`, and the current language under `i18n`. */
export function useTranslation(): { t: TFunction; i18n: { language: LanguageCode } } {
  const current = useSyncExternalStore(subscribe, snapshot);
  return { t: current.t, i18n: { language: current.language } };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): I18nState {
  return state;
}

function preferredLanguage(): LanguageCode {
  const stored = readStoredLanguage();
  if (isLanguageCode(stored)) return stored;
  const browser = navigator.languages.map((tag) => tag.slice(0, 2)).find(isLanguageCode);
  return browser ?? defaultLanguage;
}

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}
