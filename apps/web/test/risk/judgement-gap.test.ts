import { informRiskClasses } from '@prevention/risk';
import { describe, expect, it } from 'vitest';
import { judgementGap } from '../../src/risk/judgement-gap.js';

describe('the gap between the field judgement and the computed class', () => {
  it('reads a judgement above the computed class as higher, by the classes between them', () => {
    expect(judgementGap('very-high', 'medium', informRiskClasses)).toEqual({
      direction: 'higher',
      classes: 2,
    });
    expect(judgementGap('low', 'very-low', informRiskClasses)).toEqual({
      direction: 'higher',
      classes: 1,
    });
  });

  it('reads a judgement below the computed class as lower', () => {
    expect(judgementGap('very-low', 'very-high', informRiskClasses)).toEqual({
      direction: 'lower',
      classes: 4,
    });
  });

  it('finds no gap when the two are the same class', () => {
    expect(judgementGap('high', 'high', informRiskClasses)).toBeNull();
  });

  it('finds no gap without a computed class or with a class the model does not have', () => {
    expect(judgementGap('high', null, informRiskClasses)).toBeNull();
    expect(judgementGap('high', 'no-data', informRiskClasses)).toBeNull();
    expect(judgementGap('severe', 'low', informRiskClasses)).toBeNull();
  });

  it('counts the classes of the order it is given, as a model with three classes has', () => {
    const three = [
      { id: 'low', label: { en: 'Low' }, from: 0 },
      { id: 'mid', label: { en: 'Mid' }, from: 4 },
      { id: 'top', label: { en: 'Top' }, from: 7 },
    ];
    expect(judgementGap('low', 'top', three)).toEqual({ direction: 'lower', classes: 2 });
  });
});
