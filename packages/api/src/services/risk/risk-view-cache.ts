/**
 * The answers of the HQ views (`risk.overview`, `risk.area`), kept for a few seconds. Profiles
 * change only when a recomputation writes them, yet every planner who opens the map asks for
 * the same 193 rows: reading and parsing them once per request made the overview the slowest
 * read of the API. An answer is keyed by everything it depends on — model version, month, area,
 * and the reader's scope and clearance — so two readers share one only when they would see the
 * same thing.
 *
 * Freshness: a recomputation in this process clears the cache as it writes each area
 * (`invalidate`), and an answer is never older than `maxAgeMs` (5 s) — its load began less than
 * that long ago — which bounds what a reader of another server process over the same
 * PostgreSQL database may miss.
 */
export class RiskViewCache {
  private readonly entries = new Map<
    string,
    { at: number; value: Promise<unknown>; refreshing: boolean }
  >();

  constructor(
    private readonly options: { maxAgeMs?: number; maxEntries?: number; now?: () => number } = {},
  ) {}

  /**
   * The kept answer for `key`, or `load`'s. An answer past half its age is still given while a
   * fresh one loads beside it (so that readers under steady load never all wait for one
   * reload); past its full age it is not given: the reader waits for the load. A failed load is
   * not kept.
   */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const maxAge = this.options.maxAgeMs ?? 5_000;
    const hit = this.entries.get(key);
    if (hit && now - hit.at < maxAge) {
      if (now - hit.at >= maxAge / 2 && !hit.refreshing) {
        hit.refreshing = true;
        const value = load();
        value.then(
          () => {
            // Kept only if nothing newer (an invalidation, another load) replaced the entry.
            if (this.entries.get(key) === hit) this.keep(key, now, value);
          },
          () => {
            if (this.entries.get(key) === hit) hit.refreshing = false;
          },
        );
      }
      return hit.value as Promise<T>;
    }
    const value = load();
    this.keep(key, now, value);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Forgets every answer: profiles or model versions have changed. */
  invalidate(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(key: string, at: number, value: Promise<unknown>): void {
    this.entries.delete(key);
    this.entries.set(key, { at, value, refreshing: false });
    // Oldest first in a Map: drop from the front past the bound.
    const max = this.options.maxEntries ?? 1_000;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(oldest);
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
