import { ActionForm } from './ActionForm.js';
import { FlowForm } from './FlowForm.js';
import { OutcomeForm } from './OutcomeForm.js';
import type { PlanAnalysis, PlanDetail, PlanOrganisation } from './plan-types.js';
import { usePlanStrings } from './plan-strings.js';

/**
 * The team lead's editor: an outcome, an action or money added at a time, each saved as the
 * plan's next revision. The figures above recompute from what the server then holds.
 */
export function PlanEditor({
  plan,
  analysis,
  organisations,
}: {
  plan: PlanDetail;
  analysis: PlanAnalysis;
  organisations: readonly PlanOrganisation[];
}) {
  const p = usePlanStrings();
  return (
    <section aria-labelledby="editor-title" className="panel no-print plan-editor">
      <h2 id="editor-title">{p('editor.title')}</h2>
      <p>{p('editor.intro', { revision: plan.revision })}</p>
      <OutcomeForm plan={plan} />
      {plan.content.outcomes.length > 0 ? (
        <ActionForm plan={plan} analysis={analysis} organisations={organisations} />
      ) : null}
      {plan.content.actions.length > 0 ? (
        <FlowForm plan={plan} organisations={organisations} today={analysis.today} />
      ) : null}
    </section>
  );
}
