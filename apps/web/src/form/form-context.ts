import type { Language, Sensitivity } from '@prevention/core';
import { createContext, useContext } from 'react';
import { fieldDomId, type FieldPath } from './field-path.js';
import type { FieldIds } from './FieldFrame.js';
import type { FieldErrors } from './validation.js';

/** What every field of one rendered form shares. */
export interface FormEditing {
  language: Language;
  /** Makes element ids unique when two forms are on one page. */
  idPrefix: string;
  /** The errors to show now: of fields already left, or of all after a save attempt. */
  errors: FieldErrors;
  change: (path: FieldPath, value: unknown) => void;
  touch: (path: FieldPath) => void;
  /** The most sensitive level the user may give a section: their own clearance. */
  maxSensitivity: Sensitivity;
  /** Says something to screen-reader users through the form's live region. */
  announce: (message: string) => void;
}

export const FormEditingContext = createContext<FormEditing | null>(null);

export function useFormEditing(): FormEditing {
  const editing = useContext(FormEditingContext);
  if (!editing) throw new Error('A form field is rendered outside a form');
  return editing;
}

/** The ids of a field's control (where a link to its error leads), help and error. */
export function useFieldIds(path: FieldPath): FieldIds {
  const { idPrefix } = useFormEditing();
  const control = fieldDomId(idPrefix, path);
  return { control, help: `${control}-help`, error: `${control}-error` };
}
