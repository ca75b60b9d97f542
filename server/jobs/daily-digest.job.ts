/** `daily-digest`: each person's morning email of their queue, overdue work, reviews and their projects' trouble. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isOrganizationAdmin } from '../../shared/roles.js';
import type { Schema } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { type DigestSectionKey, digestEmail } from '../emails/messages.js';
import * as repository from '../features/notifications/notifications.repository.js';
import type { DigestTask } from '../features/notifications/notifications.repository.js';
import { enqueue, type JobDefinition } from './queue.js';
import { queueEmail } from './send-email.job.js';

const DailyDigestPayloadSchema = z.object({ organizationId: z.number(), date: z.string() });
type DailyDigestPayload = z.infer<typeof DailyDigestPayloadSchema>;

/** Queues the organization's digest of `date`; returns false when it was queued already. */
export async function queueDailyDigest(db: Kysely<Schema>, now: Date, payload: DailyDigestPayload): Promise<boolean> {
  return enqueue(db, dailyDigestJob, payload, now, {
    organizationId: payload.organizationId,
    uniqueKey: `digest:${payload.organizationId}:${payload.date}`,
  });
}

async function sendDigests(deps: Deps, db: Kysely<Schema>, payload: DailyDigestPayload): Promise<void> {
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
  const item = (row: DigestTask, note?: string) => ({
    reference: `${row.key}-${row.number}`,
    title: row.title,
    url: `${deps.config.publicUrl}/tasks/${row.id}`,
    ...(note && { note }),
  });
  for (const person of people) {
    if (!settings.get(person.userId)?.digest) continue;
    const tasks = await repository.listDigestTasks(
      db,
      payload.organizationId,
      { userId: person.userId, isAdmin: isOrganizationAdmin(person.role as 'owner') },
      now,
    );
    const sections: { key: DigestSectionKey; items: ReturnType<typeof item>[] }[] = [
      { key: 'queue', items: tasks.queue.map((row) => item(row, row.deadline ?? undefined)) },
      { key: 'overdue', items: tasks.overdue.map((row) => item(row, row.deadline ?? undefined)) },
      { key: 'waitingOnYou', items: tasks.waitingOnYou.map((row) => item(row)) },
      { key: 'reviews', items: tasks.reviews.map((row) => item(row)) },
      { key: 'projectOverdue', items: tasks.projectOverdue.map((row) => item(row, row.deadline ?? undefined)) },
      { key: 'projectWaiting', items: tasks.projectWaiting.map((row) => item(row)) },
    ];
    if (sections.every((section) => section.items.length === 0)) continue;
    const content = digestEmail(person.locale, person.name, payload.date, sections);
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

export const dailyDigestJob: JobDefinition<DailyDigestPayload> = {
  type: 'daily-digest',
  schema: DailyDigestPayloadSchema,
  maxAttempts: 3,
  transactional: true,
  handle: (deps, payload, db) => sendDigests(deps, db, payload),
};
