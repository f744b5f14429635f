import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import type { FormOutcome } from '../plans/SaveMessage.js';
import { errorCode } from '../trpc/trpc.js';

/** Tells the alert page what a form's submission came to. */
export type ReportOutcome = (outcome: FormOutcome) => void;

/**
 * The callbacks every alert form's mutation shares: on success the form's message, and every
 * alert query (the page, the inbox, the digest, the counts) fetched afresh; on failure the
 * server's reason in the reader's language, with the server's list of problems when it has one.
 */
export function useAlertStepCallbacks(report: ReportOutcome) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (doneText: () => string) => ({
    onSuccess: async () => {
      report({ kind: 'done', text: doneText() });
      await queryClient.invalidateQueries({ queryKey: [['alerts']] });
    },
    onError: (failure: unknown) =>
      report({
        kind: 'error',
        text: errorMessage(t, errorCode(failure)),
        problems: problemsOf(failure),
      }),
  });
}

/** What the server found wrong in a submission, in its words (a validation's issues). */
export function problemsOf(error: unknown): string[] {
  const issues = (error as { data?: { issues?: { message?: unknown }[] } } | null)?.data?.issues;
  return Array.isArray(issues)
    ? issues.flatMap((issue) => (typeof issue.message === 'string' ? [issue.message] : []))
    : [];
}
