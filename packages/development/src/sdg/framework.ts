import { SdgIndicatorCode, SdgTargetCode, sdgTargetOf, type LocalisedText } from '@prevention/core';
import { sdgGoals, type SdgGoal } from './goals.js';
import { sdgIndicatorTexts } from './indicators.js';
import { sdgTargetTexts } from './targets.js';

export interface SdgTarget {
  readonly code: SdgTargetCode;
  readonly goal: number;
  readonly title: LocalisedText;
}

export interface SdgIndicator {
  readonly code: SdgIndicatorCode;
  readonly target: SdgTargetCode;
  readonly goal: number;
  readonly title: LocalisedText;
}

const goalOf = (code: string) => Number(code.slice(0, code.indexOf('.')));

/** The 169 targets, in the order of the goals and of the resolution. */
export const sdgTargets: readonly SdgTarget[] = sdgTargetTexts.map(([code, en]) => ({
  code: SdgTargetCode.parse(code),
  goal: goalOf(code),
  title: { en },
}));

/** Indicator codes with titles: goals 1, 2, 5, 10, 13 and 16 in full, a few others. */
export const sdgIndicators: readonly SdgIndicator[] = sdgIndicatorTexts.map(([code, en]) => ({
  code: SdgIndicatorCode.parse(code),
  target: sdgTargetOf(code),
  goal: goalOf(code),
  title: { en },
}));

const goalByNumber = new Map(sdgGoals.map((g) => [g.number, g]));
const targetByCode = new Map(sdgTargets.map((t) => [t.code, t]));
const indicatorByCode = new Map(sdgIndicators.map((i) => [i.code, i]));

export function findSdgGoal(goal: number): SdgGoal | undefined {
  return goalByNumber.get(goal);
}

export function findSdgTarget(code: string): SdgTarget | undefined {
  return targetByCode.get(code);
}

export function findSdgIndicator(code: string): SdgIndicator | undefined {
  return indicatorByCode.get(code);
}

export function targetsOfGoal(goal: number): SdgTarget[] {
  return sdgTargets.filter((t) => t.goal === goal);
}

export function indicatorsOfTarget(target: string): SdgIndicator[] {
  return sdgIndicators.filter((i) => i.target === target);
}
