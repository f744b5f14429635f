import { hasAnyRole, type Role } from '@prevention/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  cachedSession,
  forgetSession,
  rememberSession,
  type CachedSession,
} from '../offline/session-cache.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';

export type CurrentSession = CachedSession;

export interface SessionState {
  /** The signed-in user, or null; undefined while it is being asked for. */
  session: CurrentSession | null | undefined;
  isError: boolean;
  /** The server is out of reach and the user is the one last signed in on this device. */
  offline: boolean;
}

export function useSession(): SessionState {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.auth.session.queryOptions(), staleTime: 30_000 });
  const unreachable =
    query.data === undefined &&
    (query.fetchStatus === 'paused' || (query.isError && errorCode(query.error) === undefined));
  const cached = unreachable ? cachedSession() : null;
  if (cached) return { session: cached, isError: false, offline: true };
  return { session: query.data, isError: query.isError, offline: false };
}

/** Keeps the device's copy of the signed-in user in step with what the server says. */
export function useSessionMemory(): void {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.auth.session.queryOptions(), staleTime: 30_000 });
  useEffect(() => {
    if (data) void rememberSession(data);
    else if (data === null) void forgetSession();
  }, [data]);
}

export function holdsRole(session: CurrentSession | null | undefined, roles: Role[]): boolean {
  return session ? hasAnyRole(session.actor, roles) : false;
}
