import { type ReactNode, useId } from 'react';
import { pointerToName } from '../../components/errors.js';

type TextAreaProps = Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>;

export interface TextAreaFieldProps extends TextAreaProps {
  label: ReactNode;
  /** JSON pointer of the field in the request body; also gives the control its name. */
  pointer: string;
  hint?: ReactNode;
  error?: string | undefined;
  fieldClassName?: string;
}

/** A labelled multi-line field in the same shape as the shared TextField (hint and error under it). */
export function TextAreaField({ label, pointer, hint, error, fieldClassName, className, rows = 4, ...rest }: TextAreaFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field--invalid' : '', fieldClassName ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        {...rest}
        rows={rows}
        className={className ? `input textarea ${className}` : 'input textarea'}
        id={id}
        name={pointerToName(pointer)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      />
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
