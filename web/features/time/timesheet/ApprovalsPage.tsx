import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { addDays, formatDuration } from '../../../../shared/time.js';
import { ErrorNotice, Loading, PageHeader } from '../../../components/Page.js';
import { useFormat, useSession } from '../../auth/use-session.js';
import { usePendingTimesheets } from '../use-time.js';
import { errorMessage } from '../../../components/errors.js';
import { weekRange } from './labels.js';
import { mayApprove, TimeTabs } from './TimeTabs.js';

/** /time/approvals: the weeks waiting for the caller's approval, oldest first, each opening the person's week. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const format = useFormat();
  const location = useLocation();
  const navigate = useNavigate();
  const pending = usePendingTimesheets({ enabled: me.role !== 'client' });
  // What was just decided on the person's week: put into the live region after it is on screen, so it is announced.
  const [decided, setDecided] = useState<string | null>(null);
  useEffect(() => {
    const note = (location.state as { decided?: string } | null)?.decided;
    if (!note) return;
    setDecided(note);
    navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  const items = pending.data ?? [];
  return (
    <div className="ts-page">
      <PageHeader title={t('timesheet.approvals.title')} description={t('timesheet.approvals.description')} />
      <TimeTabs current="approvals" />
      <div className="status-region" role="status">
        {decided ? <p className="alert alert--success ts-decided">{decided}</p> : null}
      </div>
      {me.role === 'client' ? (
        <div className="notice">
          <p>{t('timesheet.noAccess')}</p>
        </div>
      ) : pending.isPending ? (
        <Loading />
      ) : pending.isError ? (
        <ErrorNotice message={errorMessage(pending.error)} onRetry={() => void pending.refetch()} />
      ) : items.length === 0 ? (
        <div className="notice ts-empty">
          <h2 className="notice__title">{t('timesheet.approvals.emptyTitle')}</h2>
          <p>{mayApprove(me.role) ? t('timesheet.approvals.empty') : t('timesheet.approvals.emptyNotApprover')}</p>
        </div>
      ) : (
        <div className="table-wrap ts-approvals-wrap">
          <table className="table ts-approvals">
            <caption className="visually-hidden">{t('timesheet.approvals.caption', { count: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('timesheet.approvals.person')}</th>
                <th scope="col">{t('timesheet.approvals.week')}</th>
                <th scope="col" className="num">
                  {t('timesheet.approvals.total')}
                </th>
                <th scope="col">{t('timesheet.approvals.submitted')}</th>
                <th scope="col" className="cell-actions">
                  <span className="visually-hidden">{t('timesheet.approvals.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const week = weekRange(i18n.language, item.weekStart, addDays(item.weekStart, 6));
                const over = item.capacityMinutes > 0 && item.totalMinutes > item.capacityMinutes;
                const under = item.totalMinutes < item.capacityMinutes;
                return (
                  <tr key={`${item.userId}|${item.weekStart}`}>
                    <th scope="row" className="cell-primary">
                      {item.userName}
                    </th>
                    <td className="ts-approvals__week" data-label={t('timesheet.approvals.week')}>
                      {week}
                    </td>
                    <td className="num" data-label={t('timesheet.approvals.total')}>
                      <span className={over ? 'ts-over' : under ? 'ts-under' : undefined}>{formatDuration(item.totalMinutes)}</span>
                      <span className="ts-day-total__capacity">
                        {t('timesheet.grid.ofCapacity', { capacity: formatDuration(item.capacityMinutes) })}
                      </span>
                      {over ? <span className="visually-hidden">{t('timesheet.grid.over')}</span> : null}
                    </td>
                    <td className="ts-approvals__submitted" data-label={t('timesheet.approvals.submitted')}>
                      {format.dateTime(item.submittedAt)}
                    </td>
                    <td className="cell-actions">
                      <Link
                        className="button button--small"
                        to={`/time?user=${item.userId}&week=${item.weekStart}`}
                        aria-label={t('timesheet.approvals.openLabel', { name: item.userName, week })}
                      >
                        {t('timesheet.approvals.open')}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
