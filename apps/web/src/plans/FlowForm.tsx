import type { FundingFlow } from '@prevention/planning';
import { useId, useState, type FormEvent } from 'react';
import { OrganisationOptions } from './OrganisationOptions.js';
import { withFlow, type FlowDraft } from './plan-edits.js';
import type { PlanDetail, PlanOrganisation } from './plan-types.js';
import { usePlanStrings } from './plan-strings.js';
import { SaveMessage } from './SaveMessage.js';
import { useSavePlan } from './use-save-plan.js';

const statuses: FundingFlow['status'][] = ['pledged', 'committed', 'disbursed'];

/**
 * Records money for an action: a pledge (shown, not counted), a commitment or a disbursement,
 * from a source organisation, in any currency at a stated rate to the US dollar.
 */
export function FlowForm({
  plan,
  organisations,
  today,
}: {
  plan: PlanDetail;
  organisations: readonly PlanOrganisation[];
  today: string;
}) {
  const p = usePlanStrings();
  const id = useId();
  const initial: FlowDraft = {
    sourceOrganisationId: '',
    actionId: '',
    status: 'committed',
    date: today,
    amount: '',
    currency: 'USD',
    usdRate: '1',
  };
  const [draft, setDraft] = useState<FlowDraft>(initial);
  const [tried, setTried] = useState(false);
  const { outcome, pending, save } = useSavePlan(plan);
  const errors: Partial<Record<keyof FlowDraft, string>> = {
    ...(draft.sourceOrganisationId === '' ? { sourceOrganisationId: p('editor.required') } : {}),
    ...(draft.actionId === '' ? { actionId: p('editor.required') } : {}),
    ...(!/^(0|[1-9]\d{0,10})(\.\d{1,2})?$/.test(draft.amount.trim())
      ? { amount: p('editor.amountFormat') }
      : {}),
    ...(!/^[A-Za-z]{3}$/.test(draft.currency.trim())
      ? { currency: p('editor.currencyFormat') }
      : {}),
    ...(!/^(0|[1-9]\d{0,8})(\.\d{1,10})?$/.test(draft.usdRate.trim()) ||
    !/[1-9]/.test(draft.usdRate)
      ? { usdRate: p('editor.rateFormat') }
      : {}),
  };
  const shown = (key: keyof FlowDraft) => (tried ? errors[key] : undefined);
  const described = (key: keyof FlowDraft) => ({
    id: `${id}-${key}`,
    'aria-invalid': shown(key) ? (true as const) : undefined,
    'aria-describedby': shown(key) ? `${id}-${key}-error` : undefined,
  });
  const error = (key: keyof FlowDraft) =>
    shown(key) ? (
      <p id={`${id}-${key}-error`} className="error-text">
        {shown(key)}
      </p>
    ) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(errors).length > 0) return;
    save(withFlow(plan.content, draft), () => {
      setDraft(initial);
      setTried(false);
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} className="plan-form">
      <h3 id={`${id}-heading`}>{p('editor.addFlow')}</h3>
      <div className="field">
        <label htmlFor={`${id}-actionId`}>{p('editor.flowAction')}</label>
        <select
          {...described('actionId')}
          value={draft.actionId}
          onChange={(event) => setDraft({ ...draft, actionId: event.target.value })}
        >
          <option value="">{p('editor.choose')}</option>
          {plan.content.actions.map((action) => (
            <option key={action.id} value={action.id}>
              {action.title}
            </option>
          ))}
        </select>
        {error('actionId')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-sourceOrganisationId`}>{p('editor.flowSource')}</label>
        <select
          {...described('sourceOrganisationId')}
          value={draft.sourceOrganisationId}
          onChange={(event) => setDraft({ ...draft, sourceOrganisationId: event.target.value })}
        >
          <OrganisationOptions organisations={organisations} />
        </select>
        {error('sourceOrganisationId')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{p('editor.flowStatus')}</label>
        <select
          id={`${id}-status`}
          value={draft.status}
          onChange={(event) =>
            setDraft({ ...draft, status: event.target.value as FlowDraft['status'] })
          }
        >
          {statuses.map((status) => (
            <option key={status} value={status}>
              {p(`flowStatus.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{p('editor.flowDate')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={draft.date}
          onChange={(event) => setDraft({ ...draft, date: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-amount`}>{p('editor.amount')}</label>
        <input
          {...described('amount')}
          inputMode="decimal"
          value={draft.amount}
          onChange={(event) => setDraft({ ...draft, amount: event.target.value })}
        />
        {error('amount')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-currency`}>{p('editor.currency')}</label>
        <input
          {...described('currency')}
          maxLength={3}
          value={draft.currency}
          onChange={(event) => setDraft({ ...draft, currency: event.target.value })}
        />
        {error('currency')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-usdRate`}>{p('editor.usdRate')}</label>
        <input
          {...described('usdRate')}
          inputMode="decimal"
          value={draft.usdRate}
          onChange={(event) => setDraft({ ...draft, usdRate: event.target.value })}
        />
        {error('usdRate')}
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {p('editor.saveFlow')}
        </button>
      </div>
      <SaveMessage outcome={outcome} />
    </form>
  );
}
