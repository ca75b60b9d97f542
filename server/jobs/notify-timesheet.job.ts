/** `notify-timesheet`: telling a person of a decision on their week, in the app and by email as they chose. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { TIMESHEET_NOTIFICATION_KINDS } from '../../shared/notifications.js';
import type { Schema } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { timesheetEmail } from '../emails/messages.js';
import * as repository from '../features/notifications/notifications.repository.js';
import { addNotification } from './notify.job.js';
import { enqueue, type JobDefinition } from './queue.js';
import { queueEmail } from './send-email.job.js';

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
  await enqueue(db, notifyTimesheetJob, payload, now, { organizationId: payload.organizationId });
  return true;
}

async function notifyTimesheet(deps: Deps, db: Kysely<Schema>, payload: TimesheetNoticePayload): Promise<void> {
  if (payload.userId === payload.actorId) return;
  const [person] = await repository.findAddressees(db, payload.organizationId, [payload.userId]);
  if (!person) return;
  const channels = (await repository.getSettings(db, payload.organizationId, [person.userId])).get(person.userId)?.kinds[payload.kind];
  if (!channels) return;
  const actorName = (await repository.findAddressees(db, payload.organizationId, [payload.actorId]))[0]?.name ?? null;
  const now = deps.clock.now();
  const data = { weekStart: payload.weekStart, comment: payload.comment };
  if (channels.inApp || channels.digestOnly) {
    await addNotification(
      deps,
      db,
      { organizationId: payload.organizationId, userId: person.userId, kind: payload.kind, taskId: null, actorId: payload.actorId, data },
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

export const notifyTimesheetJob: JobDefinition<TimesheetNoticePayload> = {
  type: 'notify-timesheet',
  schema: TimesheetNoticePayloadSchema,
  maxAttempts: 5,
  transactional: true,
  handle: (deps, payload, db) => notifyTimesheet(deps, db, payload),
};
