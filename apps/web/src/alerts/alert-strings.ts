import { chunkStrings } from '../i18n/chunk-strings.js';
import en from './locales/en.json';

/** A `t` for the alert pages' own strings in the reader's language (English until it loads). */
export const useAlertStrings = chunkStrings(en, {
  fr: () => import('./locales/fr.json'),
  ar: () => import('./locales/ar.json'),
});
