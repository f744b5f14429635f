import { localise, type FieldSpec, type Sensitivity } from '@prevention/core';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { useFormEditing } from './form-context.js';

/** The ids a field's control points its accessible description and error at. */
export interface FieldIds {
  control: string;
  help: string;
  error: string;
}

export function describedBy(
  ids: FieldIds,
  hasHelp: boolean,
  hasError: boolean,
): string | undefined {
  const parts = [hasHelp ? ids.help : null, hasError ? ids.error : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The required marker: a star for the eye, the word for a screen reader. */
export function RequiredMark() {
  const { t } = useTranslation();
  return (
    <>
      <span className="required" aria-hidden="true">
        {' *'}
      </span>
      <span className="visually-hidden"> ({t('form.required')})</span>
    </>
  );
}

export function SensitivityBadge({ level }: { level: Sensitivity }) {
  const { t } = useTranslation();
  return (
    <span className={`sensitivity-badge sensitivity-${level}`}>
      <span className="visually-hidden">{t('form.sensitivityIs')} </span>
      {t(`sensitivity.${level}`)}
    </span>
  );
}

/** The label text of a field: localised (English when untranslated), required, sensitivity. */
export function FieldLabelText({ spec }: { spec: FieldSpec }) {
  const { language } = useFormEditing();
  return (
    <>
      {localise(spec.label, language)}
      {spec.required ? <RequiredMark /> : null}
      {spec.sensitivity ? (
        <>
          {' '}
          <SensitivityBadge level={spec.sensitivity} />
        </>
      ) : null}
    </>
  );
}

export function FieldHelp({ spec, id }: { spec: FieldSpec; id: string }) {
  const { language } = useFormEditing();
  return spec.help ? (
    <span id={id} className="hint">
      {localise(spec.help, language)}
    </span>
  ) : null;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  const { t } = useTranslation();
  return message ? (
    <span id={id} className="field-error">
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {message}
    </span>
  ) : null;
}

/** A labelled single control: label, help, the control, its error. */
export function FieldFrame({
  spec,
  ids,
  error,
  children,
}: {
  spec: FieldSpec;
  ids: FieldIds;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={ids.control}>
        <FieldLabelText spec={spec} />
      </label>
      <FieldHelp spec={spec} id={ids.help} />
      <FieldError id={ids.error} message={error} />
      {children}
    </div>
  );
}

/** A group of controls (choices, a table, a list) under one legend. */
export function FieldSet({
  spec,
  ids,
  error,
  className,
  children,
}: {
  spec: FieldSpec;
  ids: FieldIds;
  error: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={[className, error ? 'has-error' : null].filter(Boolean).join(' ') || undefined}
      aria-describedby={describedBy(ids, spec.help !== undefined, error !== undefined)}
      id={`${ids.control}-group`}
    >
      <legend>
        <FieldLabelText spec={spec} />
      </legend>
      <FieldHelp spec={spec} id={ids.help} />
      <FieldError id={ids.error} message={error} />
      {children}
    </fieldset>
  );
}
