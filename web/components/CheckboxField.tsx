/** A form piece the shared Field components do not have: a checkbox with an explanation. */
import { type ReactNode, useId } from 'react';
import { pointerToName } from './errors.js';

type CheckboxProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type'>;

export interface CheckboxFieldProps extends CheckboxProps {
  label: ReactNode;
  pointer: string;
  hint?: ReactNode;
}

/** One checkbox with its explanation under it, read by screen readers as its description. */
export function CheckboxField({ label, pointer, hint, ...rest }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field checkbox-field">
      <div className="checkbox-field__row">
        <input {...rest} type="checkbox" id={id} name={pointerToName(pointer)} aria-describedby={hint ? `${id}-hint` : undefined} />
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint ? (
        <p className="field__hint checkbox-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
