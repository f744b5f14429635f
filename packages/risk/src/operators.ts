import type { AggregationOperator } from '@prevention/core';

/**
 * The aggregation operators on 0–10 scores, for present children only (the engine drops the
 * missing ones first). `weights` are relative and need not sum to 1; `scales` are the factors
 * of `scaled-max`. Results are clipped to 0–10.
 */
export function aggregate(
  operator: AggregationOperator,
  values: readonly number[],
  weights: readonly number[],
  scales: readonly number[] = [],
): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const w of weights) total += w;
  let result: number;
  switch (operator) {
    case 'weighted-mean': {
      let sum = 0;
      values.forEach((x, i) => (sum += (weights[i] ?? 0) * x));
      result = sum / total;
      break;
    }
    case 'geometric-mean': {
      let logSum = 0;
      let zero = false;
      values.forEach((x, i) => {
        if (x <= 0) zero = true;
        else logSum += (weights[i] ?? 0) * Math.log(x);
      });
      result = zero ? 0 : Math.exp(logSum / total);
      break;
    }
    case 'reverse-geometric-mean': {
      let logSum = 0;
      values.forEach((x, i) => (logSum += (weights[i] ?? 0) * Math.log(1 + (9 * (10 - x)) / 10)));
      result = (10 * (10 - Math.exp(logSum / total))) / 9;
      break;
    }
    case 'max':
      result = Math.max(...values);
      break;
    case 'min':
      result = Math.min(...values);
      break;
    case 'scaled-max':
      result = Math.max(...values.map((x, i) => (scales[i] ?? 1) * x));
      break;
  }
  return result < 0 ? 0 : result > 10 ? 10 : result;
}

/**
 * How much of a parent's score each present child accounts for; the parts add up to the
 * parent. A weighted mean splits exactly (wᵢxᵢ/Σw). The geometric means have no additive
 * split, so their score is apportioned in proportion to wᵢxᵢ. Maximum, minimum and scaled
 * maximum give everything to the child that decided it (shared on a tie).
 */
export function contributionsTo(
  operator: AggregationOperator,
  parent: number,
  values: readonly number[],
  weights: readonly number[],
  scales: readonly number[] = [],
): number[] {
  const n = values.length;
  if (n === 0) return [];
  switch (operator) {
    case 'weighted-mean':
    case 'geometric-mean':
    case 'reverse-geometric-mean': {
      const parts = values.map((x, i) => (weights[i] ?? 0) * x);
      const sum = parts.reduce((a, b) => a + b, 0);
      if (sum === 0) return values.map(() => parent / n);
      return parts.map((p) => (parent * p) / sum);
    }
    case 'max':
    case 'min':
    case 'scaled-max': {
      const keyed = values.map((x, i) => (operator === 'scaled-max' ? (scales[i] ?? 1) * x : x));
      const target = operator === 'min' ? Math.min(...keyed) : Math.max(...keyed);
      const winners = keyed.filter((k) => k === target).length;
      return keyed.map((k) => (k === target ? parent / winners : 0));
    }
  }
}
