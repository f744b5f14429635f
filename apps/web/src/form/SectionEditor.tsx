import type { SectionDescriptor } from '@prevention/assessment';
import {
  isWithheld,
  localise,
  sensitivityLevels,
  sensitivityRank,
  stricterSensitivity,
  type Sensitivity,
} from '@prevention/core';
import { useId } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { FieldEditor } from './FieldEditor.js';
import { SensitivityBadge } from './FieldFrame.js';
import { useFormEditing } from './form-context.js';
import { WithheldValue } from './WithheldValue.js';

/** One section of the assessment form, every field rendered from its metadata. */
export function SectionEditor({
  section,
  value,
  raisedTo,
}: {
  section: SectionDescriptor;
  value: unknown;
  /** The level the content raised this section to, if any. */
  raisedTo: Sensitivity | undefined;
}) {
  const { t } = useTranslation();
  const { language, idPrefix, change, maxSensitivity } = useFormEditing();
  const headingId = `${idPrefix}-section-${section.key}`;
  const selectId = useId();
  const base = section.metadata.sensitivity;
  const effective = raisedTo ? stricterSensitivity(base, raisedTo) : base;
  const record =
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};

  return (
    <section className="form-section" aria-labelledby={headingId} id={`${idPrefix}-${section.key}`}>
      <h2 id={headingId}>
        {localise(section.metadata.title, language)} <SensitivityBadge level={effective} />
      </h2>
      {section.metadata.description ? (
        <p className="hint">{localise(section.metadata.description, language)}</p>
      ) : null}
      {isWithheld(value) ? (
        <p>
          <WithheldValue level={value.sensitivity} />
        </p>
      ) : (
        section.metadata.fields.map((field) => (
          <FieldEditor
            key={field.key}
            spec={field}
            path={['sections', section.key, field.key]}
            value={record[field.key]}
          />
        ))
      )}
      <div className="field">
        <label htmlFor={selectId}>{t('form.sectionSensitivity')}</label>
        <select
          id={selectId}
          value={effective}
          onChange={(event) => {
            const level = event.target.value as Sensitivity;
            change(['sectionSensitivity', section.key], level === base ? undefined : level);
          }}
        >
          {sensitivityLevels
            .filter(
              (level) =>
                level === effective ||
                (sensitivityRank(level) >= sensitivityRank(base) &&
                  sensitivityRank(level) <= sensitivityRank(maxSensitivity)),
            )
            .map((level) => (
              <option key={level} value={level}>
                {t(`sensitivity.${level}`)}
              </option>
            ))}
        </select>
        <span className="hint">{t('form.sectionSensitivityHint')}</span>
      </div>
    </section>
  );
}
