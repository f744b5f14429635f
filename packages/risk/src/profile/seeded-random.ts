/**
 * Deterministic pseudo-random numbers for the uncertainty band. A profile's draws depend only
 * on a seed derived from what they are for (an area and a month, or a model version), never on
 * a clock or on the order of the work, so that recomputing one area-month gives the same band,
 * bit for bit, as recomputing the world.
 */

/** Uniform numbers in [0, 1) from a 32-bit seed (mulberry32: small, fast, well mixed). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit hash of a string (FNV-1a over its UTF-16 code units). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The seed of one area's draws for one month (a month index, see `monthIndex`). */
export function areaMonthSeed(areaCode: string, month: number): number {
  // MurmurHash3's finaliser spreads neighbouring months over unrelated seeds.
  let h = (hashString(areaCode) ^ Math.imul(month + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
