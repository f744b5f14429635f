import type { AppRouter } from '@prevention/api';
import { apiLimits } from '@prevention/core';
import { MutationCache, QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type ApiClient = ReturnType<typeof useTRPCClient>;

/** The header the server requires on every API request: a page on another site cannot add it. */
export const clientHeader = { 'x-prevention-client': 'web' } as const;

export function createQueryClient(): QueryClient {
  // When the server says the session is gone (idle timeout, signed out elsewhere, disabled),
  // the session query is refetched, and the route guard sends the user to the sign-in page.
  const onError = (error: unknown) => {
    if (errorCode(error) === 'UNAUTHORIZED') {
      void queryClient.invalidateQueries({ predicate: isSessionQuery });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Reference data changes rarely; a minute keeps navigation instant without going stale.
        staleTime: 60_000,
        retry: (failureCount, error) => failureCount < 2 && !isClientError(error),
      },
    },
  });
  return queryClient;
}

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        maxItems: apiLimits.maxBatchSize,
        headers: () => clientHeader,
      }),
    ],
  });
}

function isSessionQuery(query: Query): boolean {
  const [path] = query.queryKey as [unknown];
  return Array.isArray(path) && path.join('.') === 'auth.session';
}

/** The code the server gave a failed call (`UNAUTHORIZED`, `CONFLICT` …), if any. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The fields the server found invalid, by path (`password`, `scope.countries` …). */
export function invalidFields(error: unknown): string[] {
  const issues = (error as { data?: { issues?: { path: (string | number)[] }[] } } | null)?.data
    ?.issues;
  return Array.isArray(issues) ? issues.map((issue) => issue.path.join('.')) : [];
}

/** A 4xx will fail the same way again; retrying only makes the user wait. */
function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}
