import { localise, type Language, type RiskClasses } from '@prevention/core';

/** The class of a country or node without a score: shown as its own, patterned, class. */
export const noDataClass = 'no-data';

/**
 * ColorBrewer's five-class YlOrRd, a sequential palette that stays ordered for the common
 * forms of colour blindness and in greyscale. Colour is never the only carrier: every class is
 * named in the legend, the tooltips and the table.
 */
export const sequentialPalette = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;

const darkest = '#bd0026';

/** The fill of "no data" shapes' background, under the hatching pattern. */
export const noDataFill = '#ffffff';

export interface LegendEntry {
  id: string;
  label: string;
  /** The lower bound of the class; `to` is the next class's, null for the last. */
  from: number;
  to: number | null;
  fill: string;
}

/**
 * The legend of a model's classes, lowest first, each with its colour from the sequential
 * palette: a model with five classes takes it as it is, another number of classes is spread
 * over it, so the first is always the lightest and the last the darkest.
 */
export function legendOf(classes: RiskClasses, language: Language): LegendEntry[] {
  const last = sequentialPalette.length - 1;
  return classes.map((riskClass, index) => {
    const position =
      classes.length === 1 ? last : Math.round((index * last) / (classes.length - 1));
    return {
      id: riskClass.id,
      label: localise(riskClass.label, language),
      from: riskClass.from,
      to: classes[index + 1]?.from ?? null,
      fill: sequentialPalette[position] ?? darkest,
    };
  });
}

/** The class of a score under the model's classes; "no data" without a score. */
export function classIdOf(score: number | null | undefined, classes: RiskClasses): string {
  if (score === null || score === undefined || Number.isNaN(score)) return noDataClass;
  let found: string = noDataClass;
  for (const riskClass of classes) if (riskClass.from <= score) found = riskClass.id;
  return found;
}

/** The fill of a class, or the no-data background for "no data" and unknown classes. */
export function fillOf(classId: string, legend: readonly LegendEntry[]): string {
  return legend.find((entry) => entry.id === classId)?.fill ?? noDataFill;
}
