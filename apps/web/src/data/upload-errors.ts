import { errorMessage } from '../i18n/access-labels.js';
import type { TFunction } from '../i18n/translator.js';

/** The reader's words for why the upload route refused a file, by the code it gave. */
export function uploadErrorMessage(t: TFunction, code: string): string {
  switch (code) {
    case 'PAYLOAD_TOO_LARGE':
      return t('data.uploadErrors.tooLarge');
    case 'UNSUPPORTED_MEDIA_TYPE':
      return t('data.uploadErrors.mediaType');
    case 'PRECONDITION_FAILED':
      return t('data.uploadErrors.unavailable');
    case 'NETWORK':
    case 'ABORTED':
      return t('data.uploadErrors.network');
    default:
      return errorMessage(t, code);
  }
}
