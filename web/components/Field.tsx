import { type ReactNode, useId } from 'react';
import { pointerToName } from './errors.js';

interface FieldShellProps {
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  className?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldShell({ label, hint, error, className, children }: FieldShellProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {/* Hints sit under the control so controls side by side in a grid line up. */}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

export interface TextFieldProps extends InputProps {
  label: ReactNode;
  /** JSON pointer of the field in the request body (`/email`, `/owner/name`); also gives the control its name. */
  pointer: string;
  hint?: ReactNode;
  error?: string | undefined;
  fieldClassName?: string;
}

export function TextField({ label, pointer, hint, error, fieldClassName, type = 'text', className, ...rest }: TextFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} className={fieldClassName}>
      {({ id, describedBy, invalid }) => (
        <input
          {...rest}
          className={className ? `input ${className}` : 'input'}
          id={id}
          name={pointerToName(pointer)}
          type={type}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </FieldShell>
  );
}

type SelectProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>;

export interface SelectFieldProps extends SelectProps {
  label: ReactNode;
  pointer: string;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
  fieldClassName?: string;
}

export function SelectField({ label, pointer, hint, error, options, fieldClassName, ...rest }: SelectFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} className={fieldClassName}>
      {({ id, describedBy, invalid }) => (
        <select
          {...rest}
          className="input select"
          id={id}
          name={pointerToName(pointer)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export interface CheckboxGroupProps {
  legend: ReactNode;
  pointer: string;
  options: readonly { value: string; label: string }[];
  defaultValues?: readonly string[];
  disabled?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A fieldset of checkboxes sharing one name; read them with `FormData.getAll(name)`. */
export function CheckboxGroup({ legend, pointer, options, defaultValues = [], disabled, hint, error }: CheckboxGroupProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const name = pointerToName(pointer);
  return (
    <fieldset className={['field', 'choice-group', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="choice-group__items">
        {options.map((option, index) => (
          <label className="choice" key={option.value}>
            <input
              type="checkbox"
              name={name}
              value={option.value}
              defaultChecked={defaultValues.includes(option.value)}
              disabled={disabled}
              aria-invalid={error && index === 0 ? true : undefined}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function FormAlert({ message }: { message: string | null | undefined }) {
  return (
    <div className="form-alert-region" role="alert">
      {message ? <p className="alert alert--error">{message}</p> : null}
    </div>
  );
}

export function StatusMessage({ message }: { message: string | null | undefined }) {
  return (
    <div className="status-region" role="status">
      {message ? <p className="alert alert--success">{message}</p> : null}
    </div>
  );
}
