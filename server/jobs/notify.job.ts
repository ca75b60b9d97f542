/**
 * `notify`: a change to a task, told to the people around it. The job decides who is told
 * (features/notifications/notification.ts), writes in-app notifications, and queues one email each
 * for those who want one.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Schema } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { noticeEmail } from '../emails/messages.js';
import { type Notice, recipientsFor } from '../features/notifications/notification.js';
import * as repository from '../features/notifications/notifications.repository.js';
import { recordEvent } from '../realtime/events.repository.js';
import { enqueue, type JobDefinition } from './queue.js';
import { queueEmail } from './send-email.job.js';

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
export type NotifyPayload = z.infer<typeof NotifyPayloadSchema>;

/** Queues a notice in the caller's transaction; it is handled after commit. */
export async function queueNotice(db: Kysely<Schema>, now: Date, payload: NotifyPayload): Promise<void> {
  await enqueue(db, notifyJob, payload, now, { organizationId: payload.organizationId });
}

/** Writes an in-app notification and tells the person's open screens about it. */
export async function addNotification(
  deps: Deps,
  db: Kysely<Schema>,
  notification: Parameters<typeof repository.insertNotification>[1],
  now: Date,
): Promise<void> {
  const id = await repository.insertNotification(db, notification, now);
  await recordEvent(
    db,
    deps.database.engine,
    {
      organizationId: notification.organizationId,
      type: 'notification.created',
      projectId: null,
      actorId: notification.actorId,
      taskId: notification.taskId,
      data: { userId: notification.userId, notificationId: id },
    },
    now,
  );
}

/** Tells a notice to the task's people who may see the task, each on the channels they chose. */
export async function notify(deps: Deps, db: Kysely<Schema>, payload: NotifyPayload): Promise<void> {
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
      await addNotification(
        deps,
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

export const notifyJob: JobDefinition<NotifyPayload> = {
  type: 'notify',
  schema: NotifyPayloadSchema,
  maxAttempts: 5,
  transactional: true,
  handle: (deps, payload, db) => notify(deps, db, payload),
};
