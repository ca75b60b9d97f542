import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../components/Field.js';
import { useFormErrors } from '../../../components/use-form-errors.js';
import { Markdown } from '../../../components/Markdown.js';
import { MarkdownEditor } from '../../../components/MarkdownEditor.js';
import { useTaskView } from './task-context.js';

export function DescriptionSection() {
  const { t } = useTranslation();
  const { task, canEdit, save } = useTaskView();
  const [editing, setEditing] = useState<{ base: number; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const form = useFormErrors();
  const editButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  const close = () => {
    setEditing(null);
    form.clear();
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card__header">
        <h2 className="card__title" id={headingId}>
          {t('taskView.fields.description')}
        </h2>
        {canEdit && !editing ? (
          <button
            ref={editButton}
            type="button"
            className="button button--small"
            onClick={() => setEditing({ base: task.version, text: task.description })}
          >
            {t('taskView.description.edit')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <form
          ref={form.formRef}
          className="form"
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            setPending(true);
            try {
              await save({ description: editing.text }, editing.base);
              close();
            } catch (error) {
              form.fail(error);
            } finally {
              setPending(false);
            }
          }}
        >
          <FormAlert message={form.formError} />
          <MarkdownEditor
            label={t('taskView.description.label')}
            hideLabel
            hint={t('taskView.markdown.hint')}
            name="description"
            value={editing.text}
            onChange={(text) => setEditing({ ...editing, text })}
            maxLength={100_000}
            rows={12}
            error={form.fieldError('/description')}
            autoFocus
          />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={pending}>
              {pending ? t('common.saving') : t('taskView.description.save')}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : task.description.trim() ? (
        <Markdown className="task-description">{task.description}</Markdown>
      ) : (
        <p className="muted">{t('taskView.description.empty')}</p>
      )}
    </section>
  );
}
