import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequestPasswordResetBodySchema } from '../../../shared/api.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { useServerForm } from '../../components/use-server-form.js';
import { useRequestPasswordReset } from './use-password-reset.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useServerForm({ schema: RequestPasswordResetBodySchema, defaultValues: { email: '' } });
  const [sentTo, setSentTo] = useState<string | null>(null);

  return (
    <AuthLayout
      title={t('passwordReset.forgotTitle')}
      description={<p>{t('passwordReset.forgotIntro')}</p>}
      footer={
        <p>
          <Link to="/login">{t('passwordReset.backToSignIn')}</Link>
        </p>
      }
    >
      {sentTo ? (
        <p role="status">{t('passwordReset.sent', { email: sentTo })}</p>
      ) : (
        <Form
          form={form}
          onSubmit={async (body) => {
            await request.mutateAsync(body);
            setSentTo(body.email);
          }}
        >
          <TextField label={t('login.email')} {...form.register('email')} type="email" autoComplete="username" required />
          <SubmitButton block pending={request.isPending} label={t('passwordReset.send')} pendingLabel={t('passwordReset.sending')} />
        </Form>
      )}
    </AuthLayout>
  );
}
