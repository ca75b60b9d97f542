import i18next from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client.js';
import { translateDynamic } from './translate.js';

/** `['owner', 'email']` → `/owner/email`: the pointer the server uses for the same field. */
export function toPointer(path: readonly PropertyKey[]): string {
  return `/${path.map(String).join('/')}`;
}

/** Form control name for a pointer: `/owner/email` → `owner.email`. */
export function pointerToName(pointer: string): string {
  return pointer.replace(/^\//, '').replaceAll('/', '.');
}

/** A readable sentence for anything a request or mutation threw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    return translateDynamic(`errors.${error.code}`) ?? error.detail ?? error.title;
  }
  return i18next.t('errors.unexpected');
}

/**
 * A field error from the server: a translated sentence for codes Spine itself defines; for the
 * generic codes of schema validation, the server's (English, more specific) words in English and
 * a translated generic sentence in other languages.
 */
export function fieldErrorMessage(code: string, detail: string): string {
  if (code !== 'generic') {
    const specific = translateDynamic(`fieldErrors.${code}`);
    if (specific) return specific;
  }
  if (i18next.resolvedLanguage === 'en') return detail;
  return translateDynamic(`fieldErrors.generic.${code}`) ?? detail;
}

/** A client-side validation issue from a shared zod schema, in the reader's language. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const t = (key: string, options?: Record<string, unknown>) => translateDynamic(key, options) ?? issue.message;
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('validation.required') : t('validation.minLength', { count: min });
      if (issue.origin === 'array') return t('validation.chooseAtLeast', { count: min });
      return t('validation.minNumber', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.maxLength', { count: max });
      if (issue.origin === 'array') return t('validation.chooseAtMost', { count: max });
      return t('validation.maxNumber', { max });
    }
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.format');
    case 'invalid_type':
      return issue.expected === 'number' ? t('validation.number') : t('validation.required');
    default:
      return t('validation.invalid');
  }
}
