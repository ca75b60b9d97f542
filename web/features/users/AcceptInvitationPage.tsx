import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AcceptInvitationBodySchema } from '../../../shared/api.js';
import { ApiError } from '../../api/client.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { errorMessage } from '../../components/errors.js';
import { FormAlert, TextField } from '../../components/Field.js';
import { formatDateTime } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/Page.js';
import { useFormErrors } from '../../components/use-form-errors.js';
import { useSignedIn } from '../auth/use-session.js';
import { useAcceptInvitation, useInvitation } from './use-invitation.js';

export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation(token);
  const signedIn = useSignedIn();
  const form = useFormErrors();

  if (invitation.isPending) {
    return (
      <AuthLayout title={t('invitation.title')}>
        <Loading />
      </AuthLayout>
    );
  }

  if (invitation.isError) {
    const invalid = invitation.error instanceof ApiError && [404, 410].includes(invitation.error.status);
    return (
      <AuthLayout title={invalid ? t('invitation.invalidTitle') : t('invitation.title')}>
        {invalid ? (
          <p>{t('invitation.invalidBody')}</p>
        ) : (
          <ErrorNotice message={errorMessage(invitation.error)} onRetry={() => void invitation.refetch()} />
        )}
        <p>
          <Link to="/login">{t('invitation.toSignIn')}</Link>
        </p>
      </AuthLayout>
    );
  }

  const { organizationName, email, name, expiresAt } = invitation.data;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = form.validate(AcceptInvitationBodySchema, { name: data.get('name'), password: data.get('password') });
    if (!body) return;
    try {
      const me = await accept.mutateAsync(body);
      await signedIn(me);
      navigate('/', { replace: true });
    } catch (error) {
      form.fail(error);
    }
  }

  return (
    <AuthLayout
      title={t('invitation.joinTitle', { organization: organizationName })}
      description={<p>{t('invitation.intro', { organization: organizationName })}</p>}
    >
      <dl className="facts">
        <div>
          <dt>{t('invitation.organization')}</dt>
          <dd>{organizationName}</dd>
        </div>
        <div>
          <dt>{t('invitation.email')}</dt>
          <dd>{email}</dd>
        </div>
        <div>
          <dt>{t('invitation.expires')}</dt>
          <dd>{formatDateTime({ locale: i18n.language }, expiresAt)}</dd>
        </div>
      </dl>
      <form ref={form.formRef} className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={form.formError} />
        <TextField
          label={t('invitation.name')}
          pointer="/name"
          autoComplete="name"
          defaultValue={name}
          required
          error={form.fieldError('/name')}
        />
        <TextField
          label={t('invitation.password')}
          pointer="/password"
          type="password"
          autoComplete="new-password"
          hint={t('password.rule')}
          required
          error={form.fieldError('/password')}
        />
        <button type="submit" className="button button--primary button--block" disabled={accept.isPending}>
          {accept.isPending ? t('invitation.submitting') : t('invitation.submit')}
        </button>
      </form>
    </AuthLayout>
  );
}
