/**
 * Notifications: a change queues a `notify` job in its own transaction; the job decides who is told
 * (notification.ts), writes in-app notifications, and queues one `send-email` job per email. Daily
 * work (digest, deadline reminders) is queued once per organization and day, whatever the number of
 * processes.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Locale } from '../../../shared/api.js';
import { type NotificationPage, type NotificationSettings, TIMESHEET_NOTIFICATION_KINDS } from '../../../shared/notifications.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import {
  type DigestSectionKey,
  digestEmail,
  type EmailContent,
  invitationEmail,
  noticeEmail,
  timesheetEmail,
} from '../../emails/messages.js';
import { NotFoundError } from '../../errors.js';
import { enqueue, type JobDefinition } from '../../jobs/queue.js';
import { recordEvent } from '../../realtime/events.repository.js';
import type { Actor } from '../auth/actor.js';
import { todayIn } from '../../../shared/deadline.js';
import { type Notice, recipientsFor } from './notification.js';
import * as repository from './notifications.repository.js';

const NoticeSchema: z.ZodType<Notice> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('assigned'), captainId: z.number().nullable(), addedCollaboratorIds: z.array(z.number()) }),
  z.object({ type: z.literal('review_requested') }),
  z.object({ type: z.literal('reviewed'), decision: z.enum(['approve', 'request_changes']), feedback: z.string().optional() }),
  z.object({
    type: z.literal('waiting'),
    reason: z.string(),
    waitingOnUserId: z.number().nullable(),
    waitingOnExternal: z.string().nullable(),
  }),
  z.object({ type: z.literal('commented'), commentId: z.number(), excerpt: z.string(), mentionedUserIds: z.array(z.number()) }),
  z.object({ type: z.literal('deadline_soon') }),
  z.object({ type: z.literal('overdue') }),
]);

const NotifyPayloadSchema = z.object({
  organizationId: z.number(),
  taskId: z.number(),
  actorId: z.number().nullable(),
  notice: NoticeSchema,
});
type NotifyPayload = z.infer<typeof NotifyPayloadSchema>;

/** Queues a notice in the caller's transaction; it is handled after commit. */
export async function queueNotice(db: Kysely<Schema>, now: Date, payload: NotifyPayload): Promise<void> {
  await enqueue(db, 'notify', payload, now, { organizationId: payload.organizationId });
}

async function handleNotice(deps: Deps, db: Kysely<Schema>, payload: NotifyPayload): Promise<void> {
  const task = await repository.loadTaskContext(db, payload.organizationId, payload.taskId);
  if (!task) return;
  const recipients = recipientsFor(payload.notice, task, payload.actorId).filter((recipient) => task.viewerIds.has(recipient.userId));
  if (recipients.length === 0) return;
  const addressees = new Map(
    (
      await repository.findAddressees(
        db,
        payload.organizationId,
        recipients.map((recipient) => recipient.userId),
      )
    ).map((person) => [person.userId, person]),
  );
  const settings = await repository.getSettings(db, payload.organizationId, [...addressees.keys()]);
  const actorName =
    payload.actorId === null ? null : ((await repository.findAddressees(db, payload.organizationId, [payload.actorId]))[0]?.name ?? null);
  const now = deps.clock.now();
  for (const recipient of recipients) {
    const person = addressees.get(recipient.userId);
    if (!person) continue;
    const channels = settings.get(recipient.userId)?.kinds[recipient.kind];
    if (!channels) continue;
    if (channels.inApp || channels.digestOnly) {
      const id = await repository.insertNotification(
        db,
        {
          organizationId: payload.organizationId,
          userId: recipient.userId,
          kind: recipient.kind,
          taskId: task.id,
          actorId: payload.actorId,
          data: recipient.data,
        },
        now,
      );
      await recordEvent(
        db,
        deps.database.engine,
        {
          organizationId: payload.organizationId,
          type: 'notification.created',
          projectId: null,
          actorId: payload.actorId,
          taskId: task.id,
          data: { userId: recipient.userId, notificationId: id },
        },
        now,
      );
    }
    if (channels.email && !channels.digestOnly && deps.mailer.enabled && person.hasPassword) {
      const content = noticeEmail({
        kind: recipient.kind,
        locale: person.locale,
        recipientName: person.name,
        actorName,
        taskReference: task.reference,
        taskTitle: task.title,
        url: `${deps.config.publicUrl}/tasks/${task.id}`,
        data: recipient.data,
      });
      await queueEmail(db, now, payload.organizationId, person.email, content);
    }
  }
}

