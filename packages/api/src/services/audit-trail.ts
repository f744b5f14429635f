import { jsonEqual, sensitivityRank, type Actor, type Sensitivity } from '@prevention/core';
import {
  canonicalJson,
  type AuditChange,
  type AuditOutcome,
  type NewAuditEntry,
} from '@prevention/db';
import { keyedHash } from '../auth/server-keys.js';
import type { Context } from '../context.js';

export type AuditContext = Pick<Context, 'now' | 'requestId' | 'security'>;

/** Who did it, for the log: a signed-in actor, a user identified by sign-in, or nobody (the CLI). */
export type AuditActor = Pick<Actor, 'userId' | 'roles'> | null;

export interface AuditedEvent {
  action: string;
  resourceType: string;
  resourceId: string | null;
  outcome?: AuditOutcome;
  changes?: readonly AuditChange[];
}

export function auditEntry(
  ctx: Pick<AuditContext, 'now' | 'requestId'>,
  actor: AuditActor,
  event: AuditedEvent,
): NewAuditEntry {
  return {
    occurredAt: ctx.now(),
    actorUserId: actor?.userId ?? null,
    actorRoles: actor ? [...actor.roles] : [],
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    outcome: event.outcome ?? 'success',
    requestId: ctx.requestId,
    changes: event.changes ?? [],
  };
}

/**
 * A value as the audit log may hold it: itself up to restricted; above that, a keyed hash, which
 * shows whether a value changed and lets someone holding the value check it, but discloses nothing.
 */
export function loggableValue(ctx: AuditContext, level: Sensitivity, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (sensitivityRank(level) < sensitivityRank('confidential')) return value;
  return { keyedHash: keyedHash(ctx.security.keys.auditHmac, canonicalJson(value)) };
}

/** The fields that differ between two versions of a record (either may be absent). */
export function changedFields<T extends object>(
  ctx: AuditContext,
  before: T | null,
  after: T | null,
  fields: readonly (keyof T & string)[],
  levelOf: (field: keyof T & string) => Sensitivity,
): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const was = before?.[field] ?? null;
    const is = after?.[field] ?? null;
    if (jsonEqual(was, is)) continue;
    const level = levelOf(field);
    changes.push({
      field,
      before: loggableValue(ctx, level, was),
      after: loggableValue(ctx, level, is),
    });
  }
  return changes;
}
