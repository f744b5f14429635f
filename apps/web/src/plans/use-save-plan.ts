import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import type { PlanContentView, PlanDetail } from './plan-types.js';
import { usePlanStrings } from './plan-strings.js';
import type { FormOutcome } from './SaveMessage.js';

export type SaveOutcome = FormOutcome;

/**
 * Saves new content over the plan as its next revision, from the revision the reader has: when
 * someone saved in between, the server refuses it as a conflict and nothing is lost but this
 * edit, which the message says to make again on the fresh plan.
 */
export function useSavePlan(plan: PlanDetail) {
  const { t } = useTranslation();
  const p = usePlanStrings();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const save = useMutation(
    trpc.plans.save.mutationOptions({
      onSuccess: async (next) => {
        setOutcome({
          kind: 'done',
          text: p('editor.saved', { revision: next.revision }),
          problems: [],
        });
        await queryClient.invalidateQueries({ queryKey: [['plans']] });
      },
      onError: (failure) => {
        const code = errorCode(failure);
        setOutcome({
          kind: 'error',
          text: code === 'CONFLICT' ? p('editor.conflict') : errorMessage(t, code),
          problems: problemsOf(failure),
        });
      },
    }),
  );
  return {
    outcome,
    pending: save.isPending,
    save: (content: PlanContentView, onSaved: () => void) =>
      save.mutate(
        { id: plan.id, baseRevision: plan.revision, content },
        { onSuccess: () => onSaved() },
      ),
  };
}

function problemsOf(error: unknown): string[] {
  const issues = (error as { data?: { issues?: { message?: unknown }[] } } | null)?.data?.issues;
  return Array.isArray(issues)
    ? issues.flatMap((issue) => (typeof issue.message === 'string' ? [issue.message] : []))
    : [];
}
