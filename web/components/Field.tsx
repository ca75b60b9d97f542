import { type ReactNode, useId } from 'react';
import { useFieldError } from './use-server-form.js';

/** What a control needs from its field to be labelled and described. */
export interface ControlAttributes {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** Ids that tie a control to its hint and error; the error is the one given, else the form's for `name`. */
function useDescription(name: string | undefined, hint: ReactNode, given: string | undefined) {
  const id = useId();
  const formError = useFieldError(name);
  const error = given ?? formError;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, error, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function fieldClass(error: string | undefined, ...names: (string | undefined)[]): string {
  return ['field', ...names, error ? 'field--invalid' : ''].filter(Boolean).join(' ');
}

function Description({ id, children, className = 'field__hint' }: { id: string | undefined; children: ReactNode; className?: string }) {
  return children ? (
    <p className={className} id={id}>
      {children}
    </p>
  ) : null;
}

export interface FieldProps {
  label: ReactNode;
  /** The control's name: its error comes from the enclosing form unless `error` is given. */
  name?: string | undefined;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  className?: string | undefined;
  children: (control: ControlAttributes) => ReactNode;
}

/** A label, the control, its hint and its error; the control is tied to them by id. */
export function Field({ label, name, hint, error: given, className, children }: FieldProps) {
  const { id, error, hintId, errorId, describedBy } = useDescription(name, hint, given);
  return (
    <div className={fieldClass(error, className)}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {/* Hints sit under the control so controls side by side in a grid line up. */}
      <Description id={hintId}>{hint}</Description>
      <Description id={errorId} className="field__error">
        {error}
      </Description>
    </div>
  );
}

interface FieldCommon {
  label: ReactNode;
  /** The control's name: the form value (`register('owner.email')`) and the request field it fills. */
  name: string;
  hint?: ReactNode;
  /** Shown instead of the error the enclosing form has for `name`. */
  error?: string | undefined;
  fieldClassName?: string;
}

type InputProps = FieldCommon & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'> & { multiline?: false };
type TextAreaProps = FieldCommon & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name'> & { multiline: true };

export type TextFieldProps =
  | (InputProps & { ref?: React.Ref<HTMLInputElement> })
  | (TextAreaProps & { ref?: React.Ref<HTMLTextAreaElement> });

/** A labelled text input, or with `multiline` a text area; spread `register(name)` into it. */
export function TextField({ label, hint, error, fieldClassName, className, ...control }: TextFieldProps) {
  const classes = (base: string) => (className ? `${base} ${className}` : base);
  return (
    <Field label={label} name={control.name} hint={hint} error={error} className={fieldClassName}>
      {(attributes) => {
        if (control.multiline) {
          const { multiline: _multiline, rows = 4, ...textarea } = control;
          return <textarea {...textarea} {...attributes} rows={rows} className={classes('input textarea')} />;
        }
        const { multiline: _multiline, type = 'text', ...input } = control;
        return <input {...input} {...attributes} type={type} className={classes('input')} />;
      }}
    </Field>
  );
}

/** Hours as a decimal number (capacity, estimates), typed on a decimal keypad. */
export function HoursField(props: Omit<InputProps, 'type' | 'inputMode' | 'min' | 'multiline'> & { ref?: React.Ref<HTMLInputElement> }) {
  return <TextField {...props} type="number" inputMode="decimal" min={0} />;
}

type SelectProps = Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'>;

export interface SelectFieldProps extends FieldCommon, SelectProps {
  options: readonly { value: string; label: string }[];
  ref?: React.Ref<HTMLSelectElement>;
}

export function SelectField({ label, hint, error, options, fieldClassName, ...select }: SelectFieldProps) {
  return (
    <Field label={label} name={select.name} hint={hint} error={error} className={fieldClassName}>
      {(attributes) => (
        <select {...select} {...attributes} className="input select">
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type CheckboxProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type'>;

export interface CheckboxFieldProps extends Omit<FieldCommon, 'fieldClassName'>, CheckboxProps {
  fieldClassName?: string | undefined;
  ref?: React.Ref<HTMLInputElement>;
}

/** One checkbox with its explanation under it, read by screen readers as its description. */
export function CheckboxField({ label, hint, error: given, fieldClassName, ...input }: CheckboxFieldProps) {
  const { id, error, hintId, errorId, describedBy } = useDescription(input.name, hint, given);
  return (
    <div className={fieldClass(error, 'checkbox-field', fieldClassName)}>
      <div className="checkbox-field__row">
        <input {...input} type="checkbox" id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
      </div>
      <Description id={hintId} className="field__hint checkbox-field__hint">
        {hint}
      </Description>
      <Description id={errorId} className="field__error">
        {error}
      </Description>
    </div>
  );
}

export interface CheckboxGroupProps extends Omit<CheckboxProps, 'defaultValue' | 'defaultChecked'> {
  legend: ReactNode;
  /** Shared by every box: spread `register(name)` to read the checked values as a list. */
  name: string;
  options: readonly { value: string; label: string }[];
  hint?: ReactNode;
  error?: string | undefined;
  ref?: React.Ref<HTMLInputElement>;
}

/** A fieldset of checkboxes sharing one name. */
export function CheckboxGroup({ legend, options, hint, error: given, ...input }: CheckboxGroupProps) {
  const { error, hintId, errorId, describedBy } = useDescription(input.name, hint, given);
  return (
    <fieldset className={fieldClass(error, 'choice-group')} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      <Description id={hintId}>{hint}</Description>
      <div className="choice-group__items">
        {options.map((option, index) => (
          <label className="choice" key={option.value}>
            <input {...input} type="checkbox" value={option.value} aria-invalid={error && index === 0 ? true : undefined} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <Description id={errorId} className="field__error">
        {error}
      </Description>
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
