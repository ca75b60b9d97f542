import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoginBodySchema } from '../../../shared/api.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { FormAlert, TextField } from '../../components/Field.js';
import { safeNext } from '../../components/safe-next.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useLogin } from './use-auth.js';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const login = useLogin();
  const form = useFormErrors();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = form.validate(LoginBodySchema, { email: data.get('email'), password: data.get('password') });
    if (!body) return;
    try {
      await login.mutateAsync(body);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <AuthLayout title={t('login.title')} description={<p>{t('login.intro')}</p>} footer={<p className="muted">{t('login.noAccount')}</p>}>
      <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={form.formError} />
        <TextField
          label={t('login.email')}
          pointer="/email"
          type="email"
          autoComplete="username"
          required
          error={form.fieldError('/email')}
        />
        <TextField
          label={t('login.password')}
          pointer="/password"
          type="password"
          autoComplete="current-password"
          required
          error={form.fieldError('/password')}
        />
        <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
        <p>
          <Link to="/forgot-password">{t('passwordReset.forgotLink')}</Link>
        </p>
      </form>
    </AuthLayout>
  );
}
