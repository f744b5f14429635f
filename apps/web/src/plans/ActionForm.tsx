import { stages } from '@prevention/assessment';
import { localise } from '@prevention/core';
import { stageOrder, type PlanAction } from '@prevention/planning';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { OrganisationOptions } from './OrganisationOptions.js';
import { CheckboxGroup } from './CheckboxGroup.js';
import { cycleYears, withAction, type ActionDraft } from './plan-edits.js';
import { riskNodeTitle } from './plan-format.js';
import type { PlanAnalysis, PlanDetail, PlanOrganisation } from './plan-types.js';
import { usePlanStrings } from './plan-strings.js';
import { pillarIds, type PillarId } from './pillars.js';
import { SaveMessage } from './SaveMessage.js';
import { useSavePlan } from './use-save-plan.js';

const statuses: PlanAction['status'][] = [1, 2, 3, 4, 5, 6];
const markers: PlanAction['genderMarker'][] = [0, 1, 2, 3];

/**
 * Adds an action: the outcomes and pillars it serves, where it stands on the continuum, who
 * leads it, its dates, its markers (both mandatory, as in UN INFO), the risk drivers it
 * addresses — the country's current ones are offered, those no action addresses first — and the
 * budget it requires.
 */
export function ActionForm({
  plan,
  analysis,
  organisations,
}: {
  plan: PlanDetail;
  analysis: PlanAnalysis;
  organisations: readonly PlanOrganisation[];
}) {
  const { i18n } = useTranslation();
  const p = usePlanStrings();
  const id = useId();
  const years = cycleYears(plan.content);
  const initial: ActionDraft = {
    title: '',
    outcomeIds: [],
    pillars: [],
    stage: 'prevention',
    leadOrganisationId: '',
    plannedStart: `${plan.content.cycle.startYear}-01-01`,
    plannedEnd: `${plan.content.cycle.endYear}-12-31`,
    status: 1,
    genderMarker: 1,
    humanRightsMarker: 1,
    riskDrivers: [],
    budgetYear: years[0] ?? String(plan.content.cycle.startYear),
    budgetUsd: '',
  };
  const [draft, setDraft] = useState<ActionDraft>(initial);
  const [tried, setTried] = useState(false);
  const { outcome, pending, save } = useSavePlan(plan);
  const unaddressed = new Set(
    Object.values(analysis.gaps.unaddressedRisks).flatMap((drivers) => drivers.map((d) => d.node)),
  );
  const drivers = [...(analysis.riskProfile?.drivers ?? [])].sort(
    (a, b) =>
      Number(unaddressed.has(b.node)) - Number(unaddressed.has(a.node)) || b.score - a.score,
  );
  const errors = {
    title: draft.title.trim() === '' ? p('editor.required') : undefined,
    outcomeIds: draft.outcomeIds.length === 0 ? p('editor.oneOutcome') : undefined,
    pillars: draft.pillars.length === 0 ? p('editor.onePillar') : undefined,
    leadOrganisationId: draft.leadOrganisationId === '' ? p('editor.required') : undefined,
    plannedEnd: draft.plannedEnd < draft.plannedStart ? p('editor.endAfterStart') : undefined,
    budgetUsd:
      draft.budgetUsd.trim() !== '' && !/^(0|[1-9]\d{0,10})$/.test(draft.budgetUsd.trim())
        ? p('editor.wholeDollars')
        : undefined,
  };
  const shown = (key: keyof typeof errors) => (tried ? errors[key] : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    save(withAction(plan.content, draft), () => {
      setDraft(initial);
      setTried(false);
    });
  };

  const field = (
    key: keyof typeof errors,
    label: string,
    control: (props: FieldProps) => ReactNode,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {control({
        id: `${id}-${key}`,
        'aria-invalid': shown(key) ? true : undefined,
        'aria-describedby': shown(key) ? `${id}-${key}-error` : undefined,
      })}
      {shown(key) ? (
        <p id={`${id}-${key}-error`} className="error-text">
          {shown(key)}
        </p>
      ) : null}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} className="plan-form">
      <h3 id={`${id}-heading`}>{p('editor.addAction')}</h3>
      {field('title', p('editor.actionTitle'), (props) => (
        <input
          {...props}
          maxLength={300}
          value={draft.title}
          onChange={(event) => setDraft({ ...draft, title: event.target.value })}
        />
      ))}
      <CheckboxGroup
        legend={p('editor.actionOutcomes')}
        options={plan.content.outcomes.map((o) => ({ value: o.id, label: o.title }))}
        chosen={draft.outcomeIds}
        onChange={(outcomeIds) => setDraft({ ...draft, outcomeIds })}
        error={shown('outcomeIds')}
      />
      <CheckboxGroup<PillarId>
        legend={p('editor.actionPillars')}
        options={pillarIds.map((pillar) => ({ value: pillar, label: p(`pillar.${pillar}`) }))}
        chosen={draft.pillars}
        onChange={(pillars) => setDraft({ ...draft, pillars })}
        error={shown('pillars')}
      />
      <div className="field">
        <label htmlFor={`${id}-stage`}>{p('editor.stage')}</label>
        <select
          id={`${id}-stage`}
          value={draft.stage}
          onChange={(event) =>
            setDraft({ ...draft, stage: event.target.value as ActionDraft['stage'] })
          }
        >
          {stageOrder.map((stage) => (
            <option key={stage} value={stage}>
              {localise(stages[stage], i18n.language)}
            </option>
          ))}
        </select>
      </div>
      {field('leadOrganisationId', p('editor.lead'), (props) => (
        <select
          {...props}
          value={draft.leadOrganisationId}
          onChange={(event) => setDraft({ ...draft, leadOrganisationId: event.target.value })}
        >
          <OrganisationOptions organisations={organisations} />
        </select>
      ))}
      <div className="field">
        <label htmlFor={`${id}-start`}>{p('editor.plannedStart')}</label>
        <input
          id={`${id}-start`}
          type="date"
          value={draft.plannedStart}
          onChange={(event) => setDraft({ ...draft, plannedStart: event.target.value })}
        />
      </div>
      {field('plannedEnd', p('editor.plannedEnd'), (props) => (
        <input
          {...props}
          type="date"
          value={draft.plannedEnd}
          onChange={(event) => setDraft({ ...draft, plannedEnd: event.target.value })}
        />
      ))}
      <div className="field">
        <label htmlFor={`${id}-status`}>{p('editor.status')}</label>
        <select
          id={`${id}-status`}
          value={draft.status}
          onChange={(event) =>
            setDraft({ ...draft, status: Number(event.target.value) as ActionDraft['status'] })
          }
        >
          {statuses.map((status) => (
            <option key={status} value={status}>
              {p(`activityStatus.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {(['genderMarker', 'humanRightsMarker'] as const).map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`${id}-${key}`}>{p(`editor.${key}`)}</label>
          <select
            id={`${id}-${key}`}
            value={draft[key]}
            onChange={(event) =>
              setDraft({ ...draft, [key]: Number(event.target.value) as ActionDraft[typeof key] })
            }
          >
            {markers.map((level) => (
              <option key={level} value={level}>
                {p(`marker.${level}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
      {drivers.length > 0 ? (
        <CheckboxGroup
          legend={p('editor.riskDrivers')}
          options={drivers.map((driver) => ({
            value: driver.node,
            label: unaddressed.has(driver.node)
              ? p('editor.driverUnaddressed', {
                  driver: riskNodeTitle(analysis.riskNodeTitles, driver.node, i18n.language),
                })
              : riskNodeTitle(analysis.riskNodeTitles, driver.node, i18n.language),
          }))}
          chosen={draft.riskDrivers}
          onChange={(riskDrivers) => setDraft({ ...draft, riskDrivers })}
        />
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-year`}>{p('editor.budgetYear')}</label>
        <select
          id={`${id}-year`}
          value={draft.budgetYear}
          onChange={(event) => setDraft({ ...draft, budgetYear: event.target.value })}
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {field('budgetUsd', p('editor.budgetUsd'), (props) => (
        <input
          {...props}
          inputMode="numeric"
          value={draft.budgetUsd}
          onChange={(event) => setDraft({ ...draft, budgetUsd: event.target.value })}
        />
      ))}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {p('editor.saveAction')}
        </button>
      </div>
      <SaveMessage outcome={outcome} />
    </form>
  );
}

interface FieldProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
