import { describe, expect, it } from 'vitest';
import {
  developmentPillar,
  findSdgIndicator,
  findSdgTarget,
  indicatorsOfTarget,
  sdgGoals,
  sdgIndicators,
  sdgTargets,
  targetsOfGoal,
} from '../src/index.js';

describe('the SDG framework', () => {
  it('has 17 goals and 169 targets, distributed as in resolution 70/1', () => {
    expect(sdgGoals.map((g) => g.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(sdgTargets).toHaveLength(169);
    expect(new Set(sdgTargets.map((t) => t.code)).size).toBe(169);
    expect(sdgGoals.map((g) => targetsOfGoal(g.number).length)).toEqual([
      7, 8, 13, 10, 9, 8, 5, 12, 8, 10, 10, 11, 5, 10, 12, 12, 19,
    ]);
  });

  it('numbers targets with digits, then means of implementation with letters', () => {
    expect(targetsOfGoal(16).map((t) => t.code)).toEqual([
      '16.1',
      '16.2',
      '16.3',
      '16.4',
      '16.5',
      '16.6',
      '16.7',
      '16.8',
      '16.9',
      '16.10',
      '16.a',
      '16.b',
    ]);
    expect(findSdgTarget('16.1')?.title.en).toBe(
      'Significantly reduce all forms of violence and related death rates everywhere',
    );
  });

  it('lists the indicators of goals 1, 2, 5, 10, 13 and 16 under existing targets', () => {
    for (const goal of [1, 2, 5, 10, 13, 16])
      for (const target of targetsOfGoal(goal))
        expect(indicatorsOfTarget(target.code).length, target.code).toBeGreaterThan(0);
    for (const indicator of sdgIndicators) expect(findSdgTarget(indicator.target)).toBeDefined();
    expect(findSdgIndicator('16.1.2')?.title.en).toBe(
      'Conflict-related deaths per 100,000 population, by sex, age and cause',
    );
    expect(indicatorsOfTarget('16.10').map((i) => i.code)).toEqual(['16.10.1', '16.10.2']);
  });

  it('links every catalogue indicator to SDG indicators that exist', () => {
    for (const indicator of developmentPillar.indicators)
      for (const code of indicator.sdgIndicators)
        expect(findSdgIndicator(code), code).toBeDefined();
  });
});
