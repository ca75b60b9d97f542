import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdateTaskBodySchema } from '../../../../shared/tasks.js';
import { Form, FormActions } from '../../../components/Form.js';
import { Markdown } from '../../../components/Markdown.js';
import { MarkdownField } from '../../../components/MarkdownEditor.js';
import { useServerForm } from '../../../components/use-server-form.js';
import { useTaskView } from './task-context.js';

const DescriptionSchema = UpdateTaskBodySchema.pick({ description: true });

function DescriptionForm({ base, text, onClose }: { base: number; text: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { save } = useTaskView();
  const form = useServerForm({ schema: DescriptionSchema, defaultValues: { description: text } });
  return (
    <Form
      form={form}
      onSubmit={async (changes) => {
        await save(changes, base);
        onClose();
      }}
    >
      <MarkdownField
        control={form.control}
        name="description"
        label={t('taskView.description.label')}
        hideLabel
        hint={t('taskView.markdown.hint')}
        maxLength={100_000}
        rows={12}
        autoFocus
      />
      <FormActions onCancel={onClose} pending={form.formState.isSubmitting} label={t('taskView.description.save')} />
    </Form>
  );
}

export function DescriptionSection() {
  const { t } = useTranslation();
  const { task, canEdit } = useTaskView();
  const [editing, setEditing] = useState<{ base: number; text: string } | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  const close = () => {
    setEditing(null);
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
        <DescriptionForm base={editing.base} text={editing.text} onClose={close} />
      ) : task.description.trim() ? (
        <Markdown className="task-description">{task.description}</Markdown>
      ) : (
        <p className="muted">{t('taskView.description.empty')}</p>
      )}
    </section>
  );
}
