import type { TRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { useTRPC } from '../trpc/trpc.js';
import type { AlertContractRouter } from './alert-contract.js';

/**
 * The tRPC proxy with the early-warning procedures typed as the contract states them, until the
 * API's router is merged: at run time it is the app's own proxy, which calls any path.
 */
export function useAlertsTRPC() {
  return useTRPC() as unknown as TRPCOptionsProxy<AlertContractRouter>;
}
