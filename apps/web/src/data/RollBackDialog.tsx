import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/i18n.js';

/**
 * Asks before a committed batch is rolled back. A modal `<dialog>`: focus moves into it (to
 * the choice that changes nothing), Escape closes it, and focus returns to the button that
 * opened it.
 */
export function RollBackDialog({
  open,
  fileName,
  busy,
  onConfirm,
  onClose,
}: {
  open: boolean;
  fileName: string;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      keep.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="roll-back-title"
      aria-describedby="roll-back-body"
      className="dialog"
      onClose={onClose}
    >
      <h2 id="roll-back-title">{t('data.rollBack.title')}</h2>
      <p id="roll-back-body">{t('data.rollBack.body', { file: fileName })}</p>
      <div className="actions">
        <button type="button" className="secondary danger" disabled={busy} onClick={onConfirm}>
          {t('data.rollBack.confirm')}
        </button>
        <button ref={keep} type="button" className="secondary" onClick={onClose}>
          {t('data.rollBack.keep')}
        </button>
      </div>
    </dialog>
  );
}
