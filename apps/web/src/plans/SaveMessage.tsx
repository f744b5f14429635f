import type { SaveOutcome } from './use-save-plan.js';

/** A save's result where a screen reader hears it: a status when done, an alert when refused. */
export function SaveMessage({ outcome }: { outcome: SaveOutcome | null }) {
  return (
    <>
      <p role="status">{outcome?.kind === 'done' ? outcome.text : ''}</p>
      <div role="alert" className="error-text">
        {outcome?.kind === 'error' ? (
          <>
            <p>{outcome.text}</p>
            {outcome.problems.length > 0 ? (
              <ul>
                {outcome.problems.map((problem, index) => (
                  <li key={index}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </>
  );
}
