import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/use-session.js';
import { usePendingTimesheets } from '../use-time.js';

/** Managers and admins approve weeks; anyone else sees the tab only while weeks wait for them. */
export function mayApprove(role: string): boolean {
  return role === 'owner' || role === 'admin' || role === 'manager';
}

/**
 * “My week” and “Approvals”: two pages of one area, as tabs that are links. `approvals-week` is
 * someone else's week opened from the approvals list: that tab is marked, though not as the page.
 */
export function TimeTabs({ current }: { current: 'mine' | 'approvals' | 'approvals-week' }) {
  const { t } = useTranslation();
  const me = useSession();
  const pending = usePendingTimesheets({ enabled: me.role !== 'client' });
  const count = pending.data?.length ?? 0;
  const showApprovals = current !== 'mine' || mayApprove(me.role) || count > 0;
  return (
    <nav className="ts-tabs" aria-label={t('timesheet.tabs.label')}>
      <Link
        className={current === 'mine' ? 'ts-tabs__link ts-tabs__link--active' : 'ts-tabs__link'}
        to="/time"
        aria-current={current === 'mine' ? 'page' : undefined}
      >
        {t('timesheet.tabs.myWeek')}
      </Link>
      {showApprovals ? (
        <Link
          className={current === 'mine' ? 'ts-tabs__link' : 'ts-tabs__link ts-tabs__link--active'}
          to="/time/approvals"
          aria-current={current === 'approvals' ? 'page' : current === 'approvals-week' ? 'true' : undefined}
        >
          {t('timesheet.tabs.approvals')}
          {count > 0 ? (
            <span className="count-pill">
              <span className="visually-hidden">{t('timesheet.tabs.waiting', { count })}</span>
              <span aria-hidden="true">{count}</span>
            </span>
          ) : null}
        </Link>
      ) : null}
    </nav>
  );
}
