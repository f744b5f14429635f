import { skipToken, useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { CheckboxGroup } from '../plans/CheckboxGroup.js';
import { useTRPC } from '../trpc/trpc.js';
import { useAlertStrings } from './alert-strings.js';
import { useAlertStepCallbacks, type ReportOutcome } from './use-alert-step.js';

/**
 * Records what answers the alert: actions of one of the country's plans and decisions logged for
 * the country (the plan and decision procedures list them, within the reader's scope), with a
 * note. The active plan is chosen first, since that is where a response usually lies.
 */
export function RespondForm({
  alertId,
  countryCode,
  report,
}: {
  alertId: string;
  countryCode: string;
  report: ReportOutcome;
}) {
  const a = useAlertStrings();
  const trpc = useTRPC();
  const callbacks = useAlertStepCallbacks(report);
  const id = useId();
  const plans = useQuery(trpc.plans.list.queryOptions({ countryCode }));
  const decisions = useQuery(trpc.decisions.list.queryOptions({ countryCode, limit: 100 }));
  const planList = plans.data ?? [];
  const preferred = planList.find((plan) => plan.status === 'active') ?? planList[0];
  const [chosenPlan, setChosenPlan] = useState<string | null>(null);
  const planId = chosenPlan ?? preferred?.id;
  const plan = useQuery(trpc.plans.byId.queryOptions(planId ? { id: planId } : skipToken));
  const [actionIds, setActionIds] = useState<string[]>([]);
  const [decisionIds, setDecisionIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ links?: string; note?: string }>({});
  const respond = useMutation(
    trpc.alerts.respond.mutationOptions(callbacks(() => a('forms.responded'))),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    const found = {
      ...(actionIds.length + decisionIds.length === 0 ? { links: a('forms.needsLink') } : {}),
      ...(text === '' ? { note: a('forms.needsNote') } : {}),
    };
    setErrors(found);
    if (found.links || found.note) return;
    respond.mutate({ id: alertId, planActionIds: actionIds, decisionIds, note: text });
  };

  const actions = plan.data?.content.actions ?? [];
  // The "choose one" error is read with the first group shown, once.
  const linksErrorOnActions = actions.length > 0;
  const loading =
    plans.isPending || decisions.isPending || (planId !== undefined && plan.isPending);
  return (
    <form onSubmit={submit} noValidate className="alert-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{a('forms.respondTitle')}</h3>
      {loading ? (
        <p role="status" className="muted">
          {a('forms.loadingChoices')}
        </p>
      ) : null}
      {planList.length === 0 ? (
        plans.isPending ? null : (
          <p className="muted">{a('forms.noPlan')}</p>
        )
      ) : (
        <div className="field">
          <label htmlFor={`${id}-plan`}>{a('forms.plan')}</label>
          <select
            id={`${id}-plan`}
            value={planId}
            onChange={(event) => {
              setChosenPlan(event.target.value);
              setActionIds([]);
            }}
          >
            {planList.map((option) => (
              <option key={option.id} value={option.id}>
                {option.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {plan.data ? (
        actions.length === 0 ? (
          <p className="muted">{a('forms.noActions')}</p>
        ) : (
          <CheckboxGroup
            legend={a('forms.planActions')}
            options={actions.map((action) => ({
              value: action.id,
              label: action.title,
            }))}
            chosen={actionIds}
            onChange={setActionIds}
            error={linksErrorOnActions ? errors.links : undefined}
          />
        )
      ) : null}
      {decisions.data ? (
        decisions.data.length === 0 ? (
          <p className="muted">{a('forms.noDecisions')}</p>
        ) : (
          <CheckboxGroup
            legend={a('forms.decisions')}
            options={decisions.data.map(({ decision }) => ({
              value: decision.id,
              label: decision.text,
            }))}
            chosen={decisionIds}
            onChange={setDecisionIds}
            error={linksErrorOnActions ? undefined : errors.links}
          />
        )
      ) : null}
      {errors.links && !linksErrorOnActions && !decisions.data?.length ? (
        <p className="error-text">{errors.links}</p>
      ) : null}
      <div className="field wide">
        <label htmlFor={`${id}-note`}>{a('forms.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={2000}
          value={note}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? `${id}-note-error` : undefined}
          onChange={(event) => setNote(event.target.value)}
        />
        {errors.note ? (
          <p id={`${id}-note-error`} className="error-text">
            {errors.note}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" disabled={respond.isPending}>
          {a('forms.respond')}
        </button>
      </div>
    </form>
  );
}
