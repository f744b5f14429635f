import { z } from 'zod';

/** The six official languages of the United Nations, by ISO 639-1 code. */
export const languages = ['en', 'fr', 'ar', 'es', 'ru', 'zh'] as const;
export const Language = z.enum(languages);
export type Language = z.infer<typeof Language>;

/** Languages written right to left, so that a renderer can set `dir` without a table of its own. */
export const rightToLeftLanguages: ReadonlySet<Language> = new Set<Language>(['ar']);

/**
 * A text in several languages. English is required, because it is the language every other
 * one falls back to; the other official languages are added where a translation exists.
 */
export const LocalisedText = z
  .object({
    en: z.string().min(1),
    fr: z.string().min(1).optional(),
    ar: z.string().min(1).optional(),
    es: z.string().min(1).optional(),
    ru: z.string().min(1).optional(),
    zh: z.string().min(1).optional(),
  })
  .strict();
export type LocalisedText = z.infer<typeof LocalisedText>;

/** The text in `language`, or in English when there is no translation. */
export function localise(text: LocalisedText, language: Language): string {
  return text[language] ?? text.en;
}
