import type { AssessmentContent } from '@prevention/assessment';
import { Month, type Sensitivity } from '@prevention/core';
import { describedBy, FieldError, RequiredMark } from '../form/FieldFrame.js';
import { fieldDomId } from '../form/field-path.js';
import { useFormEditing } from '../form/form-context.js';
import type { FieldErrors } from '../form/validation.js';
import { useTranslation, type TFunction } from '../i18n/i18n.js';
import type { CountryAreas } from './area-choices.js';

/** Problems with the area and period, which the sync item carries beside the content. */
export function headerErrors(t: TFunction, areaCode: string, period: string): FieldErrors {
  const errors = new Map<string, string>();
  if (!areaCode) errors.set('areaCode', t('validation.required'));
  if (!Month.safeParse(period).success) errors.set('period', t('validation.month'));
  return errors;
}

/** What the assessment is about: its title, area, month and overall sensitivity. */
export function EditorHeader(props: {
  idPrefix: string;
  content: AssessmentContent;
  areaCode: string;
  period: string;
  areas: CountryAreas[];
  levels: readonly Sensitivity[];
  /** Area and period are fixed once the server has the assessment. */
  locked: boolean;
  onTitle: (value: string) => void;
  onSensitivity: (value: Sensitivity) => void;
  onArea: (value: string) => void;
  onPeriod: (value: string) => void;
}) {
  const { t } = useTranslation();
  const { errors, touch } = useFormEditing();
  const id = (key: string) => fieldDomId(props.idPrefix, [key]);
  const control = (key: string, hint = false) => ({
    id: id(key),
    'aria-invalid': errors.has(key) ? true : undefined,
    'aria-describedby': describedBy(
      { control: id(key), help: `${id(key)}-help`, error: `${id(key)}-error` },
      hint,
      errors.has(key),
    ),
    onBlur: () => touch([key]),
  });

  return (
    <section className="form-section" aria-labelledby={`${props.idPrefix}-about`}>
      <h2 id={`${props.idPrefix}-about`}>{t('capture.about')}</h2>
      <div className={errors.has('title') ? 'field has-error' : 'field'}>
        <label htmlFor={id('title')}>
          {t('capture.titleLabel')}
          <RequiredMark />
        </label>
        <FieldError id={`${id('title')}-error`} message={errors.get('title')} />
        <input
          {...control('title')}
          type="text"
          maxLength={200}
          aria-required
          value={props.content.title}
          onChange={(event) => props.onTitle(event.target.value)}
        />
      </div>
      <div className={errors.has('areaCode') ? 'field has-error' : 'field'}>
        <label htmlFor={id('areaCode')}>
          {t('capture.area')}
          <RequiredMark />
        </label>
        <span id={`${id('areaCode')}-help`} className="hint">
          {props.locked ? t('capture.areaLocked') : t('capture.areaHint')}
        </span>
        <FieldError id={`${id('areaCode')}-error`} message={errors.get('areaCode')} />
        <select
          {...control('areaCode', true)}
          aria-required
          disabled={props.locked}
          value={props.areaCode}
          onChange={(event) => props.onArea(event.target.value)}
        >
          {props.areaCode === '' ? <option value="">{t('form.choose')}</option> : null}
          {props.areas.map(({ country, units }) =>
            units.length === 0 ? (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ) : (
              <optgroup key={country.code} label={country.name}>
                <option value={country.code}>
                  {t('capture.wholeCountry', { name: country.name })}
                </option>
                {units.map((unit) => (
                  <option key={unit.code} value={unit.code}>
                    {unit.name}
                  </option>
                ))}
              </optgroup>
            ),
          )}
          {props.areaCode &&
          !props.areas.some(
            (a) =>
              a.country.code === props.areaCode || a.units.some((u) => u.code === props.areaCode),
          ) ? (
            <option value={props.areaCode}>{props.areaCode}</option>
          ) : null}
        </select>
      </div>
      <div className={errors.has('period') ? 'field has-error' : 'field'}>
        <label htmlFor={id('period')}>
          {t('capture.period')}
          <RequiredMark />
        </label>
        <span id={`${id('period')}-help`} className="hint">
          {t('capture.periodHint')}
        </span>
        <FieldError id={`${id('period')}-error`} message={errors.get('period')} />
        <input
          {...control('period', true)}
          type="month"
          aria-required
          disabled={props.locked}
          value={props.period}
          onChange={(event) => props.onPeriod(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={id('sensitivity')}>{t('capture.sensitivity')}</label>
        <span id={`${id('sensitivity')}-help`} className="hint">
          {t('capture.sensitivityHint')}
        </span>
        <select
          {...control('sensitivity', true)}
          value={props.content.sensitivity}
          onChange={(event) => props.onSensitivity(event.target.value as Sensitivity)}
        >
          {props.levels.map((level) => (
            <option key={level} value={level}>
              {t(`sensitivity.${level}`)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
