import autocannon from 'autocannon';

/** What one route answered under load. */
export interface LoadLatency {
  requestsPerSecond: number;
  /** Milliseconds. autocannon reports no 95th percentile; its 97.5th is the stricter. */
  p975: number;
  p99: number;
  errors: number;
}

/**
 * A route under `connections` concurrent clients for `seconds`, after a one-second warm-up that
 * lets the JIT and the database caches settle before the measured run.
 */
export async function loadLatency(
  url: string,
  options: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadLatency> {
  const { connections, seconds, headers = {} } = options;
  await autocannon({ url, connections, duration: 1, headers });
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return {
    requestsPerSecond: result.requests.average,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
