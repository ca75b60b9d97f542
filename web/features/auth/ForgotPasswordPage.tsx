import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequestPasswordResetBodySchema } from '../../../shared/api.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { FormAlert, TextField } from '../../components/Field.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useRequestPasswordReset } from './use-password-reset.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useFormErrors();
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = form.validate(RequestPasswordResetBodySchema, { email: data.get('email') });
    if (!body) return;
    try {
      await request.mutateAsync(body);
      setSentTo(body.email);
    } catch (error) {
      form.fail(error);
    }
  }

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
          <button type="submit" className="button button--primary button--block" disabled={request.isPending}>
            {request.isPending ? t('passwordReset.sending') : t('passwordReset.send')}
          </button>
        </form>
      )}
    </AuthLayout>
  );
}
