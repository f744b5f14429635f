/**
 * Limits that the API server enforces and its clients respect, so a well-behaved client never
 * trips them: the tRPC batch link and the server's batch check read the same number.
 */
export const apiLimits = {
  /** The most operations one batched HTTP request may carry. */
  maxBatchSize: 20,
} as const;
