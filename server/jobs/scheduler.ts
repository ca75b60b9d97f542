/**
 * Daily work (digests, deadline reminders) is queued once per organization and day, when the
 * organization's digest time has come in its own time zone, however many processes run.
 */
import type { Deps } from '../deps.js';
import { listOrganizations } from '../features/organizations/organizations.repository.js';
import { localDateTime } from '../../shared/deadline.js';
import { queueDeadlineCheck } from './check-deadlines.job.js';
import { queueDailyDigest } from './daily-digest.job.js';

const SCHEDULE_INTERVAL_MS = 60_000;

/**
 * Queues today's digest and deadline check for every organization whose local digest time has come;
 * returns how many jobs it queued. The unique keys make this safe to run every minute from every process.
 */
export async function scheduleDailyWork(deps: Deps): Promise<number> {
  const { db } = deps.database;
  const now = deps.clock.now();
  let queued = 0;
  for (const organization of await listOrganizations(db)) {
    const { date, time } = localDateTime(now, organization.timeZone);
    if (time < organization.digestTime) continue;
    const payload = { organizationId: organization.id, date };
    if (await queueDeadlineCheck(db, now, payload)) queued += 1;
    if (await queueDailyDigest(db, now, payload)) queued += 1;
  }
  return queued;
}

/** Schedules daily work now and every minute until the returned function is called. */
export function startDailyScheduler(deps: Deps, on: { queued(): void; error(error: unknown): void }): () => void {
  const schedule = () =>
    scheduleDailyWork(deps)
      .then((queued) => queued > 0 && on.queued())
      .catch((error) => on.error(error));
  void schedule();
  const timer = setInterval(schedule, SCHEDULE_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
