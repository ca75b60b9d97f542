import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { AcceptInvitationBodySchema } from '../../../shared/api.js';
import { ApiError } from '../../api/client.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { errorMessage } from '../../components/errors.js';
import { TextField } from '../../components/Field.js';
import { Form, SubmitButton } from '../../components/Form.js';
import { formatDateTime } from '../../components/format.js';
import { ErrorNotice, Loading } from '../../components/Page.js';
import { useServerForm } from '../../components/use-server-form.js';
import { NewPasswordField } from '../auth/NewPasswordField.js';
import { useSignedIn } from '../auth/use-session.js';
import { useAcceptInvitation, useInvitation } from './use-invitation.js';

function JoinForm({ token, name }: { token: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const signedIn = useSignedIn();
  const form = useServerForm({ schema: AcceptInvitationBodySchema, defaultValues: { name, password: '' } });
  return (
    <Form
      form={form}
      onSubmit={async (body) => {
        await signedIn(await accept.mutateAsync(body));
        navigate('/', { replace: true });
      }}
    >
      <TextField label={t('invitation.name')} {...form.register('name')} autoComplete="name" required />
      <NewPasswordField label={t('invitation.password')} {...form.register('password')} />
      <SubmitButton block pending={accept.isPending} label={t('invitation.submit')} pendingLabel={t('invitation.submitting')} />
    </Form>
  );
}

export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const invitation = useInvitation(token);

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
      <JoinForm token={token} name={name} />
    </AuthLayout>
  );
}
