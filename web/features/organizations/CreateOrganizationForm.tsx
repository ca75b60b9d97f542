import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateOrganizationBodySchema } from '../../../shared/api.js';
import { StatusMessage, TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { useServerForm } from '../../components/use-server-form.js';
import { NewPasswordField } from '../auth/NewPasswordField.js';
import { useCreateOrganization } from './use-organizations.js';

export function CreateOrganizationForm() {
  const { t } = useTranslation();
  const create = useCreateOrganization();
  const form = useServerForm({
    schema: CreateOrganizationBodySchema,
    defaultValues: { name: '', owner: { name: '', email: '', password: '' } },
  });
  const [created, setCreated] = useState<{ organization: string; owner: string } | null>(null);

  return (
    <Form
      form={form}
      onSubmit={async (body) => {
        const organization = await create.mutateAsync(body);
        setCreated({ organization: organization.name, owner: body.owner.email });
        form.reset();
      }}
    >
      <TextField label={t('organizations.create.name')} {...form.register('name')} autoComplete="off" required />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('organizations.create.owner')}</legend>
        <div className="form-grid">
          <TextField label={t('organizations.create.ownerName')} {...form.register('owner.name')} autoComplete="off" required />
          <TextField
            label={t('organizations.create.ownerEmail')}
            {...form.register('owner.email')}
            type="email"
            autoComplete="off"
            required
          />
        </div>
        <NewPasswordField label={t('organizations.create.ownerPassword')} {...form.register('owner.password')} />
      </fieldset>
      <StatusMessage
        message={form.succeeded && created ? t('organizations.create.created', { name: created.organization, email: created.owner }) : null}
      />
      <div className="actions">
        <SubmitButton
          pending={create.isPending}
          label={t('organizations.create.submit')}
          pendingLabel={t('organizations.create.submitting')}
        />
      </div>
    </Form>
  );
}
