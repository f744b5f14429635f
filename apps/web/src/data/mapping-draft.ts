import type { Reliability } from '@prevention/core';
import { HxlMapping, type HxlMappingSuggestion, type TableColumn } from '@prevention/exchange';

/** One column of values in a wide file: the indicator it goes to, or left out by the user. */
export interface ValueColumnDraft {
  pattern: string;
  indicator: string;
  included: boolean;
}

/**
 * The mapping being confirmed: the suggestion (or the saved mapping) as the user changes it.
 * Wide value columns stay in the list when left out, so that leaving one out can be undone.
 */
export interface MappingDraft {
  area: string[];
  period: string | null;
  values:
    | { layout: 'wide'; columns: ValueColumnDraft[] }
    | Extract<HxlMapping['values'], { layout: 'long' }>;
  source: HxlMapping['source'];
  reliability: Reliability;
  reliabilityColumn?: string;
}

export type MappingAction =
  | { type: 'toggle-area'; pattern: string; candidates: readonly string[] }
  | { type: 'set-period'; period: string | null }
  | { type: 'include-value'; pattern: string; included: boolean }
  | { type: 'set-indicator'; pattern: string; indicator: string }
  | { type: 'set-source-text'; text: string }
  | { type: 'set-reliability'; reliability: Reliability };

export type MappingProblem = 'area' | 'period' | 'values' | 'source';

/** Tags of places, most detailed first. */
const areaTags = ['#adm5', '#adm4', '#adm3', '#adm2', '#adm1', '#loc', '#country'];

/** The columns of place codes (`#adm1+code`, `#country+code` …), most detailed first: the choices for the area. */
export function areaCandidates(columns: readonly TableColumn[]): string[] {
  return columns
    .filter(
      (column) =>
        column.hashtag &&
        column.tag &&
        areaTags.includes(column.tag) &&
        column.attributes?.includes('code'),
    )
    .sort((a, b) => areaTags.indexOf(a.tag ?? '') - areaTags.indexOf(b.tag ?? ''))
    .flatMap((column) => (column.hashtag ? [column.hashtag] : []));
}

/** The draft to start from: a mapping saved for files of this shape wins over the suggestion. */
export function initialDraft(
  saved: HxlMapping | null,
  suggestion: HxlMappingSuggestion | null,
): MappingDraft | null {
  const mapping = saved ?? suggestion?.mapping;
  if (!mapping) return null;
  return {
    area: [...mapping.area],
    period: mapping.period,
    values:
      mapping.values.layout === 'wide'
        ? {
            layout: 'wide',
            columns: mapping.values.columns.map((column) => ({ ...column, included: true })),
          }
        : mapping.values,
    source: mapping.source,
    reliability: mapping.reliability,
    ...(mapping.reliabilityColumn ? { reliabilityColumn: mapping.reliabilityColumn } : {}),
  };
}

export function mappingReducer(draft: MappingDraft, action: MappingAction): MappingDraft {
  switch (action.type) {
    case 'toggle-area': {
      const chosen = draft.area.includes(action.pattern)
        ? draft.area.filter((pattern) => pattern !== action.pattern)
        : [...draft.area, action.pattern];
      // Tried in order: the most detailed place first, as the candidates are listed.
      const rank = (pattern: string) => {
        const index = action.candidates.indexOf(pattern);
        return index === -1 ? action.candidates.length : index;
      };
      return { ...draft, area: chosen.sort((a, b) => rank(a) - rank(b)) };
    }
    case 'set-period':
      return { ...draft, period: action.period };
    case 'include-value':
    case 'set-indicator': {
      if (draft.values.layout !== 'wide') return draft;
      const columns = draft.values.columns.map((column) =>
        column.pattern !== action.pattern
          ? column
          : action.type === 'include-value'
            ? { ...column, included: action.included }
            : { ...column, indicator: action.indicator },
      );
      return { ...draft, values: { layout: 'wide', columns } };
    }
    case 'set-source-text':
      return 'text' in draft.source ? { ...draft, source: { text: action.text } } : draft;
    case 'set-reliability':
      return { ...draft, reliability: action.reliability };
  }
}

/** The mapping to send with `imports.start`, or what still keeps the draft from being one. */
export function mappingOfDraft(
  draft: MappingDraft,
): { ok: true; mapping: HxlMapping } | { ok: false; problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  if (draft.area.length === 0) problems.push('area');
  if (draft.period === null) problems.push('period');
  const values =
    draft.values.layout === 'wide'
      ? {
          layout: 'wide' as const,
          columns: draft.values.columns
            .filter((column) => column.included)
            .map(({ pattern, indicator }) => ({ pattern, indicator })),
        }
      : draft.values;
  if (values.layout === 'wide' && values.columns.length === 0) problems.push('values');
  if ('text' in draft.source && draft.source.text.trim() === '') problems.push('source');
  if (problems.length > 0) return { ok: false, problems };
  const parsed = HxlMapping.safeParse({
    area: draft.area,
    period: draft.period,
    values,
    source: 'text' in draft.source ? { text: draft.source.text.trim() } : draft.source,
    reliability: draft.reliability,
    ...(draft.reliabilityColumn ? { reliabilityColumn: draft.reliabilityColumn } : {}),
  });
  if (parsed.success) return { ok: true, mapping: parsed.data };
  const paths = parsed.error.issues.map((issue) => String(issue.path[0]));
  return {
    ok: false,
    problems: (['area', 'period', 'values', 'source'] as const).filter((key) =>
      paths.includes(key),
    ),
  };
}
