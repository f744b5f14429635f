import type { RiskClasses } from '@prevention/core';
import type { MapArea } from './map-area.js';
import { classIdOf, fillOf, noDataClass, type LegendEntry } from './risk-classes.js';

/** A sub-national area of the country page's table and map, for the chosen month. */
export interface SubnationalRow extends MapArea {
  score: number | null;
  classLabel: string;
  /** Whether an outline has been imported for it. */
  hasOutline: boolean;
}

export interface SubnationalWords {
  noData: string;
  score: string;
  class: string;
  /** "{name}: {figures}" and "{name}: no data", as the map's accessible names. */
  label: (name: string, figures: string) => string;
  labelNoData: (name: string) => string;
  formatScore: (score: number | null) => string;
}

/**
 * The country's sub-national areas — every one the platform knows, and any other with a profile
 * — with their composite score and class of the month (a distinct "no data" class without one),
 * sorted by name; what the table lists and the map colours.
 */
export function subnationalRows(
  units: readonly { code: string; name: string }[],
  profiles: readonly { areaCode: string; score: number | null; class: string | null }[],
  outlined: ReadonlySet<string>,
  classes: RiskClasses,
  legend: readonly LegendEntry[],
  words: SubnationalWords,
  compare: (a: string, b: string) => number,
): SubnationalRow[] {
  const profileOf = new Map(profiles.map((p) => [p.areaCode, p]));
  const names = new Map(units.map((unit) => [unit.code, unit.name]));
  for (const profile of profiles)
    if (!names.has(profile.areaCode)) names.set(profile.areaCode, profile.areaCode);
  return [...names]
    .map(([areaCode, name]) => {
      const profile = profileOf.get(areaCode);
      const score = profile?.score ?? null;
      // The stored class is the model's own; a score without one is classed here alike.
      const classId = score === null ? noDataClass : (profile?.class ?? classIdOf(score, classes));
      const classLabel =
        classId === noDataClass
          ? words.noData
          : (legend.find((entry) => entry.id === classId)?.label ?? classId);
      const lines =
        score === null
          ? [words.noData]
          : [`${words.score}: ${words.formatScore(score)}`, `${words.class}: ${classLabel}`];
      return {
        areaCode,
        name,
        score,
        classId,
        classLabel,
        fill: fillOf(classId, legend),
        lines,
        label: score === null ? words.labelNoData(name) : words.label(name, lines.join(', ')),
        hasOutline: outlined.has(areaCode),
      };
    })
    .sort((a, b) => compare(a.name, b.name) || a.areaCode.localeCompare(b.areaCode));
}
