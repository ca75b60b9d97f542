import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/errors.js';
import { FormAlert, StatusMessage } from '../../components/Field.js';
import { ErrorNotice, Loading, Section } from '../../components/Page.js';
import { translateDynamic } from '../../components/translate.js';
import { useFormat, useIsOrganizationAdmin } from '../auth/use-session.js';
import { type FailedJob, useFailedJobs, useRetryFailedJob } from '../notifications/use-notifications.js';

function jobTypeLabel(type: string): string {
  return translateDynamic(`notifications.failedJobs.types.${type}`) ?? type;
}

function FailedJobTable({ jobs }: { jobs: FailedJob[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const retry = useRetryFailedJob();
  const [retried, setRetried] = useState(false);
  return (
    <>
      <FormAlert message={retry.isError ? errorMessage(retry.error) : null} />
      <StatusMessage message={retried ? t('notifications.failedJobs.retried') : null} />
      {jobs.length === 0 ? (
        <p className="muted">{t('notifications.failedJobs.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack failed-jobs">
            <caption className="visually-hidden">{t('notifications.failedJobs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notifications.failedJobs.columns.type')}</th>
                <th scope="col" className="num">
                  {t('notifications.failedJobs.columns.attempts')}
                </th>
                <th scope="col">{t('notifications.failedJobs.columns.lastError')}</th>
                <th scope="col">{t('notifications.failedJobs.columns.time')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('notifications.failedJobs.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => {
                const at = job.finishedAt ?? job.createdAt;
                return (
                  <tr key={job.id}>
                    <th scope="row" className="cell-primary">
                      {jobTypeLabel(job.type)}
                    </th>
                    <td className="num" data-label={t('notifications.failedJobs.columns.attempts')}>
                      {format.number(job.attempts)}
                    </td>
                    <td data-label={t('notifications.failedJobs.columns.lastError')}>
                      {job.lastError ? (
                        <code className="failed-jobs__error">{job.lastError}</code>
                      ) : (
                        <span className="muted">{t('notifications.failedJobs.noError')}</span>
                      )}
                    </td>
                    <td data-label={t('notifications.failedJobs.columns.time')}>
                      <time dateTime={at}>{format.dateTime(at)}</time>
                    </td>
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="button button--small"
                        disabled={retry.isPending && retry.variables === job.id}
                        onClick={() => {
                          setRetried(false);
                          retry.mutate(job.id, { onSuccess: () => setRetried(true) });
                        }}
                      >
                        {retry.isPending && retry.variables === job.id
                          ? t('notifications.failedJobs.retrying')
                          : t('notifications.failedJobs.retry')}
                        <span className="visually-hidden"> {jobTypeLabel(job.type)}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Settings → failed background work (owners and admins; nothing for anyone else). */
export function FailedJobsSection() {
  const { t } = useTranslation();
  const admin = useIsOrganizationAdmin();
  const jobs = useFailedJobs({ enabled: admin });
  if (!admin) return null;
  return (
    <Section title={t('notifications.failedJobs.title')} description={t('notifications.failedJobs.description')}>
      {jobs.isPending ? (
        <Loading />
      ) : jobs.isError ? (
        <ErrorNotice message={errorMessage(jobs.error)} onRetry={() => void jobs.refetch()} />
      ) : (
        <FailedJobTable jobs={jobs.data} />
      )}
    </Section>
  );
}
