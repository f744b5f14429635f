import type { DraftOnDevice } from '../offline/local-drafts.js';

/** Where a draft stands between this device and the server, in one word for a badge. */
export type DraftState = 'conflict' | 'rejected' | 'sending' | 'waiting' | 'sent' | 'not-editable';

export function draftState(device: DraftOnDevice, sending: boolean): DraftState {
  const { draft, waiting } = device;
  if (draft.problem?.kind === 'conflict') return 'conflict';
  if (draft.problem?.kind === 'rejected') return 'rejected';
  if (waiting.length > 0)
    return sending && waiting.some((w) => w.attempts > 0) ? 'sending' : 'waiting';
  if (draft.serverStatus !== null && !isEditableStatus(draft.serverStatus)) return 'not-editable';
  return 'sent';
}

export function isEditableStatus(status: string | null): boolean {
  return status === null || status === 'draft' || status === 'returned';
}
