/** A notification as one readable sentence, plus the words it quotes (feedback, reason, comment). */
import i18next from 'i18next';
import type { Notification } from '../../../shared/notifications.js';
import { addDays } from '../../../shared/time.js';
import { weekRange } from '../time/timesheet/labels.js';

export interface Described {
  sentence: string;
  quote: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Where a notification leads: its task, or the decided week of a timesheet notice; null when nowhere. */
export function notificationHref(notification: Notification): string | null {
  if (notification.kind === 'timesheet_approved' || notification.kind === 'timesheet_returned') {
    return isDate(notification.data.weekStart) ? `/time?week=${notification.data.weekStart}` : '/time';
  }
  return notification.taskId === null ? null : `/tasks/${notification.taskId}`;
}

/**
 * `myId` recognises work waiting on the reader: a manager who is also the person waited on gets the
 * manager's notice (one per person), without `onYou`.
 */
export function describeNotification(notification: Notification, myId: number, nameOf: (userId: number) => string | undefined): Described {
  const t = i18next.t;
  const data = notification.data;
  const actor = notification.actorName ?? t('notifications.someone');
  const task =
    [notification.taskReference, notification.taskTitle].filter((part) => part !== null && part !== '').join(' ') ||
    t('notifications.aTask');
  const values = { actor, task };
  switch (notification.kind) {
    case 'assigned':
      return {
        sentence:
          data.role === 'collaborator'
            ? t('notifications.item.assignedCollaborator', values)
            : t('notifications.item.assignedCaptain', values),
        quote: null,
      };
    case 'mentioned':
      return { sentence: t('notifications.item.mentioned', values), quote: text(data.excerpt) };
    case 'review_requested':
      return { sentence: t('notifications.item.reviewRequested', values), quote: null };
    case 'reviewed':
      return data.decision === 'approve'
        ? { sentence: t('notifications.item.approved', values), quote: null }
        : { sentence: t('notifications.item.changesRequested', values), quote: text(data.feedback) };
    case 'waiting': {
      const quote = text(data.reason);
      if (data.onYou === true || data.waitingOnUserId === myId) return { sentence: t('notifications.item.waitingOnYou', values), quote };
      const name = text(data.waitingOnExternal) ?? (typeof data.waitingOnUserId === 'number' ? nameOf(data.waitingOnUserId) : undefined);
      return {
        sentence: name ? t('notifications.item.waitingOn', { ...values, name }) : t('notifications.item.waiting', values),
        quote,
      };
    }
    case 'commented':
      return { sentence: t('notifications.item.commented', values), quote: text(data.excerpt) };
    case 'deadline_soon':
      return { sentence: t('notifications.item.deadlineSoon', values), quote: null };
    case 'overdue':
      return { sentence: t('notifications.item.overdue', values), quote: null };
    case 'timesheet_approved':
    case 'timesheet_returned': {
      const week = isDate(data.weekStart) ? weekRange(i18next.language, data.weekStart, addDays(data.weekStart, 6)) : '';
      const key =
        notification.kind === 'timesheet_approved' ? 'notifications.item.timesheetApproved' : 'notifications.item.timesheetReturned';
      return { sentence: t(key, { actor, week }), quote: text(data.comment) };
    }
  }
}
