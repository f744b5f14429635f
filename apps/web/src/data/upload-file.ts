import type {
  BoundaryInfo,
  HxlMapping,
  HxlMappingSuggestion,
  Inspection,
} from '@prevention/exchange';
import { clientHeader } from '../trpc/trpc.js';

/** What `PUT /api/imports/upload` answers (apps/server/src/exchange-routes.ts). */
export interface UploadAnswer {
  upload: { id: string; fileName: string; byteSize: number; contentHash: string };
  /** What the file is; null when it could not be read, with the reason in `problem`. */
  inspection: Inspection | null;
  /** A GeoJSON file of boundaries: what it holds (then `inspection` is null). */
  boundaries: BoundaryInfo | null;
  problem: string | null;
  /** HXL: the mapping confirmed earlier for files with the same hashtags. */
  savedMapping: HxlMapping | null;
  suggestion: HxlMappingSuggestion | null;
  /** A committed batch of a file with exactly these bytes. */
  sameContentAs: { id: string; fileName: string; createdAt: string } | null;
}

export type UploadResult =
  | { ok: true; answer: UploadAnswer }
  /** `code` as the server named it (`PAYLOAD_TOO_LARGE` …), or `NETWORK` when it never answered. */
  | { ok: false; code: string; message: string | null };

export interface UploadProgress {
  sent: number;
  total: number;
}

/**
 * Sends a file's bytes to the upload route. XMLHttpRequest rather than fetch: only it reports
 * the bytes sent as they go (`upload.onprogress`), which a large file on a slow link needs.
 */
export function uploadFile(
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', '/api/imports/upload');
    request.responseType = 'json';
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    for (const [name, value] of Object.entries(clientHeader)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) =>
      onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
    request.onload = () => resolve(resultOf(request.status, request.response));
    request.onerror = () => resolve({ ok: false, code: 'NETWORK', message: null });
    request.onabort = () => resolve({ ok: false, code: 'ABORTED', message: null });
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

function resultOf(status: number, body: unknown): UploadResult {
  if (status === 200 && isUploadAnswer(body)) return { ok: true, answer: body };
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    ok: false,
    code: typeof error?.code === 'string' ? error.code : `HTTP_${status}`,
    message: typeof error?.message === 'string' ? error.message : null,
  };
}

function isUploadAnswer(body: unknown): body is UploadAnswer {
  const upload = (body as { upload?: { id?: unknown } } | null)?.upload;
  return typeof upload?.id === 'string' && 'inspection' in (body as object);
}
