/**
 * Translation without a library: nested JSON resources, `{{name}}` interpolation and CLDR plurals
 * through the browser's own `Intl.PluralRules` (`key_one`, `key_few` … chosen by `count`). It is
 * the part of i18next this app used, in a few hundred bytes instead of 18 KB gzipped — see the
 * README's "Sized for slow links".
 */
export interface Resources {
  [key: string]: string | Resources;
}

/** Values for a translation: `count` also chooses the plural form. */
export type TranslateOptions = Readonly<Record<string, unknown>> & { readonly count?: number };

export type TFunction = (key: string, options?: TranslateOptions) => string;

/**
 * A `t` for one language. A key missing in `resources` falls back to `fallback` (English), and a
 * key missing there too is shown as itself, so a gap is visible rather than blank.
 */
export function createTranslator(
  language: string,
  resources: Resources,
  fallback: Resources = resources,
  fallbackLanguage = 'en',
): TFunction {
  const plurals = new Intl.PluralRules(language);
  const fallbackPlurals = new Intl.PluralRules(fallbackLanguage);
  return (key, options) => {
    const count = options?.count;
    const text =
      (typeof count === 'number'
        ? (lookup(resources, `${key}_${plurals.select(count)}`) ??
          lookup(resources, `${key}_other`) ??
          lookup(fallback, `${key}_${fallbackPlurals.select(count)}`) ??
          lookup(fallback, `${key}_other`))
        : undefined) ??
      lookup(resources, key) ??
      lookup(fallback, key) ??
      key;
    return options ? interpolate(text, options) : text;
  };
}

function lookup(resources: Resources, key: string): string | undefined {
  let node: string | Resources | undefined = resources;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function interpolate(text: string, values: TranslateOptions): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? whole : String(value);
  });
}
