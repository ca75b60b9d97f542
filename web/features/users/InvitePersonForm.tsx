import { useTranslation } from 'react-i18next';
import { type CreatedPerson, CreateUserBodySchema } from '../../../shared/api.js';
import { FormAlert, SelectField, TextField } from '../../components/Field.js';
import { useFormErrors } from '../../components/use-form-errors.js';
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
  const form = useFormErrors();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = form.validate(CreateUserBodySchema, {
      name: data.get('name'),
      email: data.get('email'),
      role: data.get('role'),
      capacityHours: optionalNumber(data.get('capacityHours')),
      password: optionalString(data.get('password')),
    });
    if (!body) return;
    try {
      onCreated(await create.mutateAsync(body), body.password !== undefined);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <div className="form-grid">
        <TextField label={t('people.fields.name')} pointer="/name" autoComplete="off" required error={form.fieldError('/name')} />
        <TextField
          label={t('people.fields.email')}
          pointer="/email"
          type="email"
          autoComplete="off"
          required
          error={form.fieldError('/email')}
        />
        <SelectField
          label={t('people.fields.role')}
          pointer="/role"
          options={roleOptions()}
          defaultValue="member"
          hint={t('people.roleHint')}
          error={form.fieldError('/role')}
        />
        <TextField
          label={t('people.fields.capacity')}
          pointer="/capacityHours"
          type="number"
          inputMode="decimal"
          min={0}
          max={168}
          step={0.5}
          defaultValue={40}
          hint={t('people.capacityHint')}
          error={form.fieldError('/capacityHours')}
        />
      </div>
      <TextField
        label={t('people.fields.passwordOptional')}
        pointer="/password"
        type="password"
        autoComplete="new-password"
        hint={t('people.passwordHint')}
        error={form.fieldError('/password')}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('people.invite.submitting') : t('people.invite.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
