import type { PlanAction, RagRating } from '@prevention/planning';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../i18n/access-labels.js';
import { useTranslation } from '../i18n/i18n.js';
import { errorCode, useTRPC } from '../trpc/trpc.js';
import type { PlanDetail } from './plan-types.js';
import { usePlanStrings } from './plan-strings.js';
import { SaveMessage } from './SaveMessage.js';

const statuses: PlanAction['status'][] = [1, 2, 3, 4, 5, 6];
const ratings: RagRating[] = ['green', 'amber', 'red'];

/**
 * Reports progress on an action of an active plan: where it stands (IATI's status), the share of
 * its milestones met, a red/amber/green rating and a narrative, dated and signed by the server.
 */
export function ReportForm({ plan, today }: { plan: PlanDetail; today: string }) {
  const { t } = useTranslation();
  const p = usePlanStrings();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [actionId, setActionId] = useState('');
  const [status, setStatus] = useState<PlanAction['status']>(2);
  const [percent, setPercent] = useState('');
  const [rating, setRating] = useState<RagRating>('green');
  const [narrative, setNarrative] = useState('');
  const [message, setMessage] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const report = useMutation(
    trpc.plans.addReport.mutationOptions({
      onSuccess: async () => {
        setNarrative('');
        setPercent('');
        setMessage({ kind: 'done', text: p('report.saved') });
        await queryClient.invalidateQueries({ queryKey: [['plans']] });
      },
      onError: (failure) =>
        setMessage({ kind: 'error', text: errorMessage(t, errorCode(failure)) }),
    }),
  );
  const milestones = Number(percent);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (
      actionId === '' ||
      narrative.trim() === '' ||
      percent.trim() === '' ||
      !Number.isFinite(milestones) ||
      milestones < 0 ||
      milestones > 100
    ) {
      setMessage({ kind: 'error', text: p('report.incomplete') });
      return;
    }
    report.mutate({
      planId: plan.id,
      report: {
        actionId,
        date: today,
        status,
        milestonesMetPercent: milestones,
        rating,
        narrative: narrative.trim(),
      },
    });
  };
  return (
    <section aria-labelledby={`${id}-title`} className="panel no-print">
      <h2 id={`${id}-title`}>{p('report.title')}</h2>
      <form onSubmit={submit} noValidate className="plan-form">
        <div className="field">
          <label htmlFor={`${id}-action`}>{p('report.action')}</label>
          <select
            id={`${id}-action`}
            value={actionId}
            onChange={(e) => setActionId(e.target.value)}
          >
            <option value="">{p('editor.choose')}</option>
            {plan.content.actions.map((action) => (
              <option key={action.id} value={action.id}>
                {action.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{p('editor.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => setStatus(Number(e.target.value) as PlanAction['status'])}
          >
            {statuses.map((value) => (
              <option key={value} value={value}>
                {p(`activityStatus.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-percent`}>{p('report.milestones')}</label>
          <input
            id={`${id}-percent`}
            type="number"
            min={0}
            max={100}
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
          />
        </div>
        <fieldset className="field wide checkbox-group">
          <legend>{p('report.rating')}</legend>
          {ratings.map((value) => (
            <label key={value} className="checkbox">
              <input
                type="radio"
                name={`${id}-rating`}
                value={value}
                checked={rating === value}
                onChange={() => setRating(value)}
              />{' '}
              {p(`rag.${value}`)}
            </label>
          ))}
        </fieldset>
        <div className="field wide">
          <label htmlFor={`${id}-narrative`}>{p('report.narrative')}</label>
          <textarea
            id={`${id}-narrative`}
            rows={3}
            maxLength={8000}
            value={narrative}
            onChange={(e) => setNarrative(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" disabled={report.isPending}>
            {p('report.save')}
          </button>
        </div>
        <SaveMessage outcome={message} />
      </form>
    </section>
  );
}
