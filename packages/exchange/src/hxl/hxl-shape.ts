import type { Indicator } from '@prevention/core';
import { matchesHashtag, parseHashtag } from '../hashtag.js';
import { indicatorCatalogue, platformIndicators } from '../observations/indicator-catalogue.js';
import type { TableColumn } from '../table.js';
import { isDisaggregationAttribute } from './hxl-disaggregation.js';
import { firstMatch, taggedColumns } from './hxl-columns.js';
import type { HxlMapping } from './hxl-mapping.js';

/**
 * A stable key for the shape of an HXL file: its hashtags, canonical and sorted. Two files with
 * the same tags and attributes — in any column order, spelling or case, whatever their text
 * headers and untagged columns — get the same key, so a saved mapping is found again.
 */
export function hxlShapeKey(columns: readonly TableColumn[]): string {
  const tags = taggedColumns(columns)
    .map((c) => c.name)
    .sort();
  return `hxl:${tags.join(',')}`;
}

/**
 * HXL patterns known to carry a catalogued indicator. A pattern whose indicator is not in the
 * catalogue given is skipped, so adding such an indicator to a pillar is enough to have it
 * suggested. (No pillar has an external count of internally displaced people yet; the
 * displacement indicators per 100,000 residents are derived from signals.)
 */
export const knownHxlIndicators: readonly { pattern: string; indicator: string }[] = [
  { pattern: '#affected+idp', indicator: 'development.idps' },
  { pattern: '#affected+returnees', indicator: 'development.returnees-in-month' },
  { pattern: '#affected+killed', indicator: 'peace-security.fatalities' },
  { pattern: '#killed', indicator: 'peace-security.fatalities' },
];

const areaPatterns = ['#adm3+code', '#adm2+code', '#adm1+code', '#loc+code', '#country+code'];

export interface UnmappedColumn {
  index: number;
  hashtag: string;
  reason: string;
}

export interface HxlMappingSuggestion {
  /** The suggestion, valid as an `HxlMapping` when `complete`; otherwise to be filled in. */
  mapping: Omit<HxlMapping, 'period'> & { period: string | null };
  complete: boolean;
  /** Tagged columns the suggestion does not use, and why. */
  unmapped: UnmappedColumn[];
}

/**
 * What a user is asked to confirm before an HXL file is read: area (the most detailed P-code
 * column first, the country code last), period (`#date`), values (long layout when the file
 * has `#indicator+code` and `#indicator+value`, otherwise the columns of `knownHxlIndicators`),
 * and the source (`#meta+source` when present, else `defaultSource`).
 */
export function suggestHxlMapping(
  columns: readonly TableColumn[],
  options: { indicators?: readonly Indicator[]; defaultSource?: string } = {},
): HxlMappingSuggestion {
  const tagged = taggedColumns(columns);
  const catalogue = indicatorCatalogue(options.indicators ?? platformIndicators);
  const used = new Set<number>();
  const use = (pattern: string) => {
    const column = firstMatch(tagged, pattern);
    if (column) used.add(column.index);
    return column;
  };
  const area = areaPatterns.filter((pattern) => use(pattern));
  const period = use('#date') ? '#date' : null;
  const sourceColumn = use('#meta+source');
  const reliabilityColumn = use('#meta+reliability');
  const source: HxlMapping['source'] = sourceColumn
    ? { column: '#meta+source' }
    : { text: options.defaultSource ?? 'HXL import' };

  let values: HxlMapping['values'];
  if (firstMatch(tagged, '#indicator+code') && firstMatch(tagged, '#indicator+value')) {
    use('#indicator+code');
    use('#indicator+value');
    const sex = use('#meta+sex');
    const age = use('#meta+age');
    values = {
      layout: 'long',
      indicator: '#indicator+code',
      value: '#indicator+value',
      ...(sex ? { sex: '#meta+sex' } : {}),
      ...(age ? { age: '#meta+age' } : {}),
    };
  } else {
    const entries: { pattern: string; indicator: string }[] = [];
    for (const column of tagged) {
      const known = knownHxlIndicators.find(
        (k) => catalogue.has(k.indicator) && matchesPattern(column.hashtag, k.pattern),
      );
      if (!known || used.has(column.index)) continue;
      // The pattern keeps the column's own attributes but leaves sex and age to the reader.
      const kept = column.hashtag.attributes.filter((a) => !isDisaggregationAttribute(a));
      const pattern = ['#' + column.hashtag.tag, ...kept].join('+');
      if (!entries.some((e) => e.pattern === pattern))
        entries.push({ pattern, indicator: known.indicator });
      used.add(column.index);
    }
    values = { layout: 'wide', columns: entries };
  }
  const unmapped = tagged
    .filter((c) => !used.has(c.index))
    .map((c) => ({
      index: c.index,
      hashtag: c.name,
      reason: knownHxlIndicators.some((k) => matchesPattern(c.hashtag, k.pattern))
        ? 'its indicator is not in the catalogue'
        : 'no indicator is known for this hashtag',
    }));
  const hasValues = values.layout === 'long' || values.columns.length > 0;
  return {
    mapping: {
      area,
      period,
      values,
      source,
      reliability: 'medium',
      ...(reliabilityColumn ? { reliabilityColumn: '#meta+reliability' } : {}),
    },
    complete: area.length > 0 && period !== null && hasValues,
    unmapped,
  };
}

function matchesPattern(column: NonNullable<ReturnType<typeof parseHashtag>>, pattern: string) {
  const wanted = parseHashtag(pattern);
  return wanted !== undefined && matchesHashtag(column, wanted);
}
