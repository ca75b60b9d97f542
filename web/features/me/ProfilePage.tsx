import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBodySchema, LOCALES, UpdateProfileBodySchema } from '../../../shared/api.js';
import { FormAlert, SelectField, StatusMessage, TextField } from '../../components/Field.js';
import { localeName } from '../../components/LanguageSwitch.js';
import { PageHeader, Section } from '../../components/Page.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { NotificationSettingsSection } from '../notifications/NotificationSettingsSection.js';
import { useSession } from '../auth/use-session.js';
import { TokensSection } from '../tokens/TokensSection.js';
import { useChangePassword, useUpdateProfile } from './use-profile.js';

function ProfileForm() {
  const { t } = useTranslation();
  const me = useSession();
  const update = useUpdateProfile();
  const form = useFormErrors();
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const data = new FormData(event.currentTarget);
    const body = form.validate(UpdateProfileBodySchema, { name: data.get('name'), locale: data.get('locale') });
    if (!body) return;
    try {
      await update.mutateAsync(body);
      setSaved(true);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <div className="form-grid">
        <TextField
          label={t('profile.name')}
          pointer="/name"
          autoComplete="name"
          defaultValue={me.user.name}
          required
          error={form.fieldError('/name')}
        />
        <SelectField
          label={t('language.label')}
          pointer="/locale"
          options={LOCALES.map((locale) => ({ value: locale, label: localeName(locale) }))}
          defaultValue={me.user.locale}
          hint={t('profile.languageHint')}
          error={form.fieldError('/locale')}
        />
      </div>
      <p className="muted">{t('profile.emailNote', { email: me.user.email })}</p>
      <StatusMessage message={saved ? t('profile.saved') : null} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const me = useSession();
  const change = useChangePassword();
  const form = useFormErrors();
  const [changed, setChanged] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    const target = event.currentTarget;
    const data = new FormData(target);
    const body = form.validate(ChangePasswordBodySchema, {
      currentPassword: data.get('currentPassword'),
      newPassword: data.get('newPassword'),
    });
    if (!body) return;
    try {
      await change.mutateAsync(body);
      target.reset();
      setChanged(true);
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <input type="text" name="username" autoComplete="username" value={me.user.email} readOnly hidden />
      <div className="form-grid">
        <TextField
          label={t('profile.password.current')}
          pointer="/currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={form.fieldError('/currentPassword')}
        />
        <TextField
          label={t('profile.password.new')}
          pointer="/newPassword"
          type="password"
          autoComplete="new-password"
          hint={t('password.rule')}
          required
          error={form.fieldError('/newPassword')}
        />
      </div>
      <StatusMessage message={changed ? t('profile.password.changed') : null} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {change.isPending ? t('profile.password.submitting') : t('profile.password.submit')}
        </button>
      </div>
    </form>
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
