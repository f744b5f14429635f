/** The columns of a plain CSV of indicator values; the first four are required. */
export const observationCsvColumns = [
  'area',
  'month',
  'indicator',
  'value',
  'source',
  'sex',
  'age',
  'reliability',
] as const;
export type ObservationCsvColumn = (typeof observationCsvColumns)[number];

export const observationCsvRequiredColumns: readonly ObservationCsvColumn[] = [
  'area',
  'month',
  'indicator',
  'value',
];
