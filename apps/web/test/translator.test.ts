import { describe, expect, it } from 'vitest';
import { createTranslator } from '../src/i18n/translator.js';

const en = {
  greeting: 'Hello, {{name}}',
  items_one: '{{count}} item',
  items_other: '{{count}} items',
  nested: { deep: { key: 'Deep' } },
  onlyEnglish: 'Only in English',
};
const ar = {
  greeting: 'مرحبا {{name}}',
  items_zero: 'لا عناصر',
  items_one: 'عنصر واحد',
  items_two: 'عنصران',
  items_few: '{{count}} عناصر',
  items_many: '{{count}} عنصرًا',
  items_other: '{{count}} عنصر',
  nested: { deep: { key: 'عميق' } },
};

describe('createTranslator', () => {
  it('finds nested keys and fills in values', () => {
    const t = createTranslator('en', en);
    expect(t('nested.deep.key')).toBe('Deep');
    expect(t('greeting', { name: 'Amina' })).toBe('Hello, Amina');
  });

  it('chooses the CLDR plural form of the language from the count', () => {
    const t = createTranslator('ar', ar, en);
    expect([0, 1, 2, 3, 11, 100].map((count) => t('items', { count }))).toEqual([
      'لا عناصر',
      'عنصر واحد',
      'عنصران',
      '3 عناصر',
      '11 عنصرًا',
      '100 عنصر',
    ]);
    const english = createTranslator('en', en);
    expect(english('items', { count: 1 })).toBe('1 item');
    expect(english('items', { count: 0 })).toBe('0 items');
  });

  it('falls back to English, then to the key itself', () => {
    const t = createTranslator('ar', ar, en);
    expect(t('onlyEnglish')).toBe('Only in English');
    expect(t('no.such.key')).toBe('no.such.key');
    expect(t('nested')).toBe('nested');
  });

  it('leaves a placeholder without a value visible', () => {
    const t = createTranslator('en', en);
    expect(t('greeting', {})).toBe('Hello, {{name}}');
  });
});
