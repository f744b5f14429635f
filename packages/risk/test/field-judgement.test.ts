import { describe, expect, it } from 'vitest';
import { classDistance, judgementClass } from '../src/index.js';

describe("the field's judgement", () => {
  it('reads likelihood × impact on the five-by-five matrix', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 15, 16, 25].map(judgementClass)).toEqual([
      'very-low',
      'very-low',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'very-high',
      'very-high',
    ]);
    expect(judgementClass(5 * 1)).toBe(judgementClass(1 * 5));
    expect(judgementClass(0)).toBeUndefined();
    expect(judgementClass(26)).toBeUndefined();
  });

  it('counts the classes between two classes', () => {
    expect(classDistance('low', 'low')).toBe(0);
    expect(classDistance('very-low', 'very-high')).toBe(4);
    expect(classDistance('high', 'medium')).toBe(1);
    expect(classDistance('high', 'unknown')).toBeUndefined();
  });
});
