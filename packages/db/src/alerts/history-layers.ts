import { sensitivityLevels, sensitivityRank, type Sensitivity } from '@prevention/core';
import type {
  AreaHistory,
  CountPoint,
  JudgementFact,
  ScorePoint,
  SignalFact,
} from '@prevention/early-warning';

/** A stored profile as the layers read it: the root's score and each node's from the summary. */
export interface ProfileFact {
  month: string;
  /** The index of the strictest level the profile may rest on. */
  basis: number;
  /** Scores by model node id, the root's included (null where none could be computed). */
  scores: Readonly<Record<string, number | null>>;
}

/** A stored value of an indicator for one month. */
export interface IndicatorFact {
  indicatorCode: string;
  month: string;
  value: number;
  sensitivity: Sensitivity;
}

/** Everything stored about one area in the months asked for, whatever its sensitivity. */
export interface AreaFacts {
  areaCode: string;
  countryCode: string;
  /** Oldest month first. */
  profiles: readonly ProfileFact[];
  /** Oldest month first and, within a month, in the order recorded (a later value prevails). */
  indicators: readonly IndicatorFact[];
  signals: readonly SignalFact[];
  judgements: readonly JudgementFact[];
}

/**
 * One area's history as seen from each level its data reaches (always the public one), least
 * sensitive first. The layer of level L holds, for each month, the scores of the profile of the
 * highest basis ≤ L, and only the values, signals and judgements at L or below.
 */
export function layerAreaFacts(facts: AreaFacts): AreaHistory[] {
  const reached = new Set<number>([0]);
  for (const p of facts.profiles) reached.add(p.basis);
  for (const item of [...facts.indicators, ...facts.signals, ...facts.judgements])
    reached.add(sensitivityRank(item.sensitivity));
  return [...reached]
    .sort((a, b) => a - b)
    .flatMap((rank) => {
      const level = sensitivityLevels[rank];
      return level ? [layerAt(facts, rank, level)] : [];
    });
}

function layerAt(facts: AreaFacts, rank: number, level: Sensitivity): AreaHistory {
  const within = (item: { sensitivity: Sensitivity }) => sensitivityRank(item.sensitivity) <= rank;
  return {
    areaCode: facts.areaCode,
    countryCode: facts.countryCode,
    sensitivity: level,
    scores: scoresAt(facts.profiles, rank),
    indicators: indicatorsAt(facts.indicators.filter(within)),
    signals: facts.signals.filter(within),
    judgements: facts.judgements.filter(within),
  };
}

/** Each node's monthly scores from, for every month, the profile of the highest basis ≤ rank. */
function scoresAt(profiles: readonly ProfileFact[], rank: number): Record<string, ScorePoint[]> {
  const byMonth = new Map<string, ProfileFact>();
  for (const profile of profiles) {
    if (profile.basis > rank) continue;
    const chosen = byMonth.get(profile.month);
    if (!chosen || chosen.basis < profile.basis) byMonth.set(profile.month, profile);
  }
  const scores: Record<string, ScorePoint[]> = {};
  for (const [month, profile] of [...byMonth].sort(([a], [b]) => a.localeCompare(b)))
    for (const [node, score] of Object.entries(profile.scores))
      (scores[node] ??= []).push({ month, score });
  return scores;
}

/**
 * Each indicator's monthly values: of several for one month, the most sensitive one (it rests
 * on the most), and of those the one recorded last.
 */
function indicatorsAt(values: readonly IndicatorFact[]): Record<string, CountPoint[]> {
  const chosen = new Map<string, IndicatorFact>();
  for (const value of values) {
    const key = `${value.indicatorCode}\u0000${value.month}`;
    const before = chosen.get(key);
    if (!before || sensitivityRank(before.sensitivity) <= sensitivityRank(value.sensitivity))
      chosen.set(key, value);
  }
  const indicators: Record<string, CountPoint[]> = {};
  for (const value of chosen.values())
    (indicators[value.indicatorCode] ??= []).push({ month: value.month, value: value.value });
  for (const series of Object.values(indicators))
    series.sort((a, b) => a.month.localeCompare(b.month));
  return indicators;
}
