import { useId, useState, type FormEvent } from 'react';
import { CheckboxGroup } from './CheckboxGroup.js';
import { withOutcome, type OutcomeDraft } from './plan-edits.js';
import type { PlanDetail } from './plan-types.js';
import { usePlanStrings } from './plan-strings.js';
import { SaveMessage } from './SaveMessage.js';
import { pillarIds, type PillarId } from './pillars.js';
import { useSavePlan } from './use-save-plan.js';

const empty: OutcomeDraft = { title: '', description: '', pillars: [], sdgTargets: '' };

/** Adds a collective outcome: a result that needs at least two pillars, or it is not collective. */
export function OutcomeForm({ plan }: { plan: PlanDetail }) {
  const p = usePlanStrings();
  const id = useId();
  const [draft, setDraft] = useState<OutcomeDraft>(empty);
  const [tried, setTried] = useState(false);
  const { outcome, pending, save } = useSavePlan(plan);
  const pillarError = tried && draft.pillars.length < 2 ? p('editor.twoPillars') : undefined;
  const titleError = tried && draft.title.trim() === '' ? p('editor.required') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (draft.title.trim() === '' || draft.pillars.length < 2) return;
    save(withOutcome(plan.content, draft), () => {
      setDraft(empty);
      setTried(false);
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="plan-form">
      <h3 id={`${id}-title`}>{p('editor.addOutcome')}</h3>
      <div className="field wide">
        <label htmlFor={`${id}-name`}>{p('editor.outcomeTitle')}</label>
        <input
          id={`${id}-name`}
          value={draft.title}
          maxLength={300}
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${id}-name-error` : undefined}
          onChange={(event) => setDraft({ ...draft, title: event.target.value })}
        />
        {titleError ? (
          <p id={`${id}-name-error`} className="error-text">
            {titleError}
          </p>
        ) : null}
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-description`}>{p('editor.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          maxLength={4000}
          value={draft.description}
          onChange={(event) => setDraft({ ...draft, description: event.target.value })}
        />
      </div>
      <CheckboxGroup<PillarId>
        legend={p('editor.outcomePillars')}
        options={pillarIds.map((pillar) => ({ value: pillar, label: p(`pillar.${pillar}`) }))}
        chosen={draft.pillars}
        onChange={(pillars) => setDraft({ ...draft, pillars })}
        error={pillarError}
      />
      <div className="field">
        <label htmlFor={`${id}-sdg`}>{p('editor.sdgTargets')}</label>
        <input
          id={`${id}-sdg`}
          value={draft.sdgTargets}
          aria-describedby={`${id}-sdg-hint`}
          onChange={(event) => setDraft({ ...draft, sdgTargets: event.target.value })}
        />
        <p id={`${id}-sdg-hint`} className="hint">
          {p('editor.sdgHint')}
        </p>
      </div>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {p('editor.saveOutcome')}
        </button>
      </div>
      <SaveMessage outcome={outcome} />
    </form>
  );
}
