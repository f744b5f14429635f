import { useTranslation } from '../i18n/i18n.js';
import type { DraftProblem } from '../offline/local-database.js';
import type { DraftOnDevice } from '../offline/local-drafts.js';
import { Link } from '../router/Link.js';
import { draftState } from './draft-state.js';

/** Where this draft stands: on the device only, being sent, or with the server at revision n. */
export function DraftStatusLine({ device, sending }: { device: DraftOnDevice; sending: boolean }) {
  const { t } = useTranslation();
  const state = draftState(device, sending);
  return (
    <p className="draft-status" data-testid="draft-status" data-state={state}>
      <span className={`state-badge state-${state}`}>
        {t(`capture.state.${state}`, { revision: device.draft.baseRevision ?? 0 })}
      </span>{' '}
      <span className="muted">
        {t('capture.savedAt', { time: new Date(device.draft.savedAt).toLocaleString() })}
      </span>
    </p>
  );
}

/** What the server said of the last save it did not take: a conflict to resolve, or reasons. */
export function ProblemAlert({
  problem,
  assessmentId,
}: {
  problem: DraftProblem;
  assessmentId: string;
}) {
  const { t } = useTranslation();
  if (problem.kind === 'rejected') {
    return (
      <div className="alert" role="alert">
        <h2>{t('capture.rejectedTitle')}</h2>
        <p>{problem.message}</p>
      </div>
    );
  }
  return (
    <div className="alert" role="alert">
      <h2>{t('capture.conflictTitle')}</h2>
      <p>
        {problem.reason === 'not-editable'
          ? t('capture.conflictNotEditable')
          : t('capture.conflictStale', {
              revision: problem.theirs?.revision ?? '?',
              name: problem.theirs?.savedBy ?? '?',
            })}
      </p>
      {problem.conflictId ? (
        <p>
          <Link
            to="/assessments/$id/conflicts/$conflictId"
            params={{ id: assessmentId, conflictId: problem.conflictId }}
          >
            {t('capture.resolveConflict')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** Another tab saved this draft while this one has unsaved edits: the user chooses. */
export function SavedElsewhereAlert({
  onLoad,
  onKeepMine,
}: {
  onLoad: () => void;
  onKeepMine: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="alert" role="alert">
      <h2>{t('capture.elsewhereTitle')}</h2>
      <p>{t('capture.elsewhereBody')}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={onLoad}>
          {t('capture.elsewhereLoad')}
        </button>
        <button type="button" onClick={onKeepMine}>
          {t('capture.elsewhereKeepMine')}
        </button>
      </div>
    </div>
  );
}
