import type {
  AssessmentContent,
  AssessmentStatus,
  ServerVersion,
  SyncAnswer,
} from '@prevention/assessment';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * What the app keeps on the device, in IndexedDB: each user's drafts and outbox, the signed-in
 * user (to open the app offline) and the form metadata. Drafts and the outbox are written in
 * one transaction with strict durability, so a save reported as done survives a power cut.
 */

/** Why the server did not take the last item sent for a draft. */
export type DraftProblem =
  | {
      kind: 'conflict';
      reason: Extract<SyncAnswer, { outcome: 'conflict' }>['reason'];
      /** The server's copy of the losing version; null when it kept none. */
      conflictId: string | null;
      theirs: ServerVersion | null;
      at: string;
    }
  | {
      kind: 'rejected';
      code: string;
      message: string;
      issues: { path: (string | number)[]; message: string }[];
      at: string;
    };

/** An assessment as edited on this device by one user. */
export interface LocalDraft {
  userId: string;
  assessmentId: string;
  areaCode: string;
  period: string;
  content: AssessmentContent;
  /** The server revision this content builds on; null until the server has acknowledged one. */
  baseRevision: number | null;
  /** The status on the server when last heard of; null before the first acknowledgement. */
  serverStatus: AssessmentStatus | null;
  /** Counts saves on this device, so a tab notices when another saved the same draft. */
  localVersion: number;
  savedAt: string;
  acknowledgedAt: string | null;
  problem: DraftProblem | null;
}

/** One save waiting to be sent: a `SyncItem` once its base revision is known. */
export interface OutboxEntry {
  clientId: string;
  userId: string;
  assessmentId: string;
  areaCode: string;
  period: string;
  content: AssessmentContent;
  savedAt: string;
  /** How often it was sent. Once sent it is never changed, so a replay is byte-identical. */
  attempts: number;
  /** The base revision, fixed when it was first sent; null while it has not been sent. */
  sentBase: { revision: number | null } | null;
}

export interface CacheEntry {
  key: string;
  value: unknown;
  storedAt: string;
}

export interface PreventionSchema extends DBSchema {
  drafts: {
    key: [string, string];
    value: LocalDraft;
    indexes: { byUser: string };
  };
  outbox: {
    key: string;
    value: OutboxEntry;
    indexes: { byUser: string; byAssessment: [string, string] };
  };
  cache: { key: string; value: CacheEntry };
}

export type LocalDatabase = IDBPDatabase<PreventionSchema>;

export const databaseName = 'prevention';

/** Opens (and creates or upgrades) the device database. */
export function openLocalDatabase(name = databaseName): Promise<LocalDatabase> {
  return openDB<PreventionSchema>(name, 1, {
    upgrade(db) {
      const drafts = db.createObjectStore('drafts', { keyPath: ['userId', 'assessmentId'] });
      drafts.createIndex('byUser', 'userId');
      const outbox = db.createObjectStore('outbox', { keyPath: 'clientId' });
      outbox.createIndex('byUser', 'userId');
      outbox.createIndex('byAssessment', ['userId', 'assessmentId']);
      db.createObjectStore('cache', { keyPath: 'key' });
    },
    blocking(_current, _next, event) {
      // A newer version of the app, in another tab, needs to upgrade the database: let it.
      (event.target as IDBDatabase).close();
    },
  });
}

let shared: Promise<LocalDatabase> | null = null;

/** The database of this page, opened once. Rejects where IndexedDB is unavailable. */
export function localDatabase(): Promise<LocalDatabase> {
  shared ??= openLocalDatabase().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}
