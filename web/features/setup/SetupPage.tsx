import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SetupBodySchema } from '../../../shared/api.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { useServerForm } from '../../components/use-server-form.js';
import { NewPasswordField } from '../auth/NewPasswordField.js';
import { useSignedIn } from '../auth/use-session.js';
import { useCompleteSetup } from './use-setup.js';

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useCompleteSetup();
  const signedIn = useSignedIn();
  const form = useServerForm({ schema: SetupBodySchema, defaultValues: { organizationName: '', name: '', email: '', password: '' } });

  return (
    <AuthLayout title={t('setup.title')} description={<p>{t('setup.intro')}</p>}>
      <Form
        form={form}
        onSubmit={async (body) => {
          await signedIn(await setup.mutateAsync(body));
          navigate('/', { replace: true });
        }}
      >
        <TextField
          label={t('setup.organizationName')}
          {...form.register('organizationName')}
          hint={t('setup.organizationNameHint')}
          autoComplete="organization"
          required
        />
        <TextField label={t('setup.name')} {...form.register('name')} autoComplete="name" required />
        <TextField label={t('setup.email')} {...form.register('email')} type="email" autoComplete="email" required />
        <NewPasswordField label={t('setup.password')} {...form.register('password')} />
        <SubmitButton block pending={setup.isPending} label={t('setup.submit')} pendingLabel={t('setup.submitting')} />
      </Form>
    </AuthLayout>
  );
}
