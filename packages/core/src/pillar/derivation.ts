import type { z } from 'zod';
import type { Reliability } from '../indicator.js';
import type { Month } from '../period.js';
import type { PillarId } from '../pillar.js';
import type { Signal } from '../signal.js';

/**
 * Building blocks for a pillar's `deriveObservations`: the rules every pillar should apply the
 * same way — how reliable a derived value is, which month a signal counts in, how a pillar's
 * signals are grouped and parsed — so pillars differ only in what they compute.
 */

/** Whether a signal's fact was checked beyond its first report. */
export function isCorroborated(signal: Pick<Signal, 'verification'>): boolean {
  return signal.verification === 'verified' || signal.verification === 'corroborated';
}

/**
 * The reliability of a value derived from `total` signals of which `checked` were corroborated:
 * high when all were, medium when at least half were (or when no signal was needed, as for a
 * month with no events), low otherwise.
 */
export function derivedReliability(checked: number, total: number): Reliability {
  if (total === 0) return 'medium';
  if (checked === total) return 'high';
  return checked * 2 >= total ? 'medium' : 'low';
}

export function reliabilityOfSignals(
  signals: readonly Pick<Signal, 'verification'>[],
): Reliability {
  return derivedReliability(signals.filter(isCorroborated).length, signals.length);
}

/** The month a signal counts in: the month it occurred. */
export function monthOfSignal(signal: Pick<Signal, 'occurredOn'>): Month {
  return signal.occurredOn.slice(0, 7);
}

/** A signal with its payload parsed by its kind's schema. */
export interface ParsedSignal<T> {
  signal: Signal;
  value: T;
}

export type SignalsByKind<S extends Record<string, z.ZodType>> = {
  [K in keyof S]: ParsedSignal<z.infer<S[K]>>[];
};

/**
 * One pillar's signals grouped by area and kind, each payload parsed with the schema given for
 * its kind; other pillars' signals and kinds not listed are left out.
 */
export function groupSignalsByArea<S extends Record<string, z.ZodType>>(
  signals: readonly Signal[],
  pillar: PillarId,
  schemas: S,
): Map<string, SignalsByKind<S>> {
  const kinds = Object.keys(schemas) as (keyof S & string)[];
  const byArea = new Map<string, SignalsByKind<S>>();
  for (const signal of signals) {
    if (signal.pillar !== pillar || !Object.hasOwn(schemas, signal.kind)) continue;
    let area = byArea.get(signal.areaCode);
    if (!area) {
      area = Object.fromEntries(kinds.map((kind) => [kind, []])) as unknown as SignalsByKind<S>;
      byArea.set(signal.areaCode, area);
    }
    const kind = signal.kind as keyof S & string;
    const schema = schemas[kind] as S[typeof kind];
    area[kind].push({ signal, value: schema.parse(signal.payload) as z.infer<typeof schema> });
  }
  return byArea;
}
