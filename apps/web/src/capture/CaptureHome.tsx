import { useTranslation } from '../i18n/i18n.js';
import { announce } from '../offline/change-feed.js';
import { useOnline } from '../offline/connectivity.js';
import { forgetDraft } from '../offline/draft-store.js';
import { localDatabase } from '../offline/local-database.js';
import { useDraftsOnDevice } from '../offline/local-drafts.js';
import { useOutboxStatus } from '../offline/outbox-status.js';
import { Link } from '../router/Link.js';
import { draftState } from './draft-state.js';
import { StoragePanel } from './StoragePanel.js';

/** The assessments this user keeps on this device, where each stands, and the device's storage. */
export function CaptureHome({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const drafts = useDraftsOnDevice(userId);
  const { sending } = useOutboxStatus();
  const online = useOnline();
  // Only a draft the server has in full: the device keeps anything not yet sent or settled.
  const forget = async (assessmentId: string) => {
    const db = await localDatabase();
    if (await forgetDraft(db, userId, assessmentId)) announce({ type: 'changed', userId });
  };
  return (
    <section aria-labelledby="capture-title">
      <h1 id="capture-title">{t('capture.title')}</h1>
      <p>{t('capture.intro')}</p>
      {!online ? (
        <p className="notice" role="status">
          {t('capture.workingOffline')}
        </p>
      ) : null}
      <p>
        <Link to="/capture/new" className="button-link primary">
          {t('capture.new')}
        </Link>
      </p>
      <h2>{t('capture.onDevice')}</h2>
      {drafts === undefined ? (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      ) : drafts.length === 0 ? (
        <p className="muted">{t('capture.noDrafts')}</p>
      ) : (
        <ul className="draft-list">
          {drafts.map((device) => {
            const state = draftState(device, sending);
            return (
              <li key={device.draft.assessmentId}>
                <Link to="/capture/$id" params={{ id: device.draft.assessmentId }}>
                  {device.draft.content.title || t('capture.untitled')}
                </Link>{' '}
                <span className="code">
                  {device.draft.areaCode} · {device.draft.period}
                </span>{' '}
                <span className={`state-badge state-${state}`}>
                  {t(`capture.state.${state}`, { revision: device.draft.baseRevision ?? 0 })}
                </span>
                {state === 'sent' || state === 'not-editable' ? (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => void forget(device.draft.assessmentId)}
                    >
                      {t('capture.forget')}
                      <span className="visually-hidden">
                        : {device.draft.content.title || t('capture.untitled')}
                      </span>
                    </button>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <StoragePanel />
    </section>
  );
}
