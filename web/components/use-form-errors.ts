import i18next from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client.js';
import { fieldMessage, issueMessage, pointerToName, problemMessage, toPointer } from './errors.js';

export interface FormErrors {
  formRef: React.RefObject<HTMLFormElement | null>;
  /** Message for the field at this pointer (`/email`, `/owner/password`), if any. */
  fieldError: (pointer: string) => string | undefined;
  formError: string | null;
  /** Validates with a shared schema; shows the issues and returns null when invalid. */
  validate: <S extends z.ZodType>(schema: S, value: unknown, messages?: Record<string, string>) => z.output<S> | null;
  /** Shows what a failed request said: the problem's message and its field errors. */
  fail: (error: unknown) => void;
  clear: () => void;
}

/**
 * Error state of one form. Field errors are keyed by JSON pointer, as the server sends them;
 * after a failed submit the first invalid field gets focus and the summary is announced.
 */
export function useFormErrors(): FormErrors {
  const formRef = useRef<HTMLFormElement>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const hasControl = useCallback((pointer: string) => {
    const form = formRef.current;
    if (!form) return false;
    return form.querySelector(`[name="${CSS.escape(pointerToName(pointer))}"]`) !== null;
  }, []);

  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  const validate = useCallback(
    <S extends z.ZodType>(schema: S, value: unknown, messages: Record<string, string> = {}): z.output<S> | null => {
      const result = schema.safeParse(value);
      if (result.success) {
        clear();
        return result.data;
      }
      const errors: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const pointer = toPointer(issue.path);
        errors[pointer] ??= messages[pointer] ?? issueMessage(issue);
      }
      setFieldErrors(errors);
      setFormError(i18next.t('problems.validation_failed'));
      setFocusRequest((n) => n + 1);
      return null;
    },
    [clear],
  );

  const fail = useCallback(
    (error: unknown) => {
      const errors: Record<string, string> = {};
      const unplaced: string[] = [];
      if (error instanceof ApiError) {
        for (const field of error.fieldErrors) {
          const message = fieldMessage(field);
          if (hasControl(field.pointer)) errors[field.pointer] ??= message;
          else unplaced.push(message);
        }
      }
      setFieldErrors(errors);
      setFormError([problemMessage(error), ...unplaced].join(' '));
      if (Object.keys(errors).length > 0) setFocusRequest((n) => n + 1);
    },
    [hasControl],
  );

  const fieldError = useCallback((pointer: string) => fieldErrors[pointer], [fieldErrors]);

  return { formRef, fieldError, formError, validate, fail, clear };
}