const TimesheetNoticePayloadSchema = z.object({
  organizationId: z.number(),
  /** Whose week was decided: the one told. */
  userId: z.number(),
  actorId: z.number(),
  kind: z.enum(TIMESHEET_NOTIFICATION_KINDS),
  weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  comment: z.string().nullable(),
});
export type TimesheetNoticePayload = z.infer<typeof TimesheetNoticePayloadSchema>;

/**
 * Queues, in the caller's transaction, telling a person of a decision on their week; handled after
 * commit. Nobody is told of their own decision. Returns whether a notice was queued.
 */
export async function queueTimesheetNotice(db: Kysely<Schema>, now: Date, payload: TimesheetNoticePayload): Promise<boolean> {
  if (payload.userId === payload.actorId) return false;
  await enqueue(db, 'notify-timesheet', payload, now, { organizationId: payload.organizationId });
  return true;
}

async function handleTimesheetNotice(deps: Deps, db: Kysely<Schema>, payload: TimesheetNoticePayload): Promise<void> {
  if (payload.userId === payload.actorId) return;
  const [person] = await repository.findAddressees(db, payload.organizationId, [payload.userId]);
  if (!person) return;
  const channels = (await repository.getSettings(db, payload.organizationId, [person.userId])).get(person.userId)?.kinds[payload.kind];
  if (!channels) return;
  const actorName = (await repository.findAddressees(db, payload.organizationId, [payload.actorId]))[0]?.name ?? null;
  const now = deps.clock.now();
  const data = { weekStart: payload.weekStart, comment: payload.comment };
  if (channels.inApp || channels.digestOnly) {
    const id = await repository.insertNotification(
      db,
      { organizationId: payload.organizationId, userId: person.userId, kind: payload.kind, taskId: null, actorId: payload.actorId, data },
      now,
    );
    await recordEvent(
      db,
      deps.database.engine,
      {
        organizationId: payload.organizationId,
        type: 'notification.created',
        projectId: null,
        actorId: payload.actorId,
        taskId: null,
        data: { userId: person.userId, notificationId: id },
      },
      now,
    );
  }
  if (channels.email && !channels.digestOnly && deps.mailer.enabled && person.hasPassword) {
    const content = timesheetEmail({
      kind: payload.kind,
      locale: person.locale,
      recipientName: person.name,
      actorName,
      weekStart: payload.weekStart,
      comment: payload.comment,
      url: `${deps.config.publicUrl}/time?week=${payload.weekStart}`,
    });
    await queueEmail(db, now, payload.organizationId, person.email, content);
  }
}

const EmailPayloadSchema = z.object({ to: z.string(), subject: z.string(), text: z.string(), html: z.string(), messageId: z.string() });

export async function queueEmail(
  db: Kysely<Schema>,
  now: Date,
  organizationId: number | null,
  to: string,
  content: EmailContent,
  uniqueKey?: string,
): Promise<void> {
  const messageId = `${now.getTime().toString(36)}.${Math.random().toString(36).slice(2)}`;
  await enqueue(db, 'send-email', { to, ...content, messageId }, now, { organizationId, maxAttempts: 10, ...(uniqueKey && { uniqueKey }) });
}

/** The invitation link by email, when email is configured (the admin also sees the link). */
export async function queueInvitationEmail(
  deps: Deps,
  db: Kysely<Schema>,
  invitation: { organizationId: number; inviterId: number; userId: number; url: string; expiresAt: string },
): Promise<void> {
  if (!deps.mailer.enabled) return;
  const [invitee] = await repository.findAddressees(db, invitation.organizationId, [invitation.userId]);
  const [inviter] = await repository.findAddressees(db, invitation.organizationId, [invitation.inviterId]);
  const organization = await db.selectFrom('organizations').select('name').where('id', '=', invitation.organizationId).executeTakeFirst();
  if (!invitee || !organization) return;
  const content = invitationEmail(
    invitee.locale,
    invitee.name,
    organization.name,
    inviter?.name ?? organization.name,
    invitation.url,
    invitation.expiresAt,
  );
  await queueEmail(db, deps.clock.now(), invitation.organizationId, invitee.email, content);
}

