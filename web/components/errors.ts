import i18next from 'i18next';
import type { z } from 'zod';
import type { FieldError } from '../../shared/problem.js';
import { fieldCodeDefinition, fieldMessageKey, problemDefinition, problemMessageKey } from '../../shared/problems.js';
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

// One rule for every code: English readers get the server's detail where the catalogue marks it as naming specifics; all else is the catalogue's sentence in the reader's language, else the server's words.
function localize(key: string, isDetailSpecific: boolean | undefined, detail: string | undefined): string | undefined {
  if (isDetailSpecific && detail && i18next.resolvedLanguage === 'en') return detail;
  return translateDynamic(key) ?? detail;
}

/** A problem in the reader's language: what a request or mutation threw, by its code. */
export function problemMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return i18next.t('problems.unexpected');
  return localize(problemMessageKey(error.code), problemDefinition(error.code)?.isDetailSpecific, error.detail) ?? error.title;
}

/** A field error of a problem in the reader's language, by its code. */
export function fieldMessage(field: FieldError): string {
  return localize(fieldMessageKey(field.code), fieldCodeDefinition(field.code)?.isDetailSpecific, field.detail) ?? field.detail;
}

/** What a screen without a form says about a failure; a validation problem is said by its fields, which no form shows here. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'validation_failed' && error.fieldErrors.length > 0) {
    return [...new Set(error.fieldErrors.map(fieldMessage))].join(' ');
  }
  return problemMessage(error);
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
