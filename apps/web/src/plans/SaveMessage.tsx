/** What a form's last submission came to, and what the server found wrong, in its words. */
export interface FormOutcome {
  kind: 'done' | 'error';
  text: string;
  problems?: readonly string[];
}

/** A form's result where a screen reader hears it: a status when done, an alert when refused. */
export function SaveMessage({ outcome }: { outcome: FormOutcome | null }) {
  return (
    <>
      <p role="status">{outcome?.kind === 'done' ? outcome.text : ''}</p>
      <div role="alert" className="error-text">
        {outcome?.kind === 'error' ? (
          <>
            <p>{outcome.text}</p>
            {outcome.problems && outcome.problems.length > 0 ? (
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
