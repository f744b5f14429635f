import {
  deleteSignInAttemptsBefore,
  deleteStaleSessions,
  type DatabaseHandle,
} from '@prevention/db';
import type { UploadStore } from '@prevention/api';
import type { Logger } from 'pino';

const day = 24 * 60 * 60_000;
const hour = 60 * 60_000;

/**
 * Forgets what no longer matters for security: sessions that ended or expired, and sign-in
 * attempts older than any throttling window, a day after the fact; and uploads left a day
 * without being imported. Runs at start, then hourly.
 */
export function startHousekeeping(
  database: DatabaseHandle,
  log: Logger,
  uploads?: UploadStore,
): { stop(): void } {
  const run = async () => {
    const before = new Date(Date.now() - day);
    try {
      const sessions = await deleteStaleSessions(database.db, before);
      const attempts = await deleteSignInAttemptsBefore(database.db, before);
      if (sessions + attempts > 0)
        log.debug({ sessions, attempts }, 'forgot stale sessions and sign-in attempts');
      // An upload nobody started importing within a day is deleted.
      const files = (await uploads?.removeOlderThan(day)) ?? 0;
      if (files > 0) log.debug({ files }, 'deleted uploads left unimported');
    } catch (error) {
      log.warn({ err: error }, 'housekeeping failed; it will run again in an hour');
    }
  };
  void run();
  const timer = setInterval(() => void run(), hour);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
