import type { RouterOutputs } from '@prevention/api';

export type ImportBatch = RouterOutputs['imports']['byId'];
export type BatchStatus = ImportBatch['status'];

/** A batch still reading its file, whose numbers change from one look to the next. */
export function isRunning(status: BatchStatus): boolean {
  return status === 'queued' || status === 'reading';
}

/** How often the pages look again at a running batch. */
export const pollIntervalMs = 1_000;
