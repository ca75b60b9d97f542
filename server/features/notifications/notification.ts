/**
 * Who is told what (pure). A change becomes a notice; this decides its recipients from the task's
 * people. Nobody is told about their own action, and nobody gets the same change twice.
 */
import type { TaskNotificationKind } from '../../../shared/notifications.js';

/** What happened, as the notification job receives it. */
export type Notice =
  | { type: 'assigned'; captainId: number | null; addedCollaboratorIds: number[] }
  | { type: 'review_requested' }
  | { type: 'reviewed'; decision: 'approve' | 'request_changes'; feedback?: string | undefined }
  | { type: 'waiting'; reason: string; waitingOnUserId: number | null; waitingOnExternal: string | null }
  | { type: 'commented'; commentId: number; excerpt: string; mentionedUserIds: number[] }
  | { type: 'deadline_soon' }
  | { type: 'overdue' };

/** The people around a task when the notice is handled. */
export interface TaskPeople {
  captainId: number | null;
  collaboratorIds: readonly number[];
  createdById: number;
  projectManagerIds: readonly number[];
  reviewRequired: boolean;
}

export interface Recipient {
  userId: number;
  kind: TaskNotificationKind;
  data: Record<string, unknown>;
}

export function recipientsFor(notice: Notice, people: TaskPeople, actorId: number | null): Recipient[] {
  const recipients = new Map<number, Recipient>();
  const add = (userId: number | null, kind: TaskNotificationKind, data: Record<string, unknown> = {}) => {
    if (userId === null || userId === actorId || recipients.has(userId)) return;
    recipients.set(userId, { userId, kind, data });
  };
  switch (notice.type) {
    case 'assigned':
      add(notice.captainId, 'assigned', { role: 'captain' });
      for (const userId of notice.addedCollaboratorIds) add(userId, 'assigned', { role: 'collaborator' });
      break;
    case 'review_requested': {
      // Reviewers: the project's managers, and the creator when someone else is captain; never the captain.
      const reviewers = [...people.projectManagerIds, ...(people.createdById !== people.captainId ? [people.createdById] : [])];
      for (const userId of reviewers) if (userId !== people.captainId || !people.reviewRequired) add(userId, 'review_requested');
      break;
    }
    case 'reviewed':
      add(people.captainId, 'reviewed', { decision: notice.decision, ...(notice.feedback && { feedback: notice.feedback }) });
      break;
    case 'waiting':
      for (const userId of people.projectManagerIds)
        add(userId, 'waiting', {
          reason: notice.reason,
          waitingOnUserId: notice.waitingOnUserId,
          waitingOnExternal: notice.waitingOnExternal,
        });
      add(notice.waitingOnUserId, 'waiting', { reason: notice.reason, onYou: true });
      break;
    case 'commented':
      for (const userId of notice.mentionedUserIds) add(userId, 'mentioned', { commentId: notice.commentId, excerpt: notice.excerpt });
      add(people.captainId, 'commented', { commentId: notice.commentId, excerpt: notice.excerpt });
      for (const userId of people.collaboratorIds) add(userId, 'commented', { commentId: notice.commentId, excerpt: notice.excerpt });
      break;
    case 'deadline_soon':
    case 'overdue':
      add(people.captainId, notice.type);
      break;
  }
  return [...recipients.values()];
}
