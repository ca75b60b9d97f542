import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/errors.js';
import { FormAlert } from '../../components/Field.js';
import { PageHeader } from '../../components/Page.js';
import { NotificationList } from './NotificationList.js';
import { unreadCount, useMarkAllNotificationsRead, useNotifications } from './use-notifications.js';

/** `/notifications`: the same list as the bell's panel, with the whole page to read it. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markAll = useMarkAllNotificationsRead();
  const unread = unreadCount(notifications.data);
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          <button type="button" className="button" disabled={unread === 0 || markAll.isPending} onClick={() => markAll.mutate('all')}>
            {markAll.isPending ? t('notifications.markingAllRead') : t('notifications.markAllRead')}
          </button>
        }
      />
      <FormAlert message={markAll.isError ? errorMessage(markAll.error) : null} />
      <div className="card notifications-page">
        <NotificationList headingLevel={2} />
      </div>
    </>
  );
}
