import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { errorMessage } from '../../components/errors.js';
import { NotificationList } from './NotificationList.js';
import { unreadCount, useMarkAllNotificationsRead, useNotifications } from './use-notifications.js';

function BellIcon() {
  return (
    <svg className="bell-button__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6l-1.6 2.7A1 1 0 0 0 5.3 17h13.4a1 1 0 0 0 .9-1.7L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15.5a2.5 2.5 0 0 0 5 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** The count a new notification brings, for screen readers; silent on the first load. */
function useArrivalAnnouncement(count: number | undefined): string {
  const { t } = useTranslation();
  const previous = useRef<number | undefined>(undefined);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (count === undefined) return;
    if (previous.current !== undefined && count > previous.current) setMessage(t('notifications.bell.announce', { count }));
    previous.current = count;
  }, [count, t]);
  return message;
}

/**
 * The header bell: unread count, and a panel of recent notifications (a popover on wide screens, a
 * sheet on phones). Focus moves into the panel on open and back to the bell on Escape.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markAll = useMarkAllNotificationsRead();
  const count = notifications.data ? unreadCount(notifications.data) : undefined;
  const announcement = useArrivalAnnouncement(count);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    // Tabbing out of the panel closes it, like leaving a menu.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !root.current?.contains(event.relatedTarget)) setOpen(false);
    };
    const container = root.current;
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    container?.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      container?.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);

  // Another page closes the panel.
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setOpen(false), [location.pathname]);

  const label = count ? t('notifications.bell.labelUnread', { count }) : t('notifications.bell.label');
  const unread = count ?? 0;

  return (
    <div ref={root} className="bell">
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen((value) => !value)}
      >
        <BellIcon />
        {unread > 0 ? (
          <span className="bell-button__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <div className="visually-hidden" role="status">
        {announcement}
      </div>
      <div ref={panel} id={panelId} className="bell-panel" role="dialog" aria-labelledby={titleId} tabIndex={-1} hidden={!open}>
        <div className="bell-panel__header">
          <h2 className="bell-panel__title" id={titleId}>
            {t('notifications.title')}
          </h2>
          <button
            type="button"
            className="button button--small"
            disabled={unread === 0 || markAll.isPending}
            onClick={() => markAll.mutate('all')}
          >
            {markAll.isPending ? t('notifications.markingAllRead') : t('notifications.markAllRead')}
          </button>
          <button
            type="button"
            className="icon-button bell-panel__close"
            aria-label={t('notifications.panel.close')}
            onClick={() => {
              setOpen(false);
              button.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <div role="alert" className="bell-panel__alert">
          {markAll.isError ? <p className="field__error">{errorMessage(markAll.error)}</p> : null}
        </div>
        <div className="bell-panel__body">{open ? <NotificationList headingLevel={3} onNavigate={close} /> : null}</div>
        <div className="bell-panel__footer">
          <Link to="/notifications" onClick={close}>
            {t('notifications.panel.seeAll')}
          </Link>
        </div>
      </div>
    </div>
  );
}
