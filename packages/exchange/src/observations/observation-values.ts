import {
  Observation,
  type AgeGroup,
  type Indicator,
  type Reliability,
  type Sex,
} from '@prevention/core';
import type { RowError } from '../row-result.js';
import type { IndicatorCatalogue } from './indicator-catalogue.js';

/**
 * The cell rules shared by the plain CSV and HXL readers.
 *
 * Numbers: an optional sign, digits with a point as decimal separator, an optional exponent
 * (`12`, `-3.5`, `.5`, `1e6`); surrounding spaces are ignored. Rejected: empty cells, `abc`,
 * `NaN`, `Infinity`, hexadecimal, and `1,5` or `1 000` — a comma or space is ambiguous between
 * a decimal comma and a thousands separator, so it is refused rather than guessed.
 */
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumberCell(cell: string): number | string {
  const text = cell.trim();
  if (text === '') return 'A number is required';
  if (/^[+-]?\d{1,3}([,\s]\d{3})+$/.test(text) || /^[+-]?\d+,\d+$/.test(text))
    return `${text} is ambiguous: write numbers with a point as the decimal separator and no thousands separator`;
  if (!numberPattern.test(text)) return `${text} is not a number`;
  const value = Number(text);
  return Number.isFinite(value) ? value : `${text} is out of range`;
}

/** A month as `YYYY-MM`, or a date `YYYY-MM-DD` (or an ISO timestamp) taken as its month. */
export function parseMonthCell(cell: string): string | { error: string } {
  const text = cell.trim();
  const match = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ].*)?)?$/.exec(text);
  const [, year, month, day] = match ?? [];
  if (!year || !month || Number(month) < 1 || Number(month) > 12)
    return { error: `${text || 'An empty cell'} is not a month (YYYY-MM or YYYY-MM-DD)` };
  if (day !== undefined) {
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(day))
      return { error: `${text} is not a date` };
  }
  return `${year}-${month}`;
}

/**
 * The period of a plain CSV's `month` column: a month (or a date, taken as its month), a
 * quarter `YYYY-Qn`, or a year `YYYY` for a yearly figure such as most structural indicators.
 */
export function parsePeriodCell(cell: string): string | { error: string } {
  const text = cell.trim();
  if (/^\d{4}$/.test(text) || /^\d{4}-Q[1-4]$/.test(text)) return text;
  const month = parseMonthCell(text);
  return typeof month === 'string'
    ? month
    : {
        error: `${text || 'An empty cell'} is not a month (YYYY-MM or YYYY-MM-DD), a quarter (YYYY-Qn) or a year (YYYY)`,
      };
}

const sexNames: Record<string, Sex> = {
  female: 'female',
  f: 'female',
  male: 'male',
  m: 'male',
  unknown: 'unknown',
};
const ageNames: Record<string, AgeGroup> = {
  child: 'child',
  children: 'child',
  adult: 'adult',
  adults: 'adult',
  older: 'older',
  elderly: 'older',
  unknown: 'unknown',
};

export function parseSexCell(cell: string): Sex | undefined | { error: string } {
  const text = cell.trim().toLowerCase();
  if (text === '') return undefined;
  return sexNames[text] ?? { error: `${cell.trim()} is not a sex (female, male or unknown)` };
}

export function parseAgeCell(cell: string): AgeGroup | undefined | { error: string } {
  const text = cell.trim().toLowerCase();
  if (text === '') return undefined;
  return (
    ageNames[text] ?? { error: `${cell.trim()} is not an age group (child, adult, older, unknown)` }
  );
}

/** The parts of an observation a reader has found, each checked against the rules above. */
export interface ObservationParts {
  indicatorCode: string;
  areaCode: string;
  period: string;
  value: number;
  sex?: Sex;
  age?: AgeGroup;
  source: string;
  reliability: Reliability;
}

/** Which column each part came from, for naming it in an error. */
export type ObservationColumns = Record<keyof ObservationParts, string>;

/**
 * Checks the indicator against the catalogue (known code; the disaggregation it allows) and the
 * whole against core's `Observation` schema.
 */
export function buildObservation(
  line: number,
  parts: ObservationParts,
  columns: ObservationColumns,
  catalogue: IndicatorCatalogue,
): Observation | RowError[] {
  const indicator: Indicator | undefined = catalogue.get(parts.indicatorCode);
  if (!indicator)
    return [
      {
        line,
        column: columns.indicatorCode,
        message: `${parts.indicatorCode} is not an indicator of the catalogue`,
      },
    ];
  const errors: RowError[] = [];
  if (parts.sex && !indicator.disaggregations.includes('sex'))
    errors.push({
      line,
      column: columns.sex,
      message: `${indicator.code} is not broken down by sex`,
    });
  if (parts.age && !indicator.disaggregations.includes('age'))
    errors.push({
      line,
      column: columns.age,
      message: `${indicator.code} is not broken down by age`,
    });
  if (errors.length > 0) return errors;
  const disaggregation = {
    ...(parts.sex ? { sex: parts.sex } : {}),
    ...(parts.age ? { age: parts.age } : {}),
  };
  const result = Observation.safeParse({
    indicatorCode: parts.indicatorCode,
    areaCode: parts.areaCode,
    period: parts.period,
    value: parts.value,
    ...(parts.sex || parts.age ? { disaggregation } : {}),
    source: parts.source,
    reliability: parts.reliability,
  });
  if (result.success) return result.data;
  return result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const column =
      key === 'disaggregation'
        ? columns[issue.path[1] === 'age' ? 'age' : 'sex']
        : key === 'indicatorCode' || key === 'areaCode' || key === 'period' || key === 'value'
          ? columns[key]
          : key === 'source' || key === 'reliability'
            ? columns[key]
            : '';
    return { line, column, message: issue.message };
  });
}
