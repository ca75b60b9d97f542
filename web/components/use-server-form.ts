import { toNestErrors } from '@hookform/resolvers';
import i18next from 'i18next';
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import {
  type DefaultValues,
  type FieldError,
  type FieldValues,
  get,
  type Path,
  type Resolver,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../api/client.js';
import { fieldMessage, issueMessage, pointerToName, problemMessage, toPointer } from './errors.js';

export interface ServerFormOptions<Values extends FieldValues, Body> {
  /** The shared schema the server validates the request with (or one built from it). */
  schema: z.ZodType<Body>;
  defaultValues: Values;
  /** Form values → what the schema reads, where they differ (numbers typed as text, empty → null). */
  toBody?: (values: Values) => unknown;
  /** A form's own words for a field, by pointer (`/key`), whatever rule it broke; or made from the values. */
  messages?: Record<string, string> | ((values: Values) => Record<string, string>);
  /** Body pointer → the form field that shows its errors, where the names differ (`/estimateMinutes` → `estimateHours`). */
  fields?: Record<string, Path<Values>>;
}

export interface ServerForm<Values extends FieldValues, Body> extends UseFormReturn<Values, unknown, Body> {
  formRef: React.RefObject<HTMLFormElement | null>;
  /** The summary above the fields: what went wrong, and messages no field can show. */
  formError: string | null;
  /** The last submit went through (for a "Saved" note); false again from the next one. */
  succeeded: boolean;
  fieldError: (name: string) => string | undefined;
  /** Validates, then sends the body; what a failed request said lands on its fields, the rest in the summary. */
  submit: (send: (body: Body) => unknown) => (event?: React.BaseSyntheticEvent) => Promise<void>;
}

/** Placed messages by field name, and those no field of the form can show. */
export interface PlacedErrors {
  fields: Record<string, string>;
  unplaced: string[];
}

/**
 * The field that shows errors at `pointer`: the pointer's own field or the nearest one above it
 * (`/labels/3` → `labels`), a named alias counting as a field; undefined when the form has none.
 */
export function fieldForPointer(
  pointer: string,
  hasField: (name: string) => boolean,
  aliases: Record<string, string> = {},
): string | undefined {
  const parts = pointer.split('/').slice(1);
  for (let length = parts.length; length > 0; length--) {
    const prefix = `/${parts.slice(0, length).join('/')}`;
    const name = aliases[prefix] ?? pointerToName(prefix);
    if (aliases[prefix] || (name !== '' && hasField(name))) return name;
  }
  return undefined;
}

/** A schema's issues as the form shows them: one translated message per field, the first issue winning. */
export function placeIssues(
  issues: readonly z.core.$ZodIssue[],
  fieldOf: (pointer: string) => string | undefined,
  messages: Record<string, string> = {},
): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, unplaced: [] };
  for (const issue of issues) {
    const pointer = toPointer(issue.path);
    const field = fieldOf(pointer);
    const message = messages[pointer] ?? (field ? messages[`/${field.replaceAll('.', '/')}`] : undefined) ?? issueMessage(issue);
    if (field === undefined) placed.unplaced.push(message);
    else placed.fields[field] ??= message;
  }
  return placed;
}

/** A failed request as the form shows it: the problem's field errors on their fields, the rest unplaced. */
export function placeProblem(error: unknown, fieldOf: (pointer: string) => string | undefined): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, unplaced: [] };
  if (!(error instanceof ApiError)) return placed;
  for (const fieldError of error.fieldErrors) {
    const message = fieldMessage(fieldError);
    const field = fieldOf(fieldError.pointer);
    if (field === undefined) placed.unplaced.push(message);
    else placed.fields[field] ??= message;
  }
  return placed;
}

/** Field errors of the enclosing `<Form>`, so a field shows its own without being handed it. */
export const FieldErrorsContext = createContext<((name: string) => string | undefined) | null>(null);

export function useFieldError(name: string | undefined): string | undefined {
  const fieldError = useContext(FieldErrorsContext);
  return name && fieldError ? fieldError(name) : undefined;
}

/**
 * One form on react-hook-form, validated in the browser by the schema the server validates the
 * request with. Errors from either side read the same and sit on the same field; after a failed
 * submit the first invalid field gets focus and the summary is announced.
 */
export function useServerForm<Values extends FieldValues, Body>(options: ServerFormOptions<Values, Body>): ServerForm<Values, Body> {
  const formRef = useRef<HTMLFormElement>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [succeeded, setSucceeded] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  // The resolver reads this render's options: a form may switch schema (create or edit) or messages.
  const latest = useRef(options);
  latest.current = options;
  const unplacedIssues = useRef<string[]>([]);

  const fieldOf = useCallback(
    (pointer: string) =>
      fieldForPointer(
        pointer,
        (name) => formRef.current?.querySelector(`[name="${CSS.escape(name)}"]`) != null,
        latest.current.fields as Record<string, string> | undefined,
      ),
    [],
  );

  // Not zodResolver: it shows a schema's own English words; these forms speak the reader's language.
  const resolver = useCallback<Resolver<Values, unknown, Body>>(
    async (values, _context, resolverOptions) => {
      const { schema, toBody, messages } = latest.current;
      const result = await schema.safeParseAsync(toBody ? toBody(values) : values);
      if (result.success) return { values: result.data, errors: {} };
      const placed = placeIssues(result.error.issues, fieldOf, typeof messages === 'function' ? messages(values) : messages);
      unplacedIssues.current = placed.unplaced;
      const errors: Record<string, FieldError> = {};
      for (const [name, message] of Object.entries(placed.fields)) errors[name] = { type: 'validate', message };
      return { values: {}, errors: toNestErrors(errors, resolverOptions) };
    },
    [fieldOf],
  );

  const methods = useForm<Values, unknown, Body>({
    defaultValues: options.defaultValues as DefaultValues<Values>,
    resolver,
    mode: 'onSubmit',
    // Errors stay until the next submit, as people read them; focus is moved below, in DOM order.
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const { clearErrors, setError } = methods;
  const errors = methods.formState.errors;

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const fail = useCallback(
    (error: unknown) => {
      const placed = placeProblem(error, fieldOf);
      clearErrors();
      for (const [name, message] of Object.entries(placed.fields)) setError(name as Path<Values>, { type: 'server', message });
      setFormError([problemMessage(error), ...placed.unplaced].join(' '));
      if (Object.keys(placed.fields).length > 0) setFocusRequest((n) => n + 1);
    },
    [fieldOf, clearErrors, setError],
  );

  const submit = (send: (body: Body) => unknown) => async (event?: React.BaseSyntheticEvent) => {
    setSucceeded(false);
    let invalid = false;
    await methods.handleSubmit(
      async (body) => {
        setFormError(null);
        try {
          await send(body);
          setSucceeded(true);
        } catch (error) {
          fail(error);
        }
      },
      () => {
        invalid = true;
        setFormError([i18next.t('problems.validation_failed'), ...unplacedIssues.current].join(' '));
      },
    )(event);
    if (invalid) setFocusRequest((n) => n + 1);
  };

  const fieldError = (name: string) => (get(errors, name) as FieldError | undefined)?.message;

  return { ...methods, formRef, formError, succeeded, fieldError, submit };
}
