import { describe, expect, it } from 'vitest';
import { evenTicks, evidenceDomain, niceCeiling } from '../../src/alerts/evidence-scale.js';

describe('the evidence chart scale', () => {
  it('rounds the top up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.2, 2.2, 4, 7, 12, 230].map(niceCeiling)).toEqual([
      1, 1, 2, 2.5, 5, 10, 20, 250,
    ]);
  });

  it('keeps the threshold and the baseline inside the chart when the series stays below them', () => {
    expect(evidenceDomain([1, 2, 3], [4.5, 9])).toEqual([0, 10]);
  });

  it('starts below zero only when a value does', () => {
    expect(evidenceDomain([-3, 2], [null, 1])).toEqual([-3, 2]);
    expect(evidenceDomain([], [null, 0])).toEqual([0, 1]);
  });

  it('spaces ticks evenly from the bottom to the top', () => {
    expect(evenTicks([0, 10], 4)).toEqual([0, 2.5, 5, 7.5, 10]);
  });
});
