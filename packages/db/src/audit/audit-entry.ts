import { createHash } from 'node:crypto';
import { canonicalJson, Id } from '@prevention/core';
import { z } from 'zod';

/**
 * One field that an audited action changed or disclosed. Values of confidential and strictly
 * confidential fields are never stored: the caller replaces them with a `KeyedHash`, so the log
 * proves what changed without disclosing a victim.
 */
export const KeyedHash = z.object({ keyedHash: z.string().regex(/^hmac-sha256:[0-9a-f]{64}$/) });
export type KeyedHash = z.infer<typeof KeyedHash>;

export const AuditChange = z.object({
  field: z.string().min(1),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditOutcome = z.enum(['success', 'denied', 'failure']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditEntry = z.object({
  /** Position in the chain, from 1, without gaps. */
  seq: z.number().int().positive(),
  id: Id,
  /** UTC. */
  occurredAt: z.iso.datetime(),
  /** Null for the command line and the system itself. */
  actorUserId: Id.nullable(),
  /** The roles the actor held at the time. */
  actorRoles: z.array(z.string()),
  /** What was done, e.g. `signal.create`, `signal.read`, `user.update`, `session.sign-in`. */
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  outcome: AuditOutcome,
  requestId: z.string().nullable(),
  changes: z.array(AuditChange),
  /** The hash of the entry before this one (64 zeros for the first). */
  prevHash: z.string(),
  /** SHA-256 over `prevHash` and the canonical form of everything above. */
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** What a caller supplies; the log assigns the position, id and hashes. */
export interface NewAuditEntry {
  occurredAt: Date;
  actorUserId: string | null;
  actorRoles: readonly string[];
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  changes: readonly AuditChange[];
}

export const auditGenesisHash = '0'.repeat(64);

/** The part of an entry that its hash covers, besides the previous hash. */
export type HashedAuditContent = Omit<AuditEntry, 'prevHash' | 'hash'>;

export function hashAuditEntry(content: HashedAuditContent, prevHash: string): string {
  const canonical = canonicalJson({
    seq: content.seq,
    id: content.id,
    occurredAt: content.occurredAt,
    actorUserId: content.actorUserId,
    actorRoles: content.actorRoles,
    action: content.action,
    resourceType: content.resourceType,
    resourceId: content.resourceId,
    outcome: content.outcome,
    requestId: content.requestId,
    changes: content.changes,
  });
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}
