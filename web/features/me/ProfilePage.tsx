import { useTranslation } from 'react-i18next';
import { ChangePasswordBodySchema, LOCALES, UpdateProfileBodySchema } from '../../../shared/api.js';
import { SelectField, StatusMessage, TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { localeName } from '../../components/LanguageSwitch.js';
import { PageHeader, Section } from '../../components/Page.js';
import { useServerForm } from '../../components/use-server-form.js';
import { NotificationSettingsSection } from '../notifications/NotificationSettingsSection.js';
import { NewPasswordField } from '../auth/NewPasswordField.js';
import { useSession } from '../auth/use-session.js';
import { TokensSection } from '../tokens/TokensSection.js';
import { useChangePassword, useUpdateProfile } from './use-profile.js';

function ProfileForm() {
  const { t } = useTranslation();
  const me = useSession();
  const update = useUpdateProfile();
  const form = useServerForm({ schema: UpdateProfileBodySchema, defaultValues: { name: me.user.name, locale: me.user.locale } });

  return (
    <Form form={form} onSubmit={(body) => update.mutateAsync(body)}>
      <div className="form-grid">
        <TextField label={t('profile.name')} {...form.register('name')} autoComplete="name" required />
        <SelectField
          label={t('language.label')}
          {...form.register('locale')}
          options={LOCALES.map((locale) => ({ value: locale, label: localeName(locale) }))}
          hint={t('profile.languageHint')}
        />
      </div>
      <p className="muted">{t('profile.emailNote', { email: me.user.email })}</p>
      <StatusMessage message={form.succeeded ? t('profile.saved') : null} />
      <div className="actions">
        <SubmitButton pending={update.isPending} />
      </div>
    </Form>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const me = useSession();
  const change = useChangePassword();
  const form = useServerForm({ schema: ChangePasswordBodySchema, defaultValues: { currentPassword: '', newPassword: '' } });

  return (
    <Form
      form={form}
      onSubmit={async (body) => {
        await change.mutateAsync(body);
        form.reset();
      }}
    >
      <input type="text" name="username" autoComplete="username" value={me.user.email} readOnly hidden />
      <div className="form-grid">
        <TextField
          label={t('profile.password.current')}
          {...form.register('currentPassword')}
          type="password"
          autoComplete="current-password"
          required
        />
        <NewPasswordField label={t('profile.password.new')} {...form.register('newPassword')} />
      </div>
      <StatusMessage message={form.succeeded ? t('profile.password.changed') : null} />
      <div className="actions">
        <SubmitButton pending={change.isPending} label={t('profile.password.submit')} pendingLabel={t('profile.password.submitting')} />
      </div>
    </Form>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <Section title={t('profile.detailsTitle')}>
        <ProfileForm />
      </Section>
      <Section title={t('profile.password.title')} description={t('profile.password.description')}>
        <PasswordForm />
      </Section>
      <NotificationSettingsSection />
      <TokensSection />
    </>
  );
}
