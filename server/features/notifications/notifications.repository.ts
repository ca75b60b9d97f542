import type { Kysely } from 'kysely';
import type { Locale } from '../../../shared/api.js';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  type Notification,
  type NotificationKind,
  type NotificationSettings,
  NotificationSettingsSchema,
} from '../../../shared/notifications.js';
import { OPEN_STATUSES } from '../../../shared/workflow.js';
import { fromStored, fromStoredBool, isoFromStored, optionalIsoFromStored, toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';

export async function insertNotification(
  db: Kysely<Schema>,
  notification: {
    organizationId: number;
    userId: number;
    kind: NotificationKind;
    taskId: number | null;
    actorId: number | null;
    data: Record<string, unknown>;
  },
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('notifications')
    .values({
      organization_id: notification.organizationId,
      user_id: notification.userId,
      kind: notification.kind,
      task_id: notification.taskId,
      actor_id: notification.actorId,
      data: JSON.stringify(notification.data),
      created_at: toStored(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listNotifications(
  db: Kysely<Schema>,
  organizationId: number,
  userId: number,
  beforeId: number | undefined,
  limit: number,
): Promise<Notification[]> {
  let query = db
    .selectFrom('notifications as n')
    .leftJoin('tasks as t', 't.id', 'n.task_id')
    .leftJoin('projects as p', 'p.id', 't.project_id')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .select([
      'n.id',
      'n.kind',
      'n.task_id',
      'n.actor_id',
      'n.data',
      'n.created_at',
      'n.read_at',
      't.number',
      't.title',
      'p.key',
      'a.name as actor_name',
    ])
    .where('n.organization_id', '=', organizationId)
    .where('n.user_id', '=', userId);
  if (beforeId !== undefined) query = query.where('n.id', '<', beforeId);
  const rows = await query.orderBy('n.id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as NotificationKind,
    taskId: row.task_id,
    taskReference: row.key && row.number !== null ? `${row.key}-${row.number}` : null,
    taskTitle: row.title,
    actorId: row.actor_id,
    actorName: row.actor_name,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: isoFromStored(row.created_at),
    readAt: optionalIsoFromStored(row.read_at),
  }));
}

export async function countUnread(db: Kysely<Schema>, organizationId: number, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks one (or, without an id, every) unread notification of the person read; returns how many changed. */
export async function markRead(
  db: Kysely<Schema>,
  organizationId: number,
  userId: number,
  id: number | undefined,
  now: Date,
): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: toStored(now) })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (id !== undefined) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function notificationExists(db: Kysely<Schema>, organizationId: number, userId: number, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

function withDefaults(stored: unknown): NotificationSettings {
  const parsed = NotificationSettingsSchema.safeParse(stored);
  if (!parsed.success) return DEFAULT_NOTIFICATION_SETTINGS;
  return { digest: parsed.data.digest, kinds: { ...DEFAULT_NOTIFICATION_SETTINGS.kinds, ...parsed.data.kinds } };
}

export async function getSettings(
  db: Kysely<Schema>,
  organizationId: number,
  userIds: readonly number[],
): Promise<Map<number, NotificationSettings>> {
  const settings = new Map(userIds.map((userId) => [userId, DEFAULT_NOTIFICATION_SETTINGS]));
  if (userIds.length === 0) return settings;
  const rows = await db
    .selectFrom('notification_settings')
    .select(['user_id', 'settings'])
    .where('organization_id', '=', organizationId)
    .where('user_id', 'in', [...userIds])
    .execute();
  for (const row of rows) settings.set(row.user_id, withDefaults(JSON.parse(row.settings)));
  return settings;
}

export async function saveSettings(
  db: Kysely<Schema>,
  organizationId: number,
  userId: number,
  settings: NotificationSettings,
): Promise<void> {
  const json = JSON.stringify(settings);
  await db
    .insertInto('notification_settings')
    .values({ organization_id: organizationId, user_id: userId, settings: json })
    .onConflict((conflict) => conflict.columns(['user_id', 'organization_id']).doUpdateSet({ settings: json }))
    .execute();
}

export interface Addressee {
  userId: number;
  name: string;
  email: string;
  locale: Locale;
  role: string;
  hasPassword: boolean;
}

/** Active members of the organization among `userIds`, with what an email to them needs. */
export async function findAddressees(db: Kysely<Schema>, organizationId: number, userIds: readonly number[] | 'all'): Promise<Addressee[]> {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'u.password_hash', 'm.role', 'm.active'])
    .where('m.organization_id', '=', organizationId)
    .where('m.active', '=', true);
  if (userIds !== 'all') {
    if (userIds.length === 0) return [];
    query = query.where('u.id', 'in', [...userIds]);
  }
  const rows = await query.execute();
  return rows
    .filter((row) => fromStoredBool(row.active))
    .map((row) => ({
      userId: row.id,
      name: row.name,
      email: row.email,
      locale: row.locale === 'tr' ? 'tr' : 'en',
      role: row.role,
      hasPassword: row.password_hash !== null,
    }));
}

export interface TaskContext {
  id: number;
  projectId: number;
  reference: string;
  title: string;
  captainId: number | null;
  createdById: number;
  reviewRequired: boolean;
  collaboratorIds: number[];
  projectManagerIds: number[];
  /** Who may see the task: project members and the organization's owners/admins. */
  viewerIds: Set<number>;
}

export async function loadTaskContext(db: Kysely<Schema>, organizationId: number, taskId: number): Promise<TaskContext | undefined> {
  const task = await db
    .selectFrom('tasks as t')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select(['t.id', 't.project_id', 't.number', 't.title', 't.captain_id', 't.created_by', 'p.key', 'p.review_required'])
    .where('t.organization_id', '=', organizationId)
    .where('t.id', '=', taskId)
    .executeTakeFirst();
  if (!task) return undefined;
  const [collaborators, members, admins] = await Promise.all([
    db.selectFrom('task_collaborators').select('user_id').where('task_id', '=', taskId).execute(),
    db.selectFrom('project_members').select(['user_id', 'role']).where('project_id', '=', task.project_id).execute(),
    db
      .selectFrom('memberships')
      .select('user_id')
      .where('organization_id', '=', organizationId)
      .where('role', 'in', ['owner', 'admin'])
      .where('active', '=', true)
      .execute(),
  ]);
  return {
    id: task.id,
    projectId: task.project_id,
    reference: `${task.key}-${task.number}`,
    title: task.title,
    captainId: task.captain_id,
    createdById: task.created_by,
    reviewRequired: fromStoredBool(task.review_required),
    collaboratorIds: collaborators.map((row) => row.user_id),
    projectManagerIds: members.filter((row) => row.role === 'manager').map((row) => row.user_id),
    viewerIds: new Set([...members.map((row) => row.user_id), ...admins.map((row) => row.user_id)]),
  };
}

export interface DigestTask {
  id: number;
  key: string;
  number: number;
  title: string;
  deadline: string | null;
}

/** A person's daily digest, section by section. */
export interface DigestTasks {
  queue: DigestTask[];
  overdue: DigestTask[];
  waitingOnYou: DigestTask[];
  reviews: DigestTask[];
  projectOverdue: DigestTask[];
  projectWaiting: DigestTask[];
}

/**
 * The tasks of a person's digest: their queue and overdue tasks, work waiting on them, reviews they
 * may decide, and what is overdue or waiting in the projects they manage (all projects for admins).
 */
export async function listDigestTasks(
  db: Kysely<Schema>,
  organizationId: number,
  person: { userId: number; isAdmin: boolean },
  now: Date,
): Promise<DigestTasks> {
  const base = () =>
    db
      .selectFrom('tasks as t')
      .innerJoin('projects as p', 'p.id', 't.project_id')
      .select(['t.id', 'p.key', 't.number', 't.title', 't.deadline'])
      .where('t.organization_id', '=', organizationId);
  const queue = await base()
    .where('t.captain_id', '=', person.userId)
    .where('t.status', 'in', OPEN_STATUSES)
    .orderBy('t.queue_rank')
    .limit(20)
    .execute();
  const overdue = await base()
    .where('t.captain_id', '=', person.userId)
    .where('t.status', 'in', OPEN_STATUSES)
    .where('t.deadline_at', '<=', toStored(now))
    .orderBy('t.deadline_at')
    .limit(20)
    .execute();
  const waitingOnYou = await base().where('t.status', '=', 'waiting').where('t.waiting_on_user_id', '=', person.userId).limit(20).execute();
  const managed = await db
    .selectFrom('project_members')
    .select('project_id')
    .where('user_id', '=', person.userId)
    .where('role', '=', 'manager')
    .execute();
  const managedIds = managed.map((row) => row.project_id);
  let reviewQuery = base().where('t.status', '=', 'review').where('t.captain_id', '!=', person.userId);
  reviewQuery = reviewQuery.where((eb) =>
    eb.or([eb('t.created_by', '=', person.userId), ...(managedIds.length > 0 ? [eb('t.project_id', 'in', managedIds)] : [])]),
  );
  const reviews = await reviewQuery.limit(20).execute();
  let projectOverdue: DigestTask[] = [];
  let projectWaiting: DigestTask[] = [];
  if (managedIds.length > 0 || person.isAdmin) {
    const scope = <Q extends ReturnType<typeof base>>(query: Q) =>
      person.isAdmin ? query : (query.where('t.project_id', 'in', managedIds) as Q);
    projectOverdue = await scope(base().where('t.status', 'in', OPEN_STATUSES).where('t.deadline_at', '<=', toStored(now)))
      .where('t.captain_id', '!=', person.userId)
      .orderBy('t.deadline_at')
      .limit(30)
      .execute();
    projectWaiting = await scope(base().where('t.status', '=', 'waiting'))
      .limit(30)
      .execute();
  }
  return { queue, overdue, waitingOnYou, reviews, projectOverdue, projectWaiting };
}

/** Open tasks with a captain that are overdue now or due on `tomorrow` (YYYY-MM-DD), with when they are due. */
export async function listDeadlineTasks(
  db: Kysely<Schema>,
  organizationId: number,
  now: Date,
  tomorrow: string,
): Promise<{ id: number; deadlineAt: Date | null }[]> {
  const rows = await db
    .selectFrom('tasks')
    .select(['id', 'deadline_at'])
    .where('organization_id', '=', organizationId)
    .where('status', 'in', OPEN_STATUSES)
    .where('captain_id', 'is not', null)
    .where((eb) => eb.or([eb('deadline_at', '<=', toStored(now)), eb('deadline', 'like', `${tomorrow}%`)]))
    .execute();
  return rows.map((row) => ({ id: row.id, deadlineAt: row.deadline_at === null ? null : fromStored(row.deadline_at) }));
}
