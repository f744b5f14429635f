import { describe, expect, it } from 'vitest';
import alertAr from '../src/alerts/locales/ar.json';
import alertEn from '../src/alerts/locales/en.json';
import alertFr from '../src/alerts/locales/fr.json';
import ar from '../src/i18n/locales/ar.json';
import en from '../src/i18n/locales/en.json';
import fr from '../src/i18n/locales/fr.json';
import planAr from '../src/plans/locales/ar.json';
import planEn from '../src/plans/locales/en.json';
import planFr from '../src/plans/locales/fr.json';
import riskAr from '../src/risk/locales/ar.json';
import riskEn from '../src/risk/locales/en.json';
import riskFr from '../src/risk/locales/fr.json';

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

  it.each([
    ['fr', 'risk', riskFr, riskEn],
    ['ar', 'risk', riskAr, riskEn],
    ['fr', 'plan', planFr, planEn],
    ['ar', 'plan', planAr, planEn],
    ['fr', 'alert', alertFr, alertEn],
    ['ar', 'alert', alertAr, alertEn],
  ])(
    "%s translates every string of the %s pages' own chunk",
    (_code, _chunk, resources, english) => {
      expect(unique(keys(resources))).toEqual(unique(keys(english)));
    },
  );

  it("keeps the risk pages' own strings apart from the app's", () => {
    const appKeys = new Set(keys(en));
    expect(keys(riskEn).filter((key) => appKeys.has(key))).toEqual([]);
  });

  it.each([
    ['plan', planAr],
    ['alert', alertAr],
  ])('writes the %s pages in Arabic, with no English left in them', (_chunk, resources) => {
    // Codes (PDF, ISO, USD) are written in capitals in every language; words are not.
    const latin = allKeys(resources).filter((key) =>
      /[a-z]{3,}/.test(valueAt(resources, key).replace(/\{\{\w+\}\}/g, '')),
    );
    expect(latin).toEqual([]);
  });

  it('gives Arabic every CLDR plural form of every plural string', () => {
    const forms = new Intl.PluralRules('ar').resolvedOptions().pluralCategories;
    const plurals = (resources: object) =>
      unique(
        allKeys(resources)
          .filter((key) => /_(one|other)$/.test(key))
          .map((key) => key.replace(/_(one|other)$/, '')),
      );
    const arabic = new Set([
      ...allKeys(ar),
      ...allKeys(riskAr),
      ...allKeys(planAr),
      ...allKeys(alertAr),
    ]);
    expect(plurals(en).length).toBeGreaterThan(10);
    for (const key of [
      ...plurals(en),
      ...plurals(riskEn),
      ...plurals(planEn),
      ...plurals(alertEn),
    ]) {
      for (const form of forms) expect(arabic, `${key}_${form}`).toContain(`${key}_${form}`);
    }
  });
});

/** Every key with its plural suffix, dotted. */
function allKeys(resources: object, prefix = ''): string[] {
  return Object.entries(resources).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? allKeys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function valueAt(resources: object, dotted: string): string {
  let node: unknown = resources;
  for (const part of dotted.split('.')) node = (node as Record<string, unknown>)[part];
  return typeof node === 'string' ? node : '';
}
