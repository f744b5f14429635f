import { stages } from '@prevention/assessment';
import { localise } from '@prevention/core';
import { useTranslation } from '../i18n/i18n.js';
import type { PlanAnalysis, PlanDetail } from './plan-types.js';
import type { PlanFormat } from './plan-format.js';
import { usePlanStrings } from './plan-strings.js';

type Matrix = PlanAnalysis['gaps']['matrix'];

/**
 * Joining-up made visible: the pillars (rows) × the stages of the continuum (columns), each cell
 * with its actions and committed money. An empty cell is a gap a planner sees at a glance; it
 * says so in words too, not by colour alone.
 */
export function ContinuumMatrixTable({
  plan,
  matrix,
  format,
}: {
  plan: PlanDetail;
  matrix: Matrix;
  format: PlanFormat;
}) {
  const { i18n } = useTranslation();
  const p = usePlanStrings();
  const titles = new Map(plan.content.actions.map((a) => [a.id, a.title]));
  const cellOf = new Map(matrix.cells.map((cell) => [`${cell.pillar} ${cell.stage}`, cell]));
  const empty = matrix.cells.filter((cell) => cell.actionIds.length === 0).length;
  return (
    <section aria-labelledby="matrix-title" className="panel">
      <h2 id="matrix-title">{p('matrix.title')}</h2>
      <p>{p('matrix.intro', { count: empty })}</p>
      <div className="table-scroll">
        <table className="continuum-matrix" data-testid="continuum-matrix">
          <caption className="visually-hidden">{p('matrix.caption')}</caption>
          <thead>
            <tr>
              <td />
              {matrix.stages.map((stage) => (
                <th scope="col" key={stage}>
                  {localise(stages[stage], i18n.language)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.pillars.map((pillar) => (
              <tr key={pillar}>
                <th scope="row">{p(`pillar.${pillar}`)}</th>
                {matrix.stages.map((stage) => {
                  const cell = cellOf.get(`${pillar} ${stage}`);
                  const actions = cell?.actionIds ?? [];
                  return (
                    <td
                      key={stage}
                      className={actions.length === 0 ? 'matrix-empty' : undefined}
                      data-cell={`${pillar} ${stage}`}
                    >
                      {actions.length === 0 ? (
                        <span>{p('matrix.empty')}</span>
                      ) : (
                        <>
                          <span>{p('matrix.actions', { count: actions.length })}</span>
                          <span className="muted">
                            {' '}
                            {format.usd(cell?.money.committedUsd ?? 0)}
                          </span>
                          <ul className="matrix-actions">
                            {actions.map((id) => (
                              <li key={id}>{titles.get(id)}</li>
                            ))}
                          </ul>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
