import { z } from 'zod';
import { AreaCode } from './areas/area.js';
import { Id } from './id.js';
import { PillarId } from './pillar.js';
import { FieldSensitivity } from './redaction.js';
import { Sensitivity } from './sensitivity.js';

/** How far a reported fact has been checked. */
export const VerificationStatus = z.enum(['unverified', 'reported', 'corroborated', 'verified']);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

/** 1 (minor) to 5 (critical): how grave the fact is for prevention, as judged by its reporter. */
export const Severity = z.number().int().min(1).max(5);
export type Severity = z.infer<typeof Severity>;

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * A signal: a dated, located fact that a pillar reports — a conflict event, a human-rights
 * concern, a hazard, a displacement movement. This envelope is the same for every pillar; the
 * pillar module that owns `kind` validates `payload` with that kind's schema and supplies the
 * default sensitivity of its fields (victims' and witnesses' identities are strictly confidential).
 */
export const Signal = z.object({
  id: Id,
  pillar: PillarId,
  /** The kind within the pillar, e.g. `conflict-event` or `violation`. */
  kind: z.string().regex(/^[a-z][a-z0-9-]*$/),
  areaCode: AreaCode,
  occurredOn: IsoDate,
  title: z.string().min(1).max(300),
  severity: Severity,
  verification: VerificationStatus,
  source: z.string().min(1).max(500),
  /** The sensitivity of the record as a whole: who may know it exists. */
  sensitivity: Sensitivity,
  /** The sensitivity of individual payload fields, where it is above the record's. */
  fieldSensitivity: FieldSensitivity,
  payload: z.record(z.string(), z.unknown()),
});
export type Signal = z.infer<typeof Signal>;
