import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, directionOf, isLanguageCode, type LanguageCode } from './languages.js';
import en from './locales/en.json';

const storageKey = 'prevention.language';

/** Other languages load on demand, so a user of one language downloads only that one. */
const loaders: Record<Exclude<LanguageCode, 'en'>, () => Promise<{ default: typeof en }>> = {
  fr: () => import('./locales/fr.json'),
  ar: () => import('./locales/ar.json'),
};

export const i18n: I18n = i18next.createInstance();

export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await switchLanguage(preferredLanguage());
}

/** Loads a language if needed, switches to it, and lays the page out in its direction. */
export async function switchLanguage(code: LanguageCode): Promise<void> {
  if (code !== 'en' && !i18n.hasResourceBundle(code, 'translation')) {
    const { default: resources } = await loaders[code]();
    i18n.addResourceBundle(code, 'translation', resources);
  }
  await i18n.changeLanguage(code);
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
  try {
    localStorage.setItem(storageKey, code);
  } catch {
    // Storage can be unavailable (private windows); the choice then lasts for this visit only.
  }
}

export function currentLanguage(): LanguageCode {
  return isLanguageCode(i18n.language) ? i18n.language : defaultLanguage;
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
