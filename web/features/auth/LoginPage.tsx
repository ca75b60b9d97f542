import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoginBodySchema } from '../../../shared/api.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { safeNext } from '../../components/safe-next.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useLogin } from './use-auth.js';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const form = useServerForm({ schema: LoginBodySchema, defaultValues: { email: '', password: '' } });

  return (
    <AuthLayout title={t('login.title')} description={<p>{t('login.intro')}</p>} footer={<p className="muted">{t('login.noAccount')}</p>}>
      <Form
        form={form}
        onSubmit={async (body) => {
          await login.mutateAsync(body);
          navigate(safeNext(params.get('next')), { replace: true });
        }}
      >
        <TextField label={t('login.email')} {...form.register('email')} type="email" autoComplete="username" required />
        <TextField label={t('login.password')} {...form.register('password')} type="password" autoComplete="current-password" required />
        <SubmitButton block pending={login.isPending} label={t('login.submit')} pendingLabel={t('login.submitting')} />
        <p>
          <Link to="/forgot-password">{t('passwordReset.forgotLink')}</Link>
        </p>
      </Form>
    </AuthLayout>
  );
}
