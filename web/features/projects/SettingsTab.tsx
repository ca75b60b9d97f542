import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { UpdateProjectBodySchema } from '../../../shared/projects.js';
import { StatusMessage, TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useSession } from '../auth/use-session.js';
import { canManage, canRunProjects, PROJECT_STATES, projectStateLabel } from './labels.js';
import { ClientPicker } from './pickers.js';
import { useProjectContext } from './ProjectPage.js';
import { DescriptionAndDates, ReviewAndBilling } from './ProjectFields.js';
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
  const form = useServerForm({
    schema: SettingsSchema,
    defaultValues: {
      name: project.name,
      clientId: project.clientId,
      description: project.description,
      startDate: project.startDate ?? '',
      endDate: project.endDate ?? '',
      state: project.state,
      reviewRequired: project.reviewRequired,
      billable: project.billable,
    },
    toBody: (values) => ({ ...values, startDate: values.startDate || null, endDate: values.endDate || null }),
    messages: { '/endDate': t('projects.fields.endBeforeStart') },
  });

  if (!canManage(project)) {
    return (
      <div className="notice">
        <p>{t('projects.settings.managersOnly')}</p>
      </div>
    );
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
      <Form form={form} onSubmit={(body) => update.mutateAsync(body)}>
        <TextField label={t('projects.fields.name')} {...form.register('name')} required />
        <Controller
          control={form.control}
          name="clientId"
          render={({ field }) => <ClientPicker value={field.value} onChange={field.onChange} mayCreate={canRunProjects(me.role)} />}
        />
        <DescriptionAndDates register={form.register} rows={5} />
        <fieldset className="field choice-group">
          <legend className="field__label">{t('projects.fields.state')}</legend>
          <div className="state-choices">
            {PROJECT_STATES.map((value) => (
              <label key={value} className="state-choice">
                <input type="radio" {...form.register('state')} value={value} />
                <span>
                  <span className="state-choice__name">{projectStateLabel(value)}</span>
                  <span className="state-choice__hint">{t(`projects.settings.stateHint.${value}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <ReviewAndBilling register={form.register} />
        <StatusMessage message={form.succeeded ? t('projects.settings.saved') : null} />
        <div className="actions">
          <SubmitButton pending={update.isPending} />
        </div>
      </Form>
    </section>
  );
}
