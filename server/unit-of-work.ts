/**
 * Runs a change in a transaction that may emit live-update events and queue notices; open screens
 * hear of it, and notifications go out, only after it commits.
 */
import type { Kysely } from 'kysely';
import type { Schema } from './db/schema.js';
import type { Deps } from './deps.js';
import type { Notice } from './features/notifications/notification.js';
import { queueNotice } from './jobs/notify.job.js';
import { type NewEvent, recordEvent } from './realtime/events.repository.js';

/** Records a live-update event of the organization in the change's transaction. */
export type Emit = (event: Omit<NewEvent, 'organizationId'>) => Promise<void>;
/** Queues a notice about a task in the change's transaction. */
export type Notify = (taskId: number, actorId: number | null, notice: Notice) => Promise<void>;

export async function changeWithEvents<T>(
  deps: Deps,
  organizationId: number,
  change: (tx: Kysely<Schema>, emit: Emit, notify: Notify) => Promise<T>,
): Promise<T> {
  let emitted = false;
  let notified = false;
  const result = await deps.database.db.transaction().execute((tx) =>
    change(
      tx,
      async (event) => {
        emitted = true;
        await recordEvent(tx, deps.database.engine, { ...event, organizationId }, deps.clock.now());
      },
      async (taskId, actorId, notice) => {
        notified = true;
        await queueNotice(tx, deps.clock.now(), { organizationId, taskId, actorId, notice });
      },
    ),
  );
  if (emitted) deps.realtime.changed(organizationId);
  if (notified) deps.jobs.nudge();
  return result;
}
