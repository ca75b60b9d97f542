/**
 * Time problems in the reader's language. The server's English is the most precise (it names the
 * week, the minutes left that day), so English readers get it as it is; others get our translation
 * of known codes, else the server's words.
 */
import i18next from 'i18next';
import { ApiError } from '../../api/client.js';
import { errorMessage } from '../../components/errors.js';
import { translateDynamic } from '../../components/translate.js';

export function localizeTimeError(error: unknown): unknown {
  if (!(error instanceof ApiError) || i18next.resolvedLanguage === 'en') return error;
  const fieldErrors = error.fieldErrors.map((field) => {
    const text = translateDynamic(`timeEntry.fieldErrors.${field.code}`);
    // 'generic' with a detail of ours: the shared form code shows the detail as it is.
    return text ? { ...field, code: 'generic', detail: text } : field;
  });
  return new ApiError({
    status: error.status,
    code: error.code,
    title: error.title,
    detail: translateDynamic(`timeEntry.errors.${error.code}`) ?? error.detail,
    fieldErrors,
    requestId: error.requestId,
    extensions: error.extensions,
  });
}

export function timeErrorMessage(error: unknown): string {
  return errorMessage(localizeTimeError(error));
}
