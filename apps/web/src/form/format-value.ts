import { isWithheld, localise, type FieldSpec, type Language } from '@prevention/core';
import type { TFunction } from '../i18n/i18n.js';

/**
 * A field's value as text for a reader, from its metadata alone: option labels rather than
 * codes, numbers and dates in the reader's language. Tables and lists are rendered elsewhere;
 * here they get a short summary.
 */
export function formatValue(
  spec: FieldSpec | undefined,
  value: unknown,
  language: Language,
  t: TFunction,
): string {
  if (value === undefined || value === null) return t('form.notGiven');
  if (isWithheld(value)) {
    return t('form.withheld', { level: t(`sensitivity.${value.sensitivity}`) });
  }
  const number = (n: number) => new Intl.NumberFormat(language).format(n);
  switch (spec?.kind) {
    case 'single-choice': {
      const option = spec.options.find((o) => o.value === value);
      return option ? localise(option.label, language) : String(value);
    }
    case 'multi-choice':
      return Array.isArray(value)
        ? value
            .map((v) => {
              const option = spec.options.find((o) => o.value === v);
              return option ? localise(option.label, language) : String(v);
            })
            .join(', ')
        : String(value);
    case 'boolean':
      return value === true ? t('form.yes') : value === false ? t('form.no') : String(value);
    case 'number':
      return typeof value === 'number'
        ? `${number(value)}${spec.unit ? ` ${localise(spec.unit, language)}` : ''}`
        : String(value);
    case 'count':
      return typeof value === 'number' ? number(value) : String(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
            new Date(`${value}T00:00:00Z`),
          )
        : String(value);
    case 'count-by-sex-and-age':
      return typeof value === 'object'
        ? t('form.countsTotal', { total: number(total(value)) })
        : String(value);
    case 'group':
      if (Array.isArray(value)) return t('form.itemCount', { count: value.length });
      // One item of the list, as a diff shows an item added or removed.
      return typeof value === 'object'
        ? spec.fields
            .filter((field) => (value as Record<string, unknown>)[field.key] !== undefined)
            .map(
              (field) =>
                `${localise(field.label, language)}: ${formatValue(field, (value as Record<string, unknown>)[field.key], language, t)}`,
            )
            .join('; ')
        : String(value);
    default:
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return number(value);
      if (typeof value === 'boolean') return value ? t('form.yes') : t('form.no');
      return JSON.stringify(value);
  }
}

function total(value: object): number {
  let sum = 0;
  for (const row of Object.values(value)) {
    if (row && typeof row === 'object') {
      for (const cell of Object.values(row as object)) if (typeof cell === 'number') sum += cell;
    }
  }
  return sum;
}
