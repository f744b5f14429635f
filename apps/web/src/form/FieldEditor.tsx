import { isWithheld, localise, type FieldSpec, type Sensitivity } from '@prevention/core';
import { useTranslation } from '../i18n/i18n.js';
import { pathKey, type FieldPath } from './field-path.js';
import { FieldFrame, FieldLabelText, FieldSet, describedBy } from './FieldFrame.js';
import { useFieldIds, useFormEditing } from './form-context.js';
import { GroupEditor } from './GroupEditor.js';
import { SexAgeCountsEditor } from './SexAgeCountsEditor.js';
import { errorOf } from './validation.js';
import { WithheldValue } from './WithheldValue.js';

type Spec<K extends FieldSpec['kind']> = Extract<FieldSpec, { kind: K }>;

interface EditorProps<S extends FieldSpec = FieldSpec> {
  spec: S;
  path: FieldPath;
  value: unknown;
}

/** The editor of one field, chosen by its kind; nothing here knows what the field means. */
export function FieldEditor({ spec, path, value }: EditorProps) {
  if (isWithheld(value)) return <WithheldField spec={spec} level={value.sensitivity} />;
  switch (spec.kind) {
    case 'short-text':
    case 'long-text':
      return <TextEditor spec={spec} path={path} value={value} />;
    case 'number':
    case 'count':
      return <NumberEditor spec={spec} path={path} value={value} />;
    case 'date':
      return <DateEditor spec={spec} path={path} value={value} />;
    case 'boolean':
      return <BooleanEditor spec={spec} path={path} value={value} />;
    case 'single-choice':
      return spec.options.length <= 6 ? (
        <RadioEditor spec={spec} path={path} value={value} />
      ) : (
        <SelectEditor spec={spec} path={path} value={value} />
      );
    case 'multi-choice':
      return <CheckboxesEditor spec={spec} path={path} value={value} />;
    case 'count-by-sex-and-age':
      return <SexAgeCountsEditor spec={spec} path={path} value={value} />;
    case 'group':
      return <GroupEditor spec={spec} path={path} value={value} />;
  }
}

function WithheldField({ spec, level }: { spec: FieldSpec; level: Sensitivity }) {
  return (
    <div className="field">
      <span className="field-label">
        <FieldLabelText spec={spec} />
      </span>
      <WithheldValue level={level} />
    </div>
  );
}

function useFieldState(spec: FieldSpec, path: FieldPath, withParts = false) {
  const editing = useFormEditing();
  const ids = useFieldIds(path);
  const error = errorOf(editing.errors, pathKey(path), withParts);
  return {
    ...editing,
    ids,
    error,
    controlProps: {
      id: ids.control,
      'aria-describedby': describedBy(ids, spec.help !== undefined, error !== undefined),
      'aria-invalid': error ? true : undefined,
      'aria-required': spec.required ? true : undefined,
      onBlur: () => editing.touch(path),
    },
  };
}

