import { AlertOutcome } from '@prevention/early-warning';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '../trpc/trpc.js';
import type { AlertFormat } from './alert-format.js';
import { useAlertStrings } from './alert-strings.js';
import { useAlertStepCallbacks, type ReportOutcome } from './use-alert-step.js';

interface StepFormProps {
  alertId: string;
  report: ReportOutcome;
}

/** Acknowledges the alert: someone has seen it and it is no longer overdue. */
export function AcknowledgeForm({ alertId, report }: StepFormProps) {
  const a = useAlertStrings();
  const trpc = useTRPC();
  const callbacks = useAlertStepCallbacks(report);
  const id = useId();
  const [note, setNote] = useState('');
  const acknowledge = useMutation(
    trpc.alerts.acknowledge.mutationOptions(callbacks(() => a('forms.acknowledged'))),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    acknowledge.mutate({ id: alertId, ...(text ? { note: text } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate className="alert-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{a('forms.acknowledgeTitle')}</h3>
      <OptionalNote id={`${id}-note`} value={note} onChange={setNote} />
      <div className="actions">
        <button type="submit" disabled={acknowledge.isPending}>
          {a('forms.acknowledge')}
        </button>
      </div>
    </form>
  );
}

/** The note a step may carry, at most as long as the server keeps. */
function OptionalNote({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const a = useAlertStrings();
  return (
    <div className="field wide">
      <label htmlFor={id}>{a('forms.noteOptional')}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={2000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** Closes the alert with what became of it. */
export function CloseForm({ alertId, report }: StepFormProps) {
  const a = useAlertStrings();
  const trpc = useTRPC();
  const callbacks = useAlertStepCallbacks(report);
  const id = useId();
  const [outcome, setOutcome] = useState<AlertOutcome>('addressed');
  const [note, setNote] = useState('');
  const close = useMutation(
    trpc.alerts.close.mutationOptions(
      callbacks(() => a('forms.closed', { outcome: a(`outcome.${outcome}`) })),
    ),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    close.mutate({ id: alertId, outcome, ...(text ? { note: text } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate className="alert-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{a('forms.closeTitle')}</h3>
      <fieldset className="field wide choices">
        <legend>{a('forms.outcome')}</legend>
        {AlertOutcome.options.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={value}
              checked={outcome === value}
              onChange={() => setOutcome(value)}
            />
            {a(`outcome.${value}`)}
          </label>
        ))}
      </fieldset>
      <OptionalNote id={`${id}-note`} value={note} onChange={setNote} />
      <div className="actions">
        <button type="submit" disabled={close.isPending}>
          {a('forms.close')}
        </button>
      </div>
    </form>
  );
}

/** Snoozes the alert until a date; the server wakes it sooner if its level rises. */
export function SnoozeForm({ alertId, report, format }: StepFormProps & { format: AlertFormat }) {
  const a = useAlertStrings();
  const trpc = useTRPC();
  const callbacks = useAlertStepCallbacks(report);
  const id = useId();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const [until, setUntil] = useState('');
  const [error, setError] = useState('');
  const snooze = useMutation(
    trpc.alerts.snooze.mutationOptions(
      callbacks(() => a('forms.snoozed', { date: format.date(until) })),
    ),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until < tomorrow) {
      setError(a('forms.needsDate'));
      return;
    }
    setError('');
    snooze.mutate({ id: alertId, until });
  };
  return (
    <form onSubmit={submit} noValidate className="alert-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{a('forms.snoozeTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-until`}>{a('forms.snoozeUntil')}</label>
        <input
          id={`${id}-until`}
          type="date"
          min={tomorrow}
          value={until}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(event) => setUntil(event.target.value)}
        />
        <p id={`${id}-hint`} className="hint">
          {a('forms.snoozeHint')}
        </p>
      </div>
      <div className="actions">
        <button type="submit" className="secondary" disabled={snooze.isPending}>
          {a('forms.snooze')}
        </button>
      </div>
      <p id={`${id}-error`} role="alert" className="error-text">
        {error}
      </p>
    </form>
  );
}
