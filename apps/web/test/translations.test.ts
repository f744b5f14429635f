import { describe, expect, it } from 'vitest';
import ar from '../src/i18n/locales/ar.json';
import en from '../src/i18n/locales/en.json';
import fr from '../src/i18n/locales/fr.json';

/** Keys without their CLDR plural suffix, so `summary_one` and `summary_few` both count as `summary`. */
function keys(resources: object, prefix = ''): string[] {
  return Object.entries(resources).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

const unique = (list: string[]) => [...new Set(list)].sort();

describe('translations', () => {
  it.each([
    ['fr', fr],
    ['ar', ar],
  ])('%s translates every English string and nothing else', (_code, resources) => {
    expect(unique(keys(resources))).toEqual(unique(keys(en)));
  });

  it('gives Arabic every CLDR plural form the plural strings need', () => {
    const rules = new Intl.PluralRules('ar');
    const forms = rules.resolvedOptions().pluralCategories;
    for (const key of ['summary', 'regionCount'] as const) {
      for (const form of forms)
        expect(ar.countries, `${key}_${form}`).toHaveProperty(`${key}_${form}`);
    }
  });
});
