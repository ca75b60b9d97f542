import { useTranslation } from 'react-i18next';
import type { FieldValues } from 'react-hook-form';
import { FormAlert } from './Field.js';
import { FieldErrorsContext, type ServerForm } from './use-server-form.js';

export interface FormProps<Values extends FieldValues, Body> extends Omit<React.FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> {
  form: ServerForm<Values, Body>;
  /** Gets the validated body; what it throws is shown on the form. */
  onSubmit: (body: Body) => unknown;
  /** The error summary opens the form; `false` when the form places `<FormAlert>` itself. */
  summary?: boolean;
}

/** A form of `useServerForm`: its fields find their errors, and the summary is announced. */
export function Form<Values extends FieldValues, Body>({
  form,
  onSubmit,
  summary = true,
  className = 'form',
  children,
  ...rest
}: FormProps<Values, Body>) {
  return (
    <FieldErrorsContext.Provider value={form.fieldError}>
      <form {...rest} ref={form.formRef} className={className} noValidate onSubmit={form.submit(onSubmit)}>
        {summary ? <FormAlert message={form.formError} /> : null}
        {children}
      </form>
    </FieldErrorsContext.Provider>
  );
}

export interface SubmitButtonProps {
  pending: boolean;
  /** Save, unless said otherwise; `pendingLabel` (Saving…) while the request runs. */
  label?: string;
  pendingLabel?: string;
  className?: string;
  /** Full width, as on the sign-in pages. */
  block?: boolean;
}

/** A form's submit button, disabled while its request runs. */
export function SubmitButton({
  pending,
  label,
  pendingLabel,
  block,
  className = `button button--primary${block ? ' button--block' : ''}`,
}: SubmitButtonProps) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={className} disabled={pending}>
      {pending ? (pendingLabel ?? t('common.saving')) : (label ?? t('common.save'))}
    </button>
  );
}

export interface FormActionsProps extends SubmitButtonProps {
  onCancel: () => void;
  /** Dialog style: the buttons at the end, Cancel before the submit button. */
  end?: boolean;
  small?: boolean;
}

/** The submit button and Cancel, in the order the form's place calls for. */
export function FormActions({ onCancel, end = false, small = false, ...submit }: FormActionsProps) {
  const { t } = useTranslation();
  const size = small ? ' button--small' : '';
  const cancel = (
    <button type="button" className={`button${size}`} onClick={onCancel}>
      {t('common.cancel')}
    </button>
  );
  return (
    <div className={end ? 'actions actions--end' : 'actions'}>
      {end ? cancel : null}
      <SubmitButton className={`button button--primary${size}`} {...submit} />
      {end ? null : cancel}
    </div>
  );
}