const DigestPayloadSchema = z.object({ organizationId: z.number(), date: z.string() });

async function handleDigest(deps: Deps, db: Kysely<Schema>, payload: z.infer<typeof DigestPayloadSchema>): Promise<void> {
  if (!deps.mailer.enabled) return;
  const now = deps.clock.now();
  const people = (await repository.findAddressees(db, payload.organizationId, 'all')).filter(
    (person) => person.role !== 'client' && person.hasPassword,
  );
  const settings = await repository.getSettings(
    db,
    payload.organizationId,
    people.map((person) => person.userId),
  );
  const open = ['planned', 'in_progress', 'waiting', 'review'];
  const url = (taskId: number) => `${deps.config.publicUrl}/tasks/${taskId}`;
  const item = (row: { id: number; key: string; number: number; title: string }, note?: string) => ({
    reference: `${row.key}-${row.number}`,
    title: row.title,
    url: url(row.id),
    ...(note && { note }),
  });
  const base = () =>
    db
      .selectFrom('tasks as t')
      .innerJoin('projects as p', 'p.id', 't.project_id')
      .select(['t.id', 'p.key', 't.number', 't.title', 't.deadline', 't.status', 't.project_id', 't.captain_id', 't.created_by'])
      .where('t.organization_id', '=', payload.organizationId);
  for (const person of people) {
    if (!settings.get(person.userId)?.digest) continue;
    const queue = await base()
      .where('t.captain_id', '=', person.userId)
      .where('t.status', 'in', open)
      .orderBy('t.queue_rank')
      .limit(20)
      .execute();
    const overdue = await base()
      .where('t.captain_id', '=', person.userId)
      .where('t.status', 'in', open)
      .where('t.deadline_at', '<=', toStored(now))
      .orderBy('t.deadline_at')
      .limit(20)
      .execute();
    const waitingOnMe = await base()
      .where('t.status', '=', 'waiting')
      .where('t.waiting_on_user_id', '=', person.userId)
      .limit(20)
      .execute();
    const managed = await db
      .selectFrom('project_members')
      .select('project_id')
      .where('user_id', '=', person.userId)
      .where('role', '=', 'manager')
      .execute();
    const managedIds = managed.map((row) => row.project_id);
    const isAdmin = isOrganizationAdmin(person.role as 'owner');
    let reviewQuery = base().where('t.status', '=', 'review').where('t.captain_id', '!=', person.userId);
    reviewQuery = reviewQuery.where((eb) =>
      eb.or([eb('t.created_by', '=', person.userId), ...(managedIds.length > 0 ? [eb('t.project_id', 'in', managedIds)] : [])]),
    );
    const reviews = await reviewQuery.limit(20).execute();
    let projectOverdue: typeof overdue = [];
    let projectWaiting: typeof overdue = [];
    if (managedIds.length > 0 || isAdmin) {
      const scope = <Q extends ReturnType<typeof base>>(query: Q) =>
        isAdmin ? query : (query.where('t.project_id', 'in', managedIds) as Q);
      projectOverdue = await scope(base().where('t.status', 'in', open).where('t.deadline_at', '<=', toStored(now)))
        .where('t.captain_id', '!=', person.userId)
        .orderBy('t.deadline_at')
        .limit(30)
        .execute();
      projectWaiting = await scope(base().where('t.status', '=', 'waiting'))
        .limit(30)
        .execute();
    }
    const sections: { key: DigestSectionKey; items: ReturnType<typeof item>[] }[] = [
      { key: 'queue', items: queue.map((row) => item(row, row.deadline ?? undefined)) },
      { key: 'overdue', items: overdue.map((row) => item(row, row.deadline ?? undefined)) },
      { key: 'waitingOnYou', items: waitingOnMe.map((row) => item(row)) },
      { key: 'reviews', items: reviews.map((row) => item(row)) },
      { key: 'projectOverdue', items: projectOverdue.map((row) => item(row, row.deadline ?? undefined)) },
      { key: 'projectWaiting', items: projectWaiting.map((row) => item(row)) },
    ];
    if (sections.every((section) => section.items.length === 0)) continue;
    const content = digestEmail(person.locale as Locale, person.name, payload.date, sections);
    await queueEmail(
      db,
      now,
      payload.organizationId,
      person.email,
      content,
      `digest:${payload.organizationId}:${payload.date}:${person.userId}`,
    );
  }
}

