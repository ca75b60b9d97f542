/** Notification use cases: a person's notifications (list, mark read) and their settings. Jobs in server/jobs/ write them. */
import type { NotificationPage, NotificationSettings } from '../../../shared/notifications.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import * as repository from './notifications.repository.js';

export async function listMyNotifications(deps: Deps, actor: Actor, before: number | undefined, limit: number): Promise<NotificationPage> {
  const { db } = deps.database;
  const items = await repository.listNotifications(db, actor.organizationId, actor.userId, before, limit + 1);
  const page = items.slice(0, limit);
  return {
    items: page,
    unreadCount: await repository.countUnread(db, actor.organizationId, actor.userId),
    nextCursor: items.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function markNotificationRead(deps: Deps, actor: Actor, id: number): Promise<void> {
  const { db } = deps.database;
  if (!(await repository.notificationExists(db, actor.organizationId, actor.userId, id))) throw new NotFoundError('This notification');
  await repository.markRead(db, actor.organizationId, actor.userId, id, deps.clock.now());
}

export async function markAllRead(deps: Deps, actor: Actor): Promise<void> {
  await repository.markRead(deps.database.db, actor.organizationId, actor.userId, undefined, deps.clock.now());
}

export async function getMySettings(deps: Deps, actor: Actor): Promise<NotificationSettings> {
  return (await repository.getSettings(deps.database.db, actor.organizationId, [actor.userId])).get(actor.userId)!;
}

export async function saveMySettings(deps: Deps, actor: Actor, settings: NotificationSettings): Promise<NotificationSettings> {
  await repository.saveSettings(deps.database.db, actor.organizationId, actor.userId, settings);
  return getMySettings(deps, actor);
}
