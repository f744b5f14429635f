import type { AssessmentForm, SectionDescriptor } from '@prevention/assessment';
import {
  ageGroupLabels,
  ageGroups,
  isWithheld,
  localise,
  sexLabels,
  sexes,
  totalOf,
  type FieldSpec,
  type Language,
  type Sensitivity,
  type SexAgeCounts,
} from '@prevention/core';
import { useTranslation } from '../i18n/i18n.js';
import { SensitivityBadge } from './FieldFrame.js';
import { formatValue } from './format-value.js';
import { WithheldValue } from './WithheldValue.js';

/** Every section of an assessment, read-only, in the form's order. */
export function ContentView({
  form,
  content,
  sectionSensitivity,
  headingLevel = 2,
  idPrefix = 'view',
}: {
  form: AssessmentForm;
  /** Content as the server sent it: sections or fields may be withheld markers. */
  content: unknown;
  sectionSensitivity: Readonly<Record<string, Sensitivity>>;
  headingLevel?: 2 | 3;
  /** Keeps heading ids unique when two versions are shown side by side. */
  idPrefix?: string;
}) {
  const sections = (content as { sections?: Record<string, unknown> } | null)?.sections ?? {};
  return (
    <>
      {form.metadata.sections.map((section) => (
        <SectionView
          key={section.key}
          section={section}
          value={sections[section.key]}
          sensitivity={sectionSensitivity[section.key] ?? section.metadata.sensitivity}
          headingLevel={headingLevel}
          idPrefix={idPrefix}
        />
      ))}
    </>
  );
}

export function SectionView({
  section,
  value,
  sensitivity,
  headingLevel = 2,
  idPrefix = 'view',
}: {
  section: SectionDescriptor;
  value: unknown;
  sensitivity: Sensitivity;
  headingLevel?: 2 | 3;
  idPrefix?: string;
}) {
  const { i18n } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `${idPrefix}-${section.key}`;
  return (
    <section className="form-section read-only" aria-labelledby={headingId}>
      <Heading id={headingId}>
        {localise(section.metadata.title, i18n.language)} <SensitivityBadge level={sensitivity} />
      </Heading>
      <SectionBody section={section} value={value} />
    </section>
  );
}

/** A section's values without its heading: for side-by-side comparisons. */
export function SectionBody({ section, value }: { section: SectionDescriptor; value: unknown }) {
  const { t, i18n } = useTranslation();
  if (value === undefined) return <p className="muted">{t('form.sectionEmpty')}</p>;
  if (isWithheld(value)) {
    return (
      <p>
        <WithheldValue level={value.sensitivity} />
      </p>
    );
  }
  return (
    <FieldValues
      fields={section.metadata.fields}
      record={value as Record<string, unknown>}
      language={i18n.language}
    />
  );
}

function FieldValues({
  fields,
  record,
  language,
}: {
  fields: readonly FieldSpec[];
  record: Record<string, unknown>;
  language: Language;
}) {
  const { t } = useTranslation();
  return (
    <dl className="field-values">
      {fields.map((spec) => {
        const value = record[spec.key];
        return (
          <div key={spec.key} className="field-value">
            <dt>
              {localise(spec.label, language)}
              {spec.sensitivity ? (
                <>
                  {' '}
                  <SensitivityBadge level={spec.sensitivity} />
                </>
              ) : null}
            </dt>
            <dd>
              {isWithheld(value) || value === undefined ? (
                <span className={value === undefined ? 'muted' : undefined}>
                  {formatValue(spec, value, language, t)}
                </span>
              ) : spec.kind === 'group' && Array.isArray(value) ? (
                <ol className="group-items read-only">
                  {value.map((item, index) => (
                    <li key={index}>
                      <p className="item-title">
                        {localise(spec.itemLabel ?? spec.label, language)} {index + 1}
                      </p>
                      {isWithheld(item) ? (
                        <WithheldValue level={item.sensitivity} />
                      ) : (
                        <FieldValues
                          fields={spec.fields}
                          record={item as Record<string, unknown>}
                          language={language}
                        />
                      )}
                    </li>
                  ))}
                </ol>
              ) : spec.kind === 'count-by-sex-and-age' && typeof value === 'object' && value ? (
                <CountsTable
                  counts={value as SexAgeCounts}
                  label={localise(spec.label, language)}
                />
              ) : spec.kind === 'long-text' ? (
                <span className="prewrap">{formatValue(spec, value, language, t)}</span>
              ) : (
                formatValue(spec, value, language, t)
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function CountsTable({ counts, label }: { counts: SexAgeCounts; label: string }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (
    <div className="table-scroll">
      <table className="counts-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <td />
            {ageGroups.map((age) => (
              <th key={age} scope="col">
                {localise(ageGroupLabels[age], i18n.language)}
              </th>
            ))}
            <th scope="col">{t('form.total')}</th>
          </tr>
        </thead>
        <tbody>
          {sexes.map((sex) => (
            <tr key={sex}>
              <th scope="row">{localise(sexLabels[sex], i18n.language)}</th>
              {ageGroups.map((age) => (
                <td key={age}>{number(counts[sex]?.[age] ?? 0)}</td>
              ))}
              <td className="total">{number(totalOf(counts, { sex }))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('form.total')}</th>
            {ageGroups.map((age) => (
              <td key={age} className="total">
                {number(totalOf(counts, { age }))}
              </td>
            ))}
            <td className="total">{number(totalOf(counts))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
