import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../shared/api.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { errorMessage } from '../../components/errors.js';
import { weekdayName, weekdaysFrom } from '../../components/format.js';
import { ErrorNotice, Loading, PageHeader, Section } from '../../components/Page.js';
import { FailedJobsSection } from '../jobs/FailedJobsSection.js';
import { CreateOrganizationForm } from './CreateOrganizationForm.js';
import { useFormat, useSession } from '../auth/use-session.js';
import { ActivityTypesSection } from '../activity-types/ActivityTypesSection.js';
import { OrganizationForm } from './OrganizationForm.js';
import { useOrganization } from './use-organization.js';

function OrganizationFacts({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const format = useFormat();
  const workingDays = weekdaysFrom(organization.weekStart)
    .filter((day) => organization.workingDays.includes(day))
    .map((day) => weekdayName(format.locale, day))
    .join(', ');
  const facts: [string, string][] = [
    [t('settings.organization.name'), organization.name],
    [t('settings.organization.timeZone'), organization.timeZone.replaceAll('_', ' ')],
    [t('settings.organization.currency'), organization.currency],
    [t('settings.organization.weekStart'), weekdayName(format.locale, organization.weekStart)],
    [t('settings.organization.workingDays'), workingDays],
    [t('settings.organization.workday'), `${organization.workdayStart}–${organization.workdayEnd}`],
    [t('settings.organization.createdAt'), format.date(organization.createdAt)],
  ];
  return (
    <dl className="facts facts--grid">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const admin = isOrganizationAdmin(me.role);
  const organization = useOrganization();

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <Section
        title={t('settings.organization.title')}
        description={admin ? t('settings.organization.descriptionAdmin') : t('settings.organization.descriptionReadOnly')}
      >
        {organization.isPending ? (
          <Loading />
        ) : organization.isError ? (
          <ErrorNotice message={errorMessage(organization.error)} onRetry={() => void organization.refetch()} />
        ) : admin ? (
          <OrganizationForm key={organization.data.id} organization={organization.data} />
        ) : (
          <OrganizationFacts organization={organization.data} />
        )}
      </Section>
      {me.role === 'client' ? null : <ActivityTypesSection />}
      <Section title={t('settings.api.title')} description={t('settings.api.description')}>
        <p className="actions">
          <a className="button" href="/api/docs">
            {t('settings.api.docsLink')}
          </a>
        </p>
      </Section>
      <FailedJobsSection />
      {me.user.isInstanceAdmin ? (
        <Section title={t('organizations.create.title')} description={t('organizations.create.description')}>
          <CreateOrganizationForm />
        </Section>
      ) : null}
    </>
  );
}
