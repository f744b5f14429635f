import { describe, expect, it } from 'vitest';
import { diffPlans } from '../src/index.js';
import { action, actionId, flowId, outcomeId } from './factories.js';
import { handMadePlan } from './hand-made-plan.js';

describe('readable revision diff of a plan', () => {
  it('is empty for the same plan, whatever the order of its lists', () => {
    const reordered = { ...handMadePlan, actions: [...handMadePlan.actions].reverse() };
    expect(diffPlans(handMadePlan, reordered)).toEqual([]);
  });

  it('labels each changed field section › item › field', () => {
    const after = {
      ...handMadePlan,
      title: 'Sudan prevention plan 2026–2029',
      actions: handMadePlan.actions.map((a) =>
        a.id === actionId(1) ? { ...a, status: 3 as const } : a,
      ),
    };
    expect(diffPlans(handMadePlan, after)).toEqual([
      {
        section: 'plan',
        path: 'title',
        labels: [
          { en: 'Plan', fr: 'Plan' },
          { en: 'Title', fr: 'Titre' },
        ],
        change: 'changed',
        before: 'Sudan prevention plan 2026–2028',
        after: 'Sudan prevention plan 2026–2029',
      },
      {
        section: 'actions',
        path: `actions[${actionId(1)}].status`,
        labels: [
          { en: 'Actions', fr: 'Actions' },
          { en: 'Local peace committees' },
          { en: 'Status', fr: 'Statut' },
        ],
        change: 'changed',
        before: 2,
        after: 3,
      },
    ]);
  });

  it('lists an added action, a removed flow and a changed outcome', () => {
    const added = action({ id: actionId(9), title: 'Early-warning network' });
    const after = {
      ...handMadePlan,
      outcomes: handMadePlan.outcomes.map((o) =>
        o.id === outcomeId(2) ? { ...o, sdgTargets: ['16.3'] } : o,
      ),
      actions: [...handMadePlan.actions, added],
      flows: handMadePlan.flows.filter((f) => f.id !== flowId(3)),
    };
    const entries = diffPlans(handMadePlan, after);
    expect(entries.map((e) => [e.path, e.change])).toEqual([
      [`outcomes[${outcomeId(2)}].sdgTargets`, 'changed'],
      [`actions[${actionId(9)}]`, 'added'],
      [`flows[${flowId(3)}]`, 'removed'],
    ]);
    expect(entries[1]?.after).toEqual(added);
    expect(entries[2]?.labels[1]).toEqual({ en: '500000 USD (2026-02-01)' });
  });
});
