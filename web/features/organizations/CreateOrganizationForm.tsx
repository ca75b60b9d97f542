import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateOrganizationBodySchema } from '../../../shared/api.js';
import { FormAlert, StatusMessage, TextField } from '../../components/Field.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useCreateOrganization } from './use-organizations.js';

export function CreateOrganizationForm() {
  const { t } = useTranslation();
  const create = useCreateOrganization();
  const form = useFormErrors();
  const [created, setCreated] = useState<{ organization: string; owner: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const target = event.currentTarget;
    const data = new FormData(target);
    const body = form.validate(CreateOrganizationBodySchema, {
      name: data.get('name'),
      owner: { name: data.get('owner.name'), email: data.get('owner.email'), password: data.get('owner.password') },
    });
    if (!body) return;
    try {
      const organization = await create.mutateAsync(body);
      setCreated({ organization: organization.name, owner: body.owner.email });
      target.reset();
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <TextField label={t('organizations.create.name')} pointer="/name" autoComplete="off" required error={form.fieldError('/name')} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('organizations.create.owner')}</legend>
        <div className="form-grid">
          <TextField
            label={t('organizations.create.ownerName')}
            pointer="/owner/name"
            autoComplete="off"
            required
            error={form.fieldError('/owner/name')}
          />
          <TextField
            label={t('organizations.create.ownerEmail')}
            pointer="/owner/email"
            type="email"
            autoComplete="off"
            required
            error={form.fieldError('/owner/email')}
          />
        </div>
        <TextField
          label={t('organizations.create.ownerPassword')}
          pointer="/owner/password"
          type="password"
          autoComplete="new-password"
          hint={t('password.rule')}
          required
          error={form.fieldError('/owner/password')}
        />
      </fieldset>
      <StatusMessage message={created ? t('organizations.create.created', { name: created.organization, email: created.owner }) : null} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('organizations.create.submitting') : t('organizations.create.submit')}
        </button>
      </div>
    </form>
  );
}
