import type { DatabaseClient } from '@prevention/db';

/** What the API needs from its host, built once at start. */
export interface ApiDependencies {
  db: DatabaseClient;
  /** `pglite` or `postgres`, shown in `system.info`. */
  databaseKind: 'pglite' | 'postgres';
  version: string;
  mode: 'demo' | 'production';
}

export interface RequestInfo {
  /** The id the host gave this request; it is in every log line and every error response. */
  requestId: string;
}

/**
 * The context of one call. The inner part needs no HTTP request, so tests and scripts build it
 * directly; the host adds what it takes from the request (see apps/server).
 */
export function createContextInner(deps: ApiDependencies, request: RequestInfo) {
  return { ...deps, requestId: request.requestId };
}

export type Context = ReturnType<typeof createContextInner>;
