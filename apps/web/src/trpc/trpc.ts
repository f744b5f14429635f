import type { AppRouter } from '@prevention/api';
import { apiLimits } from '@prevention/core';
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Reference data changes rarely; a minute keeps navigation instant without going stale.
        staleTime: 60_000,
        retry: (failureCount, error) => failureCount < 2 && !isClientError(error),
      },
    },
  });
}

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: '/trpc', maxItems: apiLimits.maxBatchSize })],
  });
}

/** A 4xx will fail the same way again; retrying only makes the user wait. */
function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}
