import type { CountryScope, Role, Sensitivity } from '@prevention/core';
import type { TFunction } from './translator.js';

/** Labels of the access vocabulary in the current language. */
export function roleLabel(t: TFunction, role: Role): string {
  return t(`roles.${role}`);
}

export function clearanceLabel(t: TFunction, level: Sensitivity): string {
  return t(`sensitivity.${level}`);
}

export function scopeLabel(t: TFunction, scope: CountryScope): string {
  return scope.kind === 'global' ? t('scope.global') : scope.countries.join(', ');
}

/** A translated message for a failed call, by the code the server gave. */
export function errorMessage(t: TFunction, code: string | undefined): string {
  switch (code) {
    case 'BAD_REQUEST':
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'PRECONDITION_FAILED':
    case 'TOO_MANY_REQUESTS':
      return t(`errors.${code}`);
    default:
      return t('errors.generic');
  }
}
