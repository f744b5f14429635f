import type { Actor, UserAccount } from '@prevention/core';
import type { DatabaseClient, RiskRunRecord, Session } from '@prevention/db';
import type { PasswordHashing } from './auth/passwords.js';
import type { SessionCache } from './auth/session-cache.js';
import type { UploadStore } from './services/imports/upload-store.js';
import type { ServerKeys } from './auth/server-keys.js';
import type { RiskViewCache } from './services/risk/risk-view-cache.js';

/** What sign-in, sessions and the audit log need from the host's configuration. */
export interface SecuritySettings {
  /** A session unused for this long ends (30 minutes by default). */
  sessionIdleMs: number;
  /** A session ends this long after sign-in, however active (12 hours by default). */
  sessionAbsoluteMs: number;
  passwordHashing: PasswordHashing;
  keys: ServerKeys;
  signInThrottle: SignInThrottle;
}

/** Failed sign-in calls allowed per window before further calls are refused unchecked. */
export interface SignInThrottle {
  windowMs: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

/** What the API needs from its host, built once at start. */
export interface ApiDependencies {
  db: DatabaseClient;
  /** `pglite` or `postgres`, shown in `system.info`. */
  databaseKind: 'pglite' | 'postgres';
  version: string;
  mode: 'demo' | 'production';
  security: SecuritySettings;
  /** The clock; tests move it to reach idle and absolute expiry. */
  now: () => Date;
  /** Sessions read recently by this process: one cache per process, never shared between two. */
  sessionCache: SessionCache;
  /**
   * Where uploaded files wait, and how an import is handed to the background jobs. A host
   * without them (a test of something else) answers the import procedures with an error.
   */
  imports?: ImportServices | undefined;
  /** How a recomputation of risk profiles is handed to the background jobs. */
  risk?: RiskServices | undefined;
  /** How an evaluation of the early-warning rules is handed to the background jobs. */
  alerts?: AlertServices | undefined;
}

/** What the evaluation of the early-warning rules covers; empty: every area, recent months. */
export interface AlertEvaluationRequest {
  areaCodes?: readonly string[] | undefined;
  countryCode?: string | undefined;
  /** The earliest month whose data changed; the evaluation covers recent months only. */
  from?: string | undefined;
}

export interface AlertServices {
  /** Queues an evaluation of the enabled rules as a background job; resolves to the job's id. */
  queueEvaluation(request: AlertEvaluationRequest): Promise<string>;
}

export interface RiskServices {
  /** Queues a recomputation of every area's profiles as a background job (null: the system's). */
  recomputeAll(requestedBy: string | null): Promise<RiskRunRecord>;
  /** Queues the recomputation of these areas from their first changed month. */
  recomputeTouched(
    areas: readonly { areaCode: string; countryCode: string; from: string }[],
  ): Promise<void>;
  /** The HQ views' answers of the last few seconds, cleared as recomputations write. */
  views?: RiskViewCache;
}

export interface ImportServices {
  uploads: UploadStore;
  /** Queues the batch's import as a background job. */
  enqueue(batchId: string, uploadId: string): Promise<void>;
  /** Queues the deletion of the rows of a batch that is no longer visible (rolled back). */
  purgeLater(batchId: string): Promise<void>;
}

/** How a procedure asks the host to set or clear the session cookie of its response. */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface RequestInfo {
  /** The id the host gave this request; it is in every log line and every error response. */
  requestId: string;
  /** The client's address, as the host determined it (behind a trusted proxy, the forwarded one). */
  clientAddress: string;
  /** The session token from the request's cookie, if it had a well-formed one. */
  sessionToken: string | null;
  cookies: SessionCookieJar;
}

/** The session a request carries, if any. */
export type SessionState =
  | { kind: 'none' }
  /** The password was right; the second factor is still to come. */
  | { kind: 'second-factor'; session: Session; user: UserAccount }
  | { kind: 'active'; session: Session; user: UserAccount; actor: Actor };

export type SessionResolver = (
  deps: ApiDependencies,
  token: string | null,
) => Promise<SessionState>;

/**
 * The context of one HTTP request (every call of a batch shares it). The session is resolved the
 * first time a procedure needs it (from the session cache, or else the database) and remembered
 * for the rest of the request; a public procedure that does not ask never looks it up.
 */
export function createContextInner(
  deps: ApiDependencies,
  request: RequestInfo,
  resolveSession: SessionResolver,
) {
  let session: Promise<SessionState> | undefined;
  return {
    ...deps,
    requestId: request.requestId,
    clientAddress: request.clientAddress,
    sessionToken: request.sessionToken,
    cookies: request.cookies,
    session: (): Promise<SessionState> => (session ??= resolveSession(deps, request.sessionToken)),
    /** Forgets the remembered session after sign-in or sign-out changed it. */
    forgetSession: (): void => {
      session = undefined;
    },
  };
}

export type Context = ReturnType<typeof createContextInner>;
