import { useCallback, useEffect, useState } from 'react';

export interface StorageStatus {
  /** Whether the browser keeps this site's data when space runs low; null where it cannot say. */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

async function readStatus(): Promise<StorageStatus> {
  const storage = navigator.storage as StorageManager | undefined;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : null,
    storage?.estimate ? storage.estimate().catch(() => null) : null,
  ]);
  return {
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
  };
}

/**
 * Asks the browser to keep the drafts even when the device runs short of space (it may say no,
 * or ask the user), and reports whether it does and how much space is left.
 */
export function useStorageStatus(): StorageStatus | null {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const refresh = useCallback(async () => setStatus(await readStatus()), []);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const storage = navigator.storage as StorageManager | undefined;
      if (storage?.persist && !(await storage.persisted?.().catch(() => false))) {
        await storage.persist().catch(() => false);
      }
      const next = await readStatus();
      if (!cancelled) setStatus(next);
    })();
    return () => {
      cancelled = true;
    };
  }, [refresh]);
  return status;
}
