import { useTranslation } from '../i18n/i18n.js';
import { useStorageStatus } from '../offline/storage-status.js';

function megabytes(bytes: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 1_048_576);
}

/** Whether the browser keeps the drafts for good, and how much room is left on the device. */
export function StoragePanel() {
  const { t, i18n } = useTranslation();
  const status = useStorageStatus();
  return (
    <section className="panel storage" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('capture.storageTitle')}</h2>
      {status === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <p data-testid="storage-persistence">
            {status.persisted === true
              ? t('capture.storagePersistent')
              : status.persisted === false
                ? t('capture.storageNotPersistent')
                : t('capture.storageUnknown')}
          </p>
          {status.usageBytes !== null && status.quotaBytes !== null ? (
            <p data-testid="storage-space">
              {t('capture.storageSpace', {
                used: megabytes(status.usageBytes, i18n.language),
                left: megabytes(Math.max(0, status.quotaBytes - status.usageBytes), i18n.language),
              })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
