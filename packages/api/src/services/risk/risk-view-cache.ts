/**
 * The answers of the HQ views (`risk.overview`, `risk.area`), kept for a few seconds. Profiles
 * change only when a recomputation writes them, yet every planner who opens the map asks for
 * the same 193 rows: reading and parsing them once per request made the overview the slowest
 * read of the API. An answer is keyed by everything it depends on — model version, month, area,
 * and the reader's scope and clearance — so two readers share one only when they would see the
 * same thing.
 *
 * Freshness: a recomputation in this process clears the cache as it writes each area
 * (`invalidate`), and an answer is never older than `maxAgeMs` (5 s), which bounds what a reader
 * of another server process over the same PostgreSQL database may miss.
 */
export class RiskViewCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly options: { maxAgeMs?: number; maxEntries?: number; now?: () => number } = {},
  ) {}

  /** The cached answer for `key`, or `load`'s, kept; a failed load is not kept. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < (this.options.maxAgeMs ?? 5_000)) return hit.value as Promise<T>;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    // Oldest first in a Map: drop from the front past the bound.
    const max = this.options.maxEntries ?? 1_000;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  /** Forgets every answer: profiles or model versions have changed. */
  invalidate(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
