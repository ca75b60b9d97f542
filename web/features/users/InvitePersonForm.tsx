import { useTranslation } from 'react-i18next';
import { type CreatedPerson, CreateUserBodySchema } from '../../../shared/api.js';
import { HoursField, SelectField, TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { useServerForm } from '../../components/use-server-form.js';
import { optionalNumber, optionalString, roleOptions } from './labels.js';
import { useCreatePerson } from './use-people.js';

export function InvitePersonForm({
  onCreated,
  onCancel,
}: {
  /** `withPassword`: the admin set the password (so no link is expected). */
  onCreated: (person: CreatedPerson, withPassword: boolean) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreatePerson();
  const form = useServerForm({
    schema: CreateUserBodySchema,
    defaultValues: { name: '', email: '', role: 'member', capacityHours: '40', password: '' },
    toBody: (values) => ({ ...values, capacityHours: optionalNumber(values.capacityHours), password: optionalString(values.password) }),
  });

  return (
    <Form form={form} onSubmit={async (body) => onCreated(await create.mutateAsync(body), body.password !== undefined)}>
      <div className="form-grid">
        <TextField label={t('people.fields.name')} {...form.register('name')} autoComplete="off" required />
        <TextField label={t('people.fields.email')} {...form.register('email')} type="email" autoComplete="off" required />
        <SelectField label={t('people.fields.role')} {...form.register('role')} options={roleOptions()} hint={t('people.roleHint')} />
        <HoursField
          label={t('people.fields.capacity')}
          {...form.register('capacityHours')}
          max={168}
          step={0.5}
          hint={t('people.capacityHint')}
        />
      </div>
      <TextField
        label={t('people.fields.passwordOptional')}
        {...form.register('password')}
        type="password"
        autoComplete="new-password"
        hint={t('people.passwordHint')}
      />
      <div className="actions">
        <SubmitButton pending={create.isPending} label={t('people.invite.submit')} pendingLabel={t('people.invite.submitting')} />
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Form>
  );
}
