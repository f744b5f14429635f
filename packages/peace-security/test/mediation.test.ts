import { describe, expect, it } from 'vitest';
import { pooledShareOfWomen } from '../src/index.js';
import { mediation } from './factories.js';

describe('pooled share of women in mediation', () => {
  it('counts everyone once across engagements, so a large delegation weighs more', () => {
    const engagements = [
      mediation({ negotiators: { women: 1, men: 9 } }),
      mediation({ negotiators: { women: 3, men: 27 } }),
      mediation({ negotiators: { women: 6, men: 4 } }),
    ];
    // (1 + 3 + 6) women of 50 people, not the mean of 10 %, 10 % and 60 %.
    expect(pooledShareOfWomen(engagements, (e) => e.negotiators)).toBe(20);
  });

  it('is undefined when nobody is counted', () => {
    expect(pooledShareOfWomen([mediation()], (e) => e.signatories)).toBeUndefined();
    expect(pooledShareOfWomen([], (e) => e.mediators)).toBeUndefined();
  });
});
