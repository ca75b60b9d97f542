/** `check-deadlines`: once a day, tells captains of their overdue tasks and of those due tomorrow. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Schema } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { listDeadlineTasks } from '../features/notifications/notifications.repository.js';
import { findOrganization } from '../features/organizations/organizations.repository.js';
import { notify } from './notify.job.js';
import { enqueue, type JobDefinition } from './queue.js';

const CheckDeadlinesPayloadSchema = z.object({ organizationId: z.number(), date: z.string() });
type CheckDeadlinesPayload = z.infer<typeof CheckDeadlinesPayloadSchema>;

/** Queues the organization's deadline check of `date`; returns false when it was queued already. */
export async function queueDeadlineCheck(db: Kysely<Schema>, now: Date, payload: CheckDeadlinesPayload): Promise<boolean> {
  return enqueue(db, checkDeadlinesJob, payload, now, {
    organizationId: payload.organizationId,
    uniqueKey: `deadlines:${payload.organizationId}:${payload.date}`,
  });
}

async function checkDeadlines(deps: Deps, db: Kysely<Schema>, payload: CheckDeadlinesPayload): Promise<void> {
  const now = deps.clock.now();
  if (!(await findOrganization(db, payload.organizationId))) return;
  const tomorrowDate = new Date(`${payload.date}T00:00:00Z`);
  tomorrowDate.setUTCDate(tomorrowDate.getUTCDate() + 1);
  const tomorrow = tomorrowDate.toISOString().slice(0, 10);
  for (const task of await listDeadlineTasks(db, payload.organizationId, now, tomorrow)) {
    const overdue = task.deadlineAt !== null && task.deadlineAt <= now;
    await notify(deps, db, {
      organizationId: payload.organizationId,
      taskId: task.id,
      actorId: null,
      notice: { type: overdue ? 'overdue' : 'deadline_soon' },
    });
  }
}

export const checkDeadlinesJob: JobDefinition<CheckDeadlinesPayload> = {
  type: 'check-deadlines',
  schema: CheckDeadlinesPayloadSchema,
  maxAttempts: 3,
  transactional: true,
  handle: (deps, payload, db) => checkDeadlines(deps, db, payload),
};
