import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ProjectState, UpdateProjectBodySchema } from '../../../shared/projects.js';
import { FormAlert, StatusMessage, TextField } from '../../components/Field.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useSession } from '../auth/use-session.js';
import { TextAreaField } from '../tasks/TextAreaField.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { canManage, canRunProjects, PROJECT_STATES, projectStateLabel } from './labels.js';
import { ClientPicker } from './pickers.js';
import { useProjectContext } from './ProjectPage.js';
import { useUpdateProject } from './use-projects.js';

const SettingsSchema = UpdateProjectBodySchema.refine((body) => !body.startDate || !body.endDate || body.endDate >= body.startDate, {
  path: ['endDate'],
  message: 'end before start',
});

export function SettingsTab() {
  const { t } = useTranslation();
  const me = useSession();
  const { project } = useProjectContext();
  const update = useUpdateProject(project.id);
  const form = useFormErrors();
  const [clientId, setClientId] = useState<number | null>(project.clientId);
  const [state, setState] = useState<ProjectState>(project.state);
  const [saved, setSaved] = useState(false);

  if (!canManage(project)) {
    return (
      <div className="notice">
        <p>{t('projects.settings.managersOnly')}</p>
      </div>
    );
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const text = (field: string) => String(data.get(field) ?? '');
    const body = form.validate(
      SettingsSchema,
      {
        name: text('name'),
        clientId,
        description: text('description'),
        startDate: text('startDate') || null,
        endDate: text('endDate') || null,
        state,
        reviewRequired: data.get('reviewRequired') === 'on',
        billable: data.get('billable') === 'on',
      },
      { '/endDate': t('projects.fields.endBeforeStart') },
    );
    if (!body) return;
    try {
      await update.mutateAsync(body);
      setSaved(true);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <section className="card project-narrow" aria-labelledby="settings-title">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="settings-title">
            {t('projects.settings.title')}
          </h2>
          <p className="card__description">{t('projects.settings.description', { key: project.key })}</p>
        </div>
      </div>
      <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={form.formError} />
        <TextField
          label={t('projects.fields.name')}
          pointer="/name"
          defaultValue={project.name}
          required
          error={form.fieldError('/name')}
        />
        <ClientPicker value={clientId} onChange={setClientId} mayCreate={canRunProjects(me.role)} error={form.fieldError('/clientId')} />
        <TextAreaField
          label={t('projects.fields.description')}
          pointer="/description"
          rows={5}
          defaultValue={project.description}
          hint={t('projects.fields.descriptionHint')}
          error={form.fieldError('/description')}
        />
        <div className="form-grid">
          <TextField
            label={t('projects.fields.startDate')}
            pointer="/startDate"
            type="date"
            defaultValue={project.startDate ?? ''}
            error={form.fieldError('/startDate')}
          />
          <TextField
            label={t('projects.fields.endDate')}
            pointer="/endDate"
            type="date"
            defaultValue={project.endDate ?? ''}
            error={form.fieldError('/endDate')}
          />
        </div>
        <fieldset className="field choice-group">
          <legend className="field__label">{t('projects.fields.state')}</legend>
          <div className="state-choices">
            {PROJECT_STATES.map((value) => (
              <label key={value} className="state-choice">
                <input type="radio" name="state" value={value} checked={state === value} onChange={() => setState(value)} />
                <span>
                  <span className="state-choice__name">{projectStateLabel(value)}</span>
                  <span className="state-choice__hint">{t(`projects.settings.stateHint.${value}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <CheckboxField
          label={t('projects.fields.reviewRequired')}
          pointer="/reviewRequired"
          defaultChecked={project.reviewRequired}
          hint={t('projects.fields.reviewRequiredHint')}
        />
        <CheckboxField
          label={t('projects.fields.billable')}
          pointer="/billable"
          defaultChecked={project.billable}
          hint={t('projects.fields.billableHint')}
        />
        <StatusMessage message={saved ? t('projects.settings.saved') : null} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={update.isPending}>
            {update.isPending ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
