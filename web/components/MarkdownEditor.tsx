import { forwardRef, useId, useState } from 'react';
import { type Control, type FieldValues, type Path, useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Markdown } from './Markdown.js';
import { useFieldError } from './use-server-form.js';

export interface MarkdownEditorProps extends Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  /** For editors under a heading that already names them. */
  hideLabel?: boolean;
  /** Replaces the textarea (e.g. one with mention suggestions); `onValue` sets the text. */
  renderInput?: (
    props: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; value: string; onValue: (value: string) => void },
  ) => React.ReactNode;
}

/** A Markdown textarea with Write and Preview tabs (arrow keys move between the tabs). */
export const MarkdownEditor = forwardRef<HTMLTextAreaElement, MarkdownEditorProps>(function MarkdownEditor(
  { label, value, onChange, error, hint, hideLabel, renderInput, rows = 8, ...rest },
  ref,
) {
  const { t } = useTranslation();
  const id = useId();
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;

  const onTabKey = (event: React.KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'write' ? 'preview' : 'write';
    setTab(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  const inputProps = {
    ...rest,
    id: `${id}-input`,
    rows,
    value,
    onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value),
    className: 'input textarea md-editor__input',
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  } as const;

  return (
    <div className={error ? 'field field--invalid md-editor' : 'field md-editor'}>
      <div className="md-editor__bar">
        <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={`${id}-input`}>
          {label}
        </label>
        <div className="md-editor__tabs" role="tablist" aria-label={t('taskView.markdown.tabs', { label })}>
          {(['write', 'preview'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${id}-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`${id}-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              className="md-editor__tab"
              onClick={() => setTab(name)}
              onKeyDown={onTabKey}
            >
              {t(`taskView.markdown.${name}`)}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel" id={`${id}-panel-write`} aria-labelledby={`${id}-tab-write`} hidden={tab !== 'write'}>
        {renderInput ? renderInput({ ...inputProps, onValue: onChange }) : <textarea ref={ref} {...inputProps} />}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-preview`}
        aria-labelledby={`${id}-tab-preview`}
        hidden={tab !== 'preview'}
        className="md-editor__preview"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a tab panel without focusable content takes focus itself
        tabIndex={0}
      >
        {value.trim() ? <Markdown>{value}</Markdown> : <p className="muted">{t('taskView.markdown.empty')}</p>}
      </div>
      <p className="field__hint" id={hintId} hidden={!hint}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
});

export type MarkdownFieldProps<Values extends FieldValues> = Omit<MarkdownEditorProps, 'value' | 'onChange' | 'error' | 'name'> & {
  control: Control<Values, any, any>;
  name: Path<Values>;
};

/** The editor as a form field: the form keeps the text, and the field shows the form's error for it. */
export function MarkdownField<Values extends FieldValues>({ control, name, ...editor }: MarkdownFieldProps<Values>) {
  const { field } = useController({ control, name });
  const error = useFieldError(name);
  return (
    <MarkdownEditor
      {...editor}
      ref={field.ref}
      name={field.name}
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={error}
    />
  );
}
