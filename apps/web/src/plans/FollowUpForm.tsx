import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import { usePlanStrings } from './plan-strings.js';

type Status = 'open' | 'ongoing' | 'completed';
const statuses: Status[] = ['open', 'ongoing', 'completed'];

/** A follow-up, dated today by the server, leaving the decision in the status chosen. */
export function FollowUpForm({ decisionId, current }: { decisionId: string; current: Status }) {
  const { t } = useTranslation();
  const p = usePlanStrings();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<Status>(current === 'open' ? 'ongoing' : current);
  const [error, setError] = useState('');
  const followUp = useMutation(
    trpc.decisions.followUp.mutationOptions({
      onSuccess: async () => {
        setText('');
        setError('');
        await queryClient.invalidateQueries({ queryKey: [['decisions']] });
        await queryClient.invalidateQueries({ queryKey: [['plans', 'dueFromMe']] });
      },
      onError: (failure) => setError(errorMessage(t, errorCode(failure))),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError(p('editor.required'));
      return;
    }
    followUp.mutate({ id: decisionId, text: text.trim(), status });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="follow-up-form"
      aria-label={p('decisions.followUp')}
    >
      <div className="field wide">
        <label htmlFor={`${id}-text`}>{p('decisions.followUpText')}</label>
        <textarea
          id={`${id}-text`}
          rows={2}
          maxLength={4000}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{p('decisions.leaveAs')}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => setStatus(event.target.value as Status)}
        >
          {statuses.map((value) => (
            <option key={value} value={value}>
              {p(`decisionStatus.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="secondary" disabled={followUp.isPending}>
          {p('decisions.followUp')}
        </button>
      </div>
      <p id={`${id}-error`} role="alert" className="error-text">
        {error}
      </p>
    </form>
  );
}