async function handleDeadlines(deps: Deps, db: Kysely<Schema>, payload: z.infer<typeof DigestPayloadSchema>): Promise<void> {
  const now = deps.clock.now();
  const organization = await db.selectFrom('organizations').select('time_zone').where('id', '=', payload.organizationId).executeTakeFirst();
  if (!organization) return;
  const tomorrowDate = new Date(`${payload.date}T00:00:00Z`);
  tomorrowDate.setUTCDate(tomorrowDate.getUTCDate() + 1);
  const tomorrow = tomorrowDate.toISOString().slice(0, 10);
  const open = ['planned', 'in_progress', 'waiting', 'review'];
  const tasks = await db
    .selectFrom('tasks')
    .select(['id', 'deadline', 'deadline_at'])
    .where('organization_id', '=', payload.organizationId)
    .where('status', 'in', open)
    .where('captain_id', 'is not', null)
    .where((eb) => eb.or([eb('deadline_at', '<=', toStored(now)), eb('deadline', 'like', `${tomorrow}%`)]))
    .execute();
  for (const task of tasks) {
    const overdue = task.deadline_at !== null && new Date(task.deadline_at) <= now;
    await handleNotice(deps, db, {
      organizationId: payload.organizationId,
      taskId: task.id,
      actorId: null,
      notice: { type: overdue ? 'overdue' : 'deadline_soon' },
    });
  }
}

export function notificationJobs(): JobDefinition<any>[] {
  const notify: JobDefinition<NotifyPayload> = {
    type: 'notify',
    schema: NotifyPayloadSchema,
    maxAttempts: 5,
    transactional: true,
    handle: (deps, payload, db) => handleNotice(deps, db, payload),
  };
  const notifyTimesheet: JobDefinition<TimesheetNoticePayload> = {
    type: 'notify-timesheet',
    schema: TimesheetNoticePayloadSchema,
    maxAttempts: 5,
    transactional: true,
    handle: (deps, payload, db) => handleTimesheetNotice(deps, db, payload),
  };
  const sendEmail: JobDefinition<z.infer<typeof EmailPayloadSchema>> = {
    type: 'send-email',
    schema: EmailPayloadSchema,
    maxAttempts: 10,
    transactional: false,
    handle: async (deps, payload) => {
      const { to, messageId, ...content } = payload;
      await deps.mailer.send(to, content, messageId);
    },
  };
  const digest: JobDefinition<z.infer<typeof DigestPayloadSchema>> = {
    type: 'daily-digest',
    schema: DigestPayloadSchema,
    maxAttempts: 3,
    transactional: true,
    handle: (deps, payload, db) => handleDigest(deps, db, payload),
  };
  const deadlines: JobDefinition<z.infer<typeof DigestPayloadSchema>> = {
    type: 'check-deadlines',
    schema: DigestPayloadSchema,
    maxAttempts: 3,
    transactional: true,
    handle: (deps, payload, db) => handleDeadlines(deps, db, payload),
  };
  return [notify, notifyTimesheet, sendEmail, digest, deadlines];
}

/**
 * Queues today's digest and deadline check for every organization whose local digest time has come.
 * The unique key makes this safe to run every minute from every process.
 */
export async function scheduleDailyWork(deps: Deps): Promise<number> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const organizations = await db.selectFrom('organizations').select(['id', 'time_zone', 'digest_time']).execute();
  let queued = 0;
  for (const organization of organizations) {
    const date = todayIn(organization.time_zone, now);
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: organization.time_zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(now);
    if (time < organization.digest_time) continue;
    const payload = { organizationId: organization.id, date };
    if (
      await enqueue(db, 'check-deadlines', payload, now, {
        organizationId: organization.id,
        uniqueKey: `deadlines:${organization.id}:${date}`,
      })
    )
      queued += 1;
    if (
      await enqueue(db, 'daily-digest', payload, now, { organizationId: organization.id, uniqueKey: `digest:${organization.id}:${date}` })
    )
      queued += 1;
  }
  return queued;
}

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
