import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateProjectBodySchema } from '../../../shared/projects.js';
import { FormAlert, TextField } from '../../components/Field.js';
import { Modal } from '../../components/Modal.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useSession } from '../auth/use-session.js';
import { useDirectory } from '../tasks/lookups.js';
import { newIdempotencyKey } from '../tasks/use-tasks.js';
import { TextAreaField } from '../tasks/TextAreaField.js';
import { CheckboxField } from '../../components/CheckboxField.js';
import { suggestKey } from './labels.js';
import { ClientPicker, type MemberDraft, MembersPicker } from './pickers.js';
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
  const form = useFormErrors();
  const directory = useDirectory();
  // One key per opened form: a double submit or a retried request creates the project once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [clientId, setClientId] = useState<number | null>(null);
  const [members, setMembers] = useState<MemberDraft[]>([]);

  const people = useMemo(
    () =>
      (directory.data ?? [])
        .filter((person) => person.active && person.role !== 'client')
        .filter((person) => !(me.role === 'manager' && person.id === me.user.id)),
    [directory.data, me],
  );

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (field: string) => String(data.get(field) ?? '');
    const body = form.validate(
      ProjectFormSchema,
      {
        name,
        key,
        clientId,
        description: text('description'),
        startDate: text('startDate') || null,
        endDate: text('endDate') || null,
        reviewRequired: data.get('reviewRequired') === 'on',
        billable: data.get('billable') === 'on',
        members: members.map(({ userId, role }) => ({ userId, role })),
      },
      { '/key': t('projects.fields.keyInvalid'), '/endDate': t('projects.fields.endBeforeStart') },
    );
    if (!body) return;
    try {
      const project = await create.mutateAsync({ body, idempotencyKey });
      onDone();
      navigate(`/projects/${project.id}`);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <div className="form-grid">
        <TextField
          label={t('projects.fields.name')}
          pointer="/name"
          value={name}
          autoComplete="off"
          required
          hint={t('projects.fields.nameHint')}
          error={form.fieldError('/name')}
          onChange={(event) => {
            setName(event.target.value);
            if (!keyEdited) setKey(suggestKey(event.target.value));
          }}
        />
        <TextField
          label={t('projects.fields.key')}
          pointer="/key"
          value={key}
          autoComplete="off"
          required
          maxLength={10}
          className="input--mono input--key"
          hint={t('projects.fields.keyHint', { example: `${key || 'ACME'}-12` })}
          error={form.fieldError('/key')}
          onChange={(event) => {
            setKeyEdited(true);
            setKey(event.target.value.toUpperCase().replace(/[^A-Z0-9]/g, ''));
          }}
        />
      </div>
      <ClientPicker value={clientId} onChange={setClientId} mayCreate error={form.fieldError('/clientId')} />
      <TextAreaField
        label={t('projects.fields.description')}
        pointer="/description"
        rows={4}
        hint={t('projects.fields.descriptionHint')}
        error={form.fieldError('/description')}
      />
      <div className="form-grid">
        <TextField label={t('projects.fields.startDate')} pointer="/startDate" type="date" error={form.fieldError('/startDate')} />
        <TextField label={t('projects.fields.endDate')} pointer="/endDate" type="date" error={form.fieldError('/endDate')} />
      </div>
      <CheckboxField
        label={t('projects.fields.reviewRequired')}
        pointer="/reviewRequired"
        defaultChecked
        hint={t('projects.fields.reviewRequiredHint')}
      />
      <CheckboxField label={t('projects.fields.billable')} pointer="/billable" defaultChecked hint={t('projects.fields.billableHint')} />
      <MembersPicker
        value={members}
        onChange={setMembers}
        people={people}
        hint={me.role === 'manager' ? t('projects.fields.membersHintManager') : t('projects.fields.membersHint')}
        error={form.fieldError('/members')}
      />
      <div className="actions actions--end">
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('projects.new.submitting') : t('projects.new.submit')}
        </button>
      </div>
    </form>
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
