/** Failed jobs as owners and admins see them, and putting one back in the queue. */
import type { Kysely } from 'kysely';
import type { FailedJob } from '../../shared/notifications.js';
import { fromStored, toStored } from '../db/rows.js';
import type { Schema } from '../db/schema.js';

export async function listFailedJobs(db: Kysely<Schema>, organizationId: number): Promise<FailedJob[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('status', '=', 'failed')
    .where('organization_id', '=', organizationId)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    organizationId: row.organization_id,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: fromStored(row.created_at).toISOString(),
    finishedAt: row.finished_at === null ? null : fromStored(row.finished_at).toISOString(),
  }));
}

/** Puts a failed job back in the queue with fresh attempts. */
export async function retryJob(db: Kysely<Schema>, organizationId: number, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'pending', attempts: 0, run_at: toStored(now), finished_at: null })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