function TextEditor({ spec, path, value }: EditorProps<Spec<'short-text' | 'long-text'>>) {
  const { ids, error, controlProps, change } = useFieldState(spec, path);
  const text = typeof value === 'string' ? value : '';
  const update = (next: string) => change(path, next.trim() === '' ? undefined : next);
  return (
    <FieldFrame spec={spec} ids={ids} error={error}>
      {spec.kind === 'long-text' ? (
        <textarea
          {...controlProps}
          rows={4}
          maxLength={spec.maxLength}
          value={text}
          onChange={(event) => update(event.target.value)}
        />
      ) : (
        <input
          {...controlProps}
          type="text"
          maxLength={spec.maxLength}
          value={text}
          onChange={(event) => update(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

function NumberEditor({ spec, path, value }: EditorProps<Spec<'number' | 'count'>>) {
  const { ids, error, controlProps, change, language } = useFieldState(spec, path);
  const whole = spec.kind === 'count' || spec.integer;
  const min = spec.kind === 'count' ? 0 : spec.min;
  const unit = spec.kind === 'number' && spec.unit ? localise(spec.unit, language) : null;
  return (
    <FieldFrame spec={spec} ids={ids} error={error}>
      <span className="with-unit">
        <input
          {...controlProps}
          type="number"
          inputMode={whole ? 'numeric' : 'decimal'}
          step={whole ? 1 : 'any'}
          min={min}
          max={spec.max}
          value={typeof value === 'number' ? value : ''}
          onChange={(event) => {
            const raw = event.target.value;
            const number = raw === '' ? undefined : Number(raw);
            change(path, number === undefined || Number.isNaN(number) ? undefined : number);
          }}
        />
        {unit ? <span className="unit">{unit}</span> : null}
      </span>
    </FieldFrame>
  );
}

function DateEditor({ spec, path, value }: EditorProps<Spec<'date'>>) {
  const { ids, error, controlProps, change } = useFieldState(spec, path);
  return (
    <FieldFrame spec={spec} ids={ids} error={error}>
      <input
        {...controlProps}
        type="date"
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => change(path, event.target.value || undefined)}
      />
    </FieldFrame>
  );
}

function SelectEditor({ spec, path, value }: EditorProps<Spec<'single-choice'>>) {
  const { t } = useTranslation();
  const { ids, error, controlProps, change, language } = useFieldState(spec, path);
  return (
    <FieldFrame spec={spec} ids={ids} error={error}>
      <select
        {...controlProps}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => change(path, event.target.value || undefined)}
      >
        <option value="">{t('form.choose')}</option>
        {spec.options.map((option) => (
          <option key={option.value} value={option.value}>
            {localise(option.label, language)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface Choice {
  value: string;
  label: string;
}

/** Radios under a legend; an optional question can be left, or put back to, unanswered. */
function Radios({
  spec,
  path,
  choices,
  selected,
  onSelect,
}: {
  spec: FieldSpec;
  path: FieldPath;
  choices: Choice[];
  selected: string | undefined;
  onSelect: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { ids, error, touch } = useFieldState(spec, path);
  const all = spec.required ? choices : [...choices, { value: '', label: t('form.notAnswered') }];
  return (
    <FieldSet spec={spec} ids={ids} error={error} className="choices">
      {all.map((choice, index) => (
        <label key={choice.value} className="choice">
          <input
            type="radio"
            id={index === 0 ? ids.control : undefined}
            name={ids.control}
            value={choice.value}
            checked={(selected ?? '') === choice.value}
            aria-invalid={error ? true : undefined}
            onChange={() => onSelect(choice.value || undefined)}
            onBlur={() => touch(path)}
          />
          {choice.label}
        </label>
      ))}
    </FieldSet>
  );
}

function RadioEditor({ spec, path, value }: EditorProps<Spec<'single-choice'>>) {
  const { change, language } = useFormEditing();
  return (
    <Radios
      spec={spec}
      path={path}
      choices={spec.options.map((o) => ({ value: o.value, label: localise(o.label, language) }))}
      selected={typeof value === 'string' ? value : undefined}
      onSelect={(next) => change(path, next)}
    />
  );
}

function BooleanEditor({ spec, path, value }: EditorProps<Spec<'boolean'>>) {
  const { t } = useTranslation();
  const { change } = useFormEditing();
  return (
    <Radios
      spec={spec}
      path={path}
      choices={[
        { value: 'yes', label: t('form.yes') },
        { value: 'no', label: t('form.no') },
      ]}
      selected={value === true ? 'yes' : value === false ? 'no' : undefined}
      onSelect={(next) => change(path, next === undefined ? undefined : next === 'yes')}
    />
  );
}

function CheckboxesEditor({ spec, path, value }: EditorProps<Spec<'multi-choice'>>) {
  const { ids, error, change, touch, language } = useFieldState(spec, path, true);
  const chosen = Array.isArray(value) ? (value as unknown[]) : [];
  const toggle = (option: string, on: boolean) => {
    const next = on
      ? spec.options.map((o) => o.value).filter((v) => v === option || chosen.includes(v))
      : chosen.filter((v) => v !== option);
    change(path, next.length > 0 ? next : undefined);
  };
  return (
    <FieldSet
      spec={spec}
      ids={ids}
      error={error}
      className={spec.options.length > 12 ? 'choices long-list' : 'choices'}
    >
      {spec.options.map((option, index) => (
        <label key={option.value} className="choice">
          <input
            type="checkbox"
            id={index === 0 ? ids.control : undefined}
            checked={chosen.includes(option.value)}
            aria-invalid={error ? true : undefined}
            onChange={(event) => toggle(option.value, event.target.checked)}
            onBlur={() => touch(path)}
          />
          {localise(option.label, language)}
        </label>
      ))}
    </FieldSet>
  );
}
