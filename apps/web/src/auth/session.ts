import { hasAnyRole, type Role } from '@prevention/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  cachedSession,
  forgetSession,
  rememberSession,
  type CachedSession,
} from '../offline/session-cache.js';
import { useTRPC } from '../trpc/trpc.js';

export type CurrentSession = CachedSession;

export interface SessionState {
  /** The signed-in user, or null; undefined while it is being asked for. */
  session: CurrentSession | null | undefined;
  isError: boolean;
  /** The user is the one last signed in on this device; the server has not confirmed it yet. */
  fromDevice: boolean;
}

/**
 * The signed-in user. Until the server answers — offline, or on a slow link — the user last
 * signed in on this device stands in, so the app opens at once with their drafts; every call
 * to the server still needs the real session, and when the server says there is none the user
 * is sent to sign in (their drafts stay on the device).
 */
export function useSession(): SessionState {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.auth.session.queryOptions(), staleTime: 30_000 });
  const cached = query.data === undefined ? cachedSession() : null;
  if (cached) return { session: cached, isError: false, fromDevice: true };
  return { session: query.data, isError: query.isError, fromDevice: false };
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
