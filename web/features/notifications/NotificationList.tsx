import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../../shared/notifications.js';
import { errorMessage } from '../../components/errors.js';
import { ErrorNotice, Loading } from '../../components/Page.js';
import { useFormat, useSession } from '../auth/use-session.js';
import { useDirectory } from '../tasks/index.js';
import { groupByDay, nameDay } from './days.js';
import { describeNotification, notificationHref } from './describe.js';
import { useMarkNotificationRead, useNotifications } from './use-notifications.js';

function useDayAndTime() {
  const { t } = useTranslation();
  const { locale, timeZone } = useFormat();
  return useMemo(() => {
    const zone = (options: Intl.DateTimeFormatOptions, timeZoneOverride?: string) => {
      try {
        return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZoneOverride ?? timeZone });
      } catch {
        return new Intl.DateTimeFormat(locale, options);
      }
    };
    const time = zone({ timeStyle: 'short' });
    // Day keys are calendar dates already in the organization's zone: format them as UTC noon.
    const thisYear = zone({ weekday: 'long', day: 'numeric', month: 'long' }, 'UTC');
    const otherYear = zone({ day: 'numeric', month: 'long', year: 'numeric' }, 'UTC');
    return {
      timeZone,
      time: (iso: string) => time.format(new Date(iso)),
      day: (key: string) => {
        const name = nameDay(key, new Date(), timeZone);
        if (name.kind === 'today') return t('notifications.today');
        if (name.kind === 'yesterday') return t('notifications.yesterday');
        return (name.sameYear ? thisYear : otherYear).format(new Date(`${key}T12:00:00Z`));
      },
    };
  }, [locale, timeZone, t]);
}

/** Up and Down move between notifications, as in a menu; Tab still walks every control. */
function onArrowKeys(event: React.KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...event.currentTarget.querySelectorAll<HTMLElement>('.notification__link')];
  const index = links.indexOf(document.activeElement as HTMLElement);
  if (index === -1) return;
  event.preventDefault();
  links[Math.max(0, Math.min(links.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
}

/** Keeps `KOR-12` on one line: browsers otherwise break after its hyphen. */
function withUnbrokenReference(sentence: string, reference: string | null): React.ReactNode {
  const at = reference ? sentence.indexOf(reference) : -1;
  if (!reference || at === -1) return sentence;
  return (
    <>
      {sentence.slice(0, at)}
      <span className="notification__reference">{reference}</span>
      {sentence.slice(at + reference.length)}
    </>
  );
}

function NotificationItem({
  notification,
  time,
  nameOf,
  onOpen,
}: {
  notification: Notification;
  time: string;
  nameOf: (userId: number) => string | undefined;
  onOpen: (notification: Notification) => void;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const { sentence, quote } = describeNotification(notification, me.user.id, nameOf);
  const unread = notification.readAt === null;
  const href = notificationHref(notification);
  const body = (
    <>
      <span className="notification__sentence">
        {unread ? <span className="visually-hidden">{t('notifications.unread')} </span> : null}
        {withUnbrokenReference(sentence, notification.taskReference)}
      </span>
      {quote ? <q className="notification__quote">{quote}</q> : null}
      <time className="notification__time" dateTime={notification.createdAt}>
        {time}
      </time>
    </>
  );
  return (
    <li className={unread ? 'notification notification--unread' : 'notification'} data-kind={notification.kind}>
      <span className="notification__dot" aria-hidden="true" />
      {href === null ? (
        <div className="notification__link">{body}</div>
      ) : (
        <Link className="notification__link" to={href} onClick={() => onOpen(notification)}>
          {body}
        </Link>
      )}
    </li>
  );
}

export interface NotificationListProps {
  /** h2 on the full page, h3 inside the panel under its own h2. */
  headingLevel: 2 | 3;
  /** Called after a notification is opened (the panel closes itself). */
  onNavigate?: () => void;
}

/** Notifications grouped by day in the organization's time zone, with older pages on demand. */
export function NotificationList({ headingLevel, onNavigate }: NotificationListProps) {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const format = useDayAndTime();
  const items = useMemo(() => notifications.data?.pages.flatMap((page) => page.items) ?? [], [notifications.data]);
  // Names of people work waits on, for managers' notices; only looked up when such a notice is shown.
  const needsNames = items.some((item) => item.kind === 'waiting' && typeof item.data.waitingOnUserId === 'number');
  const directory = useDirectory({ enabled: needsNames });
  const nameOf = (userId: number) => directory.data?.find((person) => person.id === userId)?.name;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const baseId = useId();

  if (notifications.isPending || notifications.isError || items.length === 0) {
    return (
      <div className="notifications__state">
        {notifications.isPending ? (
          <Loading />
        ) : notifications.isError ? (
          <ErrorNotice message={errorMessage(notifications.error)} onRetry={() => void notifications.refetch()} />
        ) : (
          <p className="muted">{t('notifications.empty')}</p>
        )}
      </div>
    );
  }

  const open = (notification: Notification) => {
    if (notification.readAt === null) markRead.mutate(notification.id);
    onNavigate?.();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys are a shortcut between the links inside; Tab reaches them too
    <div className="notifications" onKeyDown={onArrowKeys}>
      {groupByDay(items, format.timeZone).map((group) => {
        const headingId = `${baseId}-${group.key}`;
        return (
          <section key={group.key} className="notifications__day" aria-labelledby={headingId}>
            <Heading className="notifications__day-title" id={headingId}>
              {format.day(group.key)}
            </Heading>
            <ul className="notifications__list" aria-labelledby={headingId}>
              {group.items.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  time={format.time(notification.createdAt)}
                  nameOf={nameOf}
                  onOpen={open}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {notifications.hasNextPage ? (
        <div className="notifications__more">
          <button
            type="button"
            className="button button--small"
            disabled={notifications.isFetchingNextPage}
            onClick={() => void notifications.fetchNextPage()}
          >
            {notifications.isFetchingNextPage ? t('notifications.loadingMore') : t('notifications.loadMore')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
