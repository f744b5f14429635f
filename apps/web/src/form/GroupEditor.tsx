import { isWithheld, localise, type FieldSpec } from '@prevention/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from '../i18n/i18n.js';
import { fieldDomId, pathKey, type FieldPath } from './field-path.js';
import { FieldEditor } from './FieldEditor.js';
import { FieldSet } from './FieldFrame.js';
import { useFieldIds, useFormEditing } from './form-context.js';
import { errorOf } from './validation.js';
import { WithheldValue } from './WithheldValue.js';

type GroupSpec = Extract<FieldSpec, { kind: 'group' }>;

let nextKey = 0;

/** Stable React keys for the items of a list that has no ids of its own. */
function useItemKeys(length: number) {
  const keys = useRef<string[]>([]);
  while (keys.current.length < length) keys.current.push(`item-${(nextKey += 1)}`);
  if (keys.current.length > length) keys.current.length = length;
  return keys;
}

/**
 * A repeatable group: each item a fieldset named after its position, with buttons to move it
 * up or down and to remove it, and one to add an item. After each, focus goes where the work
 * continues and a screen reader hears what happened.
 */
export function GroupEditor({
  spec,
  path,
  value,
}: {
  spec: GroupSpec;
  path: FieldPath;
  value: unknown;
}) {
  const { t } = useTranslation();
  const { errors, change, announce, language, idPrefix } = useFormEditing();
  const ids = useFieldIds(path);
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const keys = useItemKeys(items.length);
  const focusNext = useRef<string | null>(null);
  const error = errorOf(errors, pathKey(path), false);
  const itemName = (index: number) =>
    `${localise(spec.itemLabel ?? spec.label, language)} ${index + 1}`;
  const itemId = (index: number) => `${ids.control}-item-${index}`;
  const firstControl = (index: number) => {
    const first = spec.fields[0];
    return first ? fieldDomId(idPrefix, [...path, index, first.key]) : itemId(index);
  };

  useEffect(() => {
    if (!focusNext.current) return;
    const target = document.getElementById(focusNext.current);
    focusNext.current = null;
    target?.focus();
  });

  const update = (next: unknown[]) => change(path, next.length > 0 ? next : undefined);

  const add = () => {
    if (items.length >= spec.maxItems) return;
    keys.current.push(`item-${(nextKey += 1)}`);
    update([...items, {}]);
    focusNext.current = firstControl(items.length);
    announce(t('form.itemAdded', { item: itemName(items.length) }));
  };

  const remove = (index: number) => {
    keys.current.splice(index, 1);
    update(items.filter((_, i) => i !== index));
    const remaining = items.length - 1;
    focusNext.current =
      remaining === 0 ? ids.control : firstControl(Math.min(index, remaining - 1));
    announce(t('form.itemRemoved', { item: itemName(index) }));
  };

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    [next[index], next[target]] = [next[target], next[index]];
    const order = keys.current;
    [order[index], order[target]] = [order[target] ?? '', order[index] ?? ''];
    update(next);
    focusNext.current = `${itemId(target)}-${by < 0 ? 'up' : 'down'}`;
    announce(
      t('form.itemMoved', { item: itemName(index), position: target + 1, total: items.length }),
    );
  };

  const full = items.length >= spec.maxItems;
  return (
    <FieldSet spec={spec} ids={ids} error={error} className="group">
      {items.length === 0 ? <p className="muted">{t('form.noItems')}</p> : null}
      <ol className="group-items">
        {items.map((item, index) => (
          <li key={keys.current[index]}>
            <fieldset className="group-item" id={itemId(index)} tabIndex={-1}>
              <legend>{itemName(index)}</legend>
              {isWithheld(item) ? (
                <WithheldValue level={item.sensitivity} />
              ) : (
                spec.fields.map((field) => (
                  <FieldEditor
                    key={field.key}
                    spec={field}
                    path={[...path, index, field.key]}
                    value={(item as Record<string, unknown> | undefined)?.[field.key]}
                  />
                ))
              )}
              <div className="item-actions">
                <button
                  type="button"
                  className="secondary"
                  id={`${itemId(index)}-up`}
                  aria-disabled={index === 0 ? true : undefined}
                  onClick={() => move(index, -1)}
                >
                  {t('form.moveUp')}
                  <span className="visually-hidden"> {itemName(index)}</span>
                </button>
                <button
                  type="button"
                  className="secondary"
                  id={`${itemId(index)}-down`}
                  aria-disabled={index === items.length - 1 ? true : undefined}
                  onClick={() => move(index, 1)}
                >
                  {t('form.moveDown')}
                  <span className="visually-hidden"> {itemName(index)}</span>
                </button>
                <button type="button" className="secondary danger" onClick={() => remove(index)}>
                  {t('form.remove')}
                  <span className="visually-hidden"> {itemName(index)}</span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary"
        id={ids.control}
        aria-disabled={full ? true : undefined}
        onClick={add}
      >
        {t('form.addItem', { item: localise(spec.itemLabel ?? spec.label, language) })}
      </button>
      {full ? <p className="hint">{t('form.groupFull', { count: spec.maxItems })}</p> : null}
    </FieldSet>
  );
}
