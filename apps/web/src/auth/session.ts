import type { RouterOutputs } from '@prevention/api';
import { hasAnyRole, type Role } from '@prevention/core';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc/trpc.js';

export type CurrentSession = NonNullable<RouterOutputs['auth']['session']>;

/** The signed-in user, or null; undefined while it is being asked for. */
export function useSession(): { session: CurrentSession | null | undefined; isError: boolean } {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.auth.session.queryOptions(), staleTime: 30_000 });
  return { session: query.data, isError: query.isError };
}

export function holdsRole(session: CurrentSession | null | undefined, roles: Role[]): boolean {
  return session ? hasAnyRole(session.actor, roles) : false;
}
