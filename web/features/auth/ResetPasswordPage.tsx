import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CompletePasswordResetBodySchema } from '../../../shared/api.js';
import { ApiError } from '../../api/client.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { errorMessage } from '../../components/errors.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { ErrorNotice, Loading } from '../../components/Page.js';
import { useServerForm } from '../../components/use-server-form.js';
import { NewPasswordField } from './NewPasswordField.js';
import { useSignedIn } from './use-session.js';
import { useCompletePasswordReset, usePasswordReset } from './use-password-reset.js';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const reset = usePasswordReset(token);
  const complete = useCompletePasswordReset(token);
  const signedIn = useSignedIn();
  const form = useServerForm({ schema: CompletePasswordResetBodySchema, defaultValues: { password: '' } });

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

  return (
    <AuthLayout title={t('passwordReset.resetTitle')} description={<p>{t('passwordReset.resetIntro', { email: reset.data.email })}</p>}>
      <Form
        form={form}
        onSubmit={async (body) => {
          const me = await complete.mutateAsync(body);
          if (me) {
            await signedIn(me);
            navigate('/', { replace: true });
          } else {
            navigate('/login', { replace: true });
          }
        }}
      >
        <NewPasswordField label={t('passwordReset.newPassword')} {...form.register('password')} />
        <SubmitButton block pending={complete.isPending} label={t('passwordReset.save')} pendingLabel={t('passwordReset.saving')} />
      </Form>
    </AuthLayout>
  );
}
