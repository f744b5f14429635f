/** How far a batch has read its file, in whole percent (a file of no bytes is read at once). */
export function percentRead(bytesRead: number, byteSize: number): number {
  if (byteSize <= 0) return 100;
  return Math.min(100, Math.floor((bytesRead / byteSize) * 100));
}

/** Below this much reading time the rate says more about start-up than about the file. */
const minimumElapsedMs = 1_000;

/**
 * The seconds a batch still needs to read its file, at the average rate since it started
 * reading; null while there is too little to go on (not started, nothing read yet, under a
 * second). An estimate: validation and the final commit come after the last byte.
 */
export function estimateSecondsLeft(progress: {
  bytesRead: number;
  byteSize: number;
  startedAt: string | null;
  now: Date;
}): number | null {
  if (!progress.startedAt || progress.bytesRead <= 0) return null;
  const elapsedMs = progress.now.getTime() - new Date(progress.startedAt).getTime();
  if (!Number.isFinite(elapsedMs) || elapsedMs < minimumElapsedMs) return null;
  const remaining = Math.max(0, progress.byteSize - progress.bytesRead);
  const bytesPerMs = progress.bytesRead / elapsedMs;
  return Math.ceil(remaining / bytesPerMs / 1_000);
}

export type DurationUnit = 'second' | 'minute' | 'hour';

/**
 * A duration in the one unit a person would say it in: seconds up to a minute and a half,
 * minutes up to an hour and a half, then hours — rounded up, since an estimate that runs out
 * early reads worse than one that finishes ahead.
 */
export function roundDuration(seconds: number): { value: number; unit: DurationUnit } {
  if (seconds < 90) return { value: Math.max(1, Math.ceil(seconds)), unit: 'second' };
  if (seconds < 90 * 60) return { value: Math.ceil(seconds / 60), unit: 'minute' };
  return { value: Math.ceil(seconds / 3_600), unit: 'hour' };
}

/** "12 seconds", "3 minutes", « 2 heures », "٣ دقائق": the duration in the reader's language. */
export function formatDuration(seconds: number, language: string): string {
  const { value, unit } = roundDuration(seconds);
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(
    value,
  );
}
