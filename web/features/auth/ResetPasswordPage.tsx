import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CompletePasswordResetBodySchema } from '../../../shared/api.js';
import { ApiError } from '../../api/client.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { errorMessage } from '../../components/errors.js';
import { FormAlert, TextField } from '../../components/Field.js';
import { ErrorNotice, Loading } from '../../components/Page.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useSignedIn } from './use-session.js';
import { useCompletePasswordReset, usePasswordReset } from './use-password-reset.js';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const reset = usePasswordReset(token);
  const complete = useCompletePasswordReset(token);
  const signedIn = useSignedIn();
  const form = useFormErrors();

  if (reset.isPending) {
    return (
      <AuthLayout title={t('passwordReset.resetTitle')}>
        <Loading />
      </AuthLayout>
    );
  }
  if (reset.isError) {
    const invalid = reset.error instanceof ApiError && [404, 410].includes(reset.error.status);
    return (
      <AuthLayout title={t('passwordReset.resetTitle')}>
        {invalid ? (
          <p>{t('passwordReset.invalid')}</p>
        ) : (
          <ErrorNotice message={errorMessage(reset.error)} onRetry={() => void reset.refetch()} />
        )}
        <p>
          <Link to="/forgot-password">{t('passwordReset.askAgain')}</Link>
        </p>
      </AuthLayout>
    );
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = form.validate(CompletePasswordResetBodySchema, { password: data.get('password') });
    if (!body) return;
    try {
      const me = await complete.mutateAsync(body);
      if (me) {
        await signedIn(me);
        navigate('/', { replace: true });
      } else {
        navigate('/login', { replace: true });
      }
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <AuthLayout title={t('passwordReset.resetTitle')} description={<p>{t('passwordReset.resetIntro', { email: reset.data.email })}</p>}>
      <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={form.formError} />
        <TextField
          label={t('passwordReset.newPassword')}
          pointer="/password"
          type="password"
          autoComplete="new-password"
          hint={t('password.rule')}
          required
          error={form.fieldError('/password')}
        />
        <button type="submit" className="button button--primary button--block" disabled={complete.isPending}>
          {complete.isPending ? t('passwordReset.saving') : t('passwordReset.save')}
        </button>
      </form>
    </AuthLayout>
  );
}
