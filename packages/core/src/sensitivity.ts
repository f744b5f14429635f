import { z } from 'zod';

/**
 * The four sensitivity levels of the IASC Operational Guidance on Data Responsibility in
 * Humanitarian Action (low, moderate, high, severe), in increasing order. Every stored record,
 * and every field that can identify a person, carries one; a user's clearance is one of them.
 */
export const sensitivityLevels = [
  'public',
  'restricted',
  'confidential',
  'strictly-confidential',
] as const;

export const Sensitivity = z.enum(sensitivityLevels);
export type Sensitivity = z.infer<typeof Sensitivity>;

/** The IASC name of each level, for documents that follow the guidance's wording. */
export const iascSeverity: Readonly<Record<Sensitivity, 'low' | 'moderate' | 'high' | 'severe'>> = {
  public: 'low',
  restricted: 'moderate',
  confidential: 'high',
  'strictly-confidential': 'severe',
};

export function sensitivityRank(level: Sensitivity): number {
  return sensitivityLevels.indexOf(level);
}

/** Whether a holder of `clearance` may see data marked `level`. */
export function isCleared(clearance: Sensitivity, level: Sensitivity): boolean {
  return sensitivityRank(level) <= sensitivityRank(clearance);
}

/** The stricter of two levels: a record is as sensitive as its most sensitive part. */
export function stricterSensitivity(a: Sensitivity, b: Sensitivity): Sensitivity {
  return sensitivityRank(a) >= sensitivityRank(b) ? a : b;
}
