import { useMemo, useRef, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateProjectBodySchema } from '../../../shared/projects.js';
import { TextField } from '../../components/Field.js';
import { Form, FormActions } from '../../components/Form.js';
import { Modal } from '../../components/Modal.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useSession } from '../auth/use-session.js';
import { useDirectory } from '../tasks/lookups.js';
import { newIdempotencyKey } from '../tasks/use-tasks.js';
import { suggestKey } from './labels.js';
import { ClientPicker, type MemberDraft, MembersPicker } from './pickers.js';
import { DescriptionAndDates, ReviewAndBilling } from './ProjectFields.js';
import { useCreateProject } from './use-projects.js';

/** Checked on the client before sending: an end date before the start is a typo. */
const ProjectFormSchema = CreateProjectBodySchema.refine((body) => !body.startDate || !body.endDate || body.endDate >= body.startDate, {
  path: ['endDate'],
  message: 'end before start',
});

function NewProjectForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const create = useCreateProject();
  const directory = useDirectory();
  const form = useServerForm({
    schema: ProjectFormSchema,
    defaultValues: {
      name: '',
      key: '',
      clientId: null as number | null,
      description: '',
      startDate: '',
      endDate: '',
      reviewRequired: true,
      billable: true,
      members: [] as MemberDraft[],
    },
    toBody: (values) => ({
      ...values,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      members: values.members.map(({ userId, role }) => ({ userId, role })),
    }),
    messages: { '/key': t('projects.fields.keyInvalid'), '/endDate': t('projects.fields.endBeforeStart') },
    fields: { '/members': 'members' },
  });
  // One key per opened form: a double submit or a retried request creates the project once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  // The key follows the name until the person types one.
  const keyEdited = useRef(false);

  const people = useMemo(
    () =>
      (directory.data ?? [])
        .filter((person) => person.active && person.role !== 'client')
        .filter((person) => !(me.role === 'manager' && person.id === me.user.id)),
    [directory.data, me],
  );

  return (
    <Form
      form={form}
      onSubmit={async (body) => {
        const project = await create.mutateAsync({ body, idempotencyKey });
        onDone();
        navigate(`/projects/${project.id}`);
      }}
    >
      <div className="form-grid">
        <TextField
          label={t('projects.fields.name')}
          {...form.register('name', {
            onChange: (event) => {
              if (!keyEdited.current) form.setValue('key', suggestKey(event.target.value));
            },
          })}
          autoComplete="off"
          required
          hint={t('projects.fields.nameHint')}
        />
        <TextField
          label={t('projects.fields.key')}
          {...form.register('key', {
            onChange: (event) => {
              keyEdited.current = true;
              form.setValue('key', event.target.value.toUpperCase().replace(/[^A-Z0-9]/g, ''));
            },
          })}
          autoComplete="off"
          required
          maxLength={10}
          className="input--mono input--key"
          hint={t('projects.fields.keyHint', { example: `${form.watch('key') || 'ACME'}-12` })}
        />
      </div>
      <Controller
        control={form.control}
        name="clientId"
        render={({ field }) => <ClientPicker value={field.value} onChange={field.onChange} mayCreate />}
      />
      <DescriptionAndDates register={form.register} rows={4} />
      <ReviewAndBilling register={form.register} />
      <Controller
        control={form.control}
        name="members"
        render={({ field }) => (
          <MembersPicker
            value={field.value}
            onChange={field.onChange}
            people={people}
            hint={me.role === 'manager' ? t('projects.fields.membersHintManager') : t('projects.fields.membersHint')}
          />
        )}
      />
      <FormActions
        end
        onCancel={onDone}
        pending={create.isPending}
        label={t('projects.new.submit')}
        pendingLabel={t('projects.new.submitting')}
      />
    </Form>
  );
}

export function NewProjectDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={t('projects.new.title')} description={<p>{t('projects.new.description')}</p>} onClose={onClose}>
      <NewProjectForm onDone={onClose} />
    </Modal>
  );
}
