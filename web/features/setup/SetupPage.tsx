import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SetupBodySchema } from '../../../shared/api.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { FormAlert, TextField } from '../../components/Field.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useSignedIn } from '../auth/use-session.js';
import { useCompleteSetup } from './use-setup.js';

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useCompleteSetup();
  const signedIn = useSignedIn();
  const form = useFormErrors();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = form.validate(SetupBodySchema, {
      organizationName: data.get('organizationName'),
      name: data.get('name'),
      email: data.get('email'),
      password: data.get('password'),
    });
    if (!body) return;
    try {
      const me = await setup.mutateAsync(body);
      await signedIn(me);
      navigate('/', { replace: true });
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <AuthLayout title={t('setup.title')} description={<p>{t('setup.intro')}</p>}>
      <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={form.formError} />
        <TextField
          label={t('setup.organizationName')}
          pointer="/organizationName"
          hint={t('setup.organizationNameHint')}
          autoComplete="organization"
          required
          error={form.fieldError('/organizationName')}
        />
        <TextField label={t('setup.name')} pointer="/name" autoComplete="name" required error={form.fieldError('/name')} />
        <TextField label={t('setup.email')} pointer="/email" type="email" autoComplete="email" required error={form.fieldError('/email')} />
        <TextField
          label={t('setup.password')}
          pointer="/password"
          type="password"
          autoComplete="new-password"
          hint={t('password.rule')}
          required
          error={form.fieldError('/password')}
        />
        <button type="submit" className="button button--primary button--block" disabled={setup.isPending}>
          {setup.isPending ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
