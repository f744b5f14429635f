import {
  AssessmentFormMetadata,
  assessmentFormFromMetadata,
  type AssessmentForm,
} from '@prevention/assessment';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { localDatabase } from '../offline/local-database.js';
import { useTRPC } from '../trpc/trpc.js';

const cacheKey = 'assessment-form';

async function readCachedMetadata(): Promise<AssessmentFormMetadata | null> {
  try {
    const db = await localDatabase();
    const parsed = AssessmentFormMetadata.safeParse((await db.get('cache', cacheKey))?.value);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type FormState =
  | { status: 'ready'; form: AssessmentForm }
  | { status: 'loading' }
  /** Offline, and this device never received the form. */
  | { status: 'unavailable' };

/**
 * The assessment form — its metadata and the validators the server uses — from the server when
 * it answers, else from the copy this device kept the last time it did.
 */
export function useAssessmentForm(): FormState {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.assessments.form.queryOptions(), staleTime: 10 * 60_000 });
  const [cached, setCached] = useState<AssessmentFormMetadata | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    void readCachedMetadata().then((metadata) => current && setCached(metadata));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    if (!query.data) return;
    const value = query.data;
    void localDatabase()
      .then((db) => db.put('cache', { key: cacheKey, value, storedAt: new Date().toISOString() }))
      .catch(() => undefined);
  }, [query.data]);

  const metadata = query.data ?? cached ?? null;
  const form = useMemo(() => (metadata ? assessmentFormFromMetadata(metadata) : null), [metadata]);
  if (form) return { status: 'ready', form };
  const waiting = cached === undefined || (query.isPending && query.fetchStatus === 'fetching');
  return waiting ? { status: 'loading' } : { status: 'unavailable' };
}
