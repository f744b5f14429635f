import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import type { PlanDetail } from './plan-types.js';
import { usePlanStrings } from './plan-strings.js';
import { SaveMessage } from './SaveMessage.js';

/**
 * The lifecycle steps the reader may take now, as the server lists them: the lead submits and
 * activates, a reviewer or HQ planner endorses or returns (with a note saying what to change).
 */
export function PlanLifecycle({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const p = usePlanStrings();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const transition = useMutation(
    trpc.plans.transition.mutationOptions({
      onSuccess: async (next) => {
        setMessage({
          kind: 'done',
          text: p('lifecycle.done', { status: p(`status.${next.status}`) }),
        });
        setNote('');
        await queryClient.invalidateQueries({ queryKey: [['plans']] });
      },
      onError: (failure) =>
        setMessage({ kind: 'error', text: errorMessage(t, errorCode(failure)) }),
    }),
  );
  // The step taken can leave the reader with no step to take: its result is still said.
  if (plan.availableActions.length === 0)
    return message?.kind === 'done' ? (
      <p role="status" className="notice no-print">
        {message.text}
      </p>
    ) : null;
  const returns = plan.availableActions.includes('return');
  return (
    <section aria-labelledby={`${noteId}-title`} className="panel no-print">
      <h2 id={`${noteId}-title`}>{p('lifecycle.title')}</h2>
      {returns ? (
        <div className="field wide">
          <label htmlFor={noteId}>{p('lifecycle.note')}</label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={4000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
      ) : null}
      <div className="actions">
        {plan.availableActions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'return' ? 'secondary' : undefined}
            disabled={transition.isPending}
            onClick={() => {
              if (action === 'return' && note.trim() === '') {
                setMessage({ kind: 'error', text: p('lifecycle.returnNeedsNote') });
                return;
              }
              transition.mutate({
                id: plan.id,
                action,
                revision: plan.revision,
                ...(note.trim() ? { note: note.trim() } : {}),
              });
            }}
          >
            {p(`lifecycle.actions.${action}`)}
          </button>
        ))}
      </div>
      <SaveMessage outcome={message} />
    </section>
  );
}
