import { informRiskClasses } from '@prevention/risk';
import { describe, expect, it } from 'vitest';
import {
  classIdOf,
  fillOf,
  legendOf,
  noDataClass,
  noDataFill,
  sequentialPalette,
} from '../../src/risk/risk-classes.js';

describe('risk classes', () => {
  it('gives the five INFORM classes the palette in order, lightest first, with their ranges', () => {
    const legend = legendOf(informRiskClasses, 'fr');
    expect(
      legend.map((entry) => [entry.id, entry.label, entry.from, entry.to, entry.fill]),
    ).toEqual([
      ['very-low', 'Très faible', 0, 2, sequentialPalette[0]],
      ['low', 'Faible', 2, 3.5, sequentialPalette[1]],
      ['medium', 'Moyen', 3.5, 5, sequentialPalette[2]],
      ['high', 'Élevé', 5, 6.5, sequentialPalette[3]],
      ['very-high', 'Très élevé', 6.5, null, sequentialPalette[4]],
    ]);
  });

  it('spreads another number of classes over the palette, from lightest to darkest', () => {
    const three = [
      { id: 'low', label: { en: 'Low' }, from: 0 },
      { id: 'mid', label: { en: 'Mid' }, from: 4 },
      { id: 'top', label: { en: 'Top' }, from: 7 },
    ];
    expect(legendOf(three, 'en').map((entry) => entry.fill)).toEqual([
      sequentialPalette[0],
      sequentialPalette[2],
      sequentialPalette[4],
    ]);
  });

  it('classes a score by the last lower bound at most the score, and no score as no data', () => {
    expect(classIdOf(0, informRiskClasses)).toBe('very-low');
    expect(classIdOf(1.999, informRiskClasses)).toBe('very-low');
    expect(classIdOf(2, informRiskClasses)).toBe('low');
    expect(classIdOf(6.5, informRiskClasses)).toBe('very-high');
    expect(classIdOf(10, informRiskClasses)).toBe('very-high');
    expect(classIdOf(null, informRiskClasses)).toBe(noDataClass);
    expect(classIdOf(Number.NaN, informRiskClasses)).toBe(noDataClass);
  });

  it('fills no data and unknown classes with the no-data background', () => {
    const legend = legendOf(informRiskClasses, 'en');
    expect(fillOf('high', legend)).toBe(sequentialPalette[3]);
    expect(fillOf(noDataClass, legend)).toBe(noDataFill);
    expect(fillOf('extreme', legend)).toBe(noDataFill);
  });
});
