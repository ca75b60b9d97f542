/** The live-update log: written in the transaction of the change it reports, read after commit. */
import { type Kysely, sql } from 'kysely';
import type { EventType, RealtimeEvent } from '../../shared/events.js';
import type { Engine } from '../db/database.js';
import { isoFromStored, toStored } from '../db/rows.js';
import type { Schema } from '../db/schema.js';

export const NOTIFY_CHANNEL = 'spine_events';

export interface NewEvent {
  organizationId: number;
  type: EventType;
  projectId: number | null;
  taskId?: number | null;
  actorId: number | null;
  data?: RealtimeEvent['data'];
}

/**
 * Appends an event with the organization's next sequence number. Call inside the change's
 * transaction: the number commits with it, and on PostgreSQL so does the NOTIFY to every process.
 */
export async function recordEvent(db: Kysely<Schema>, engine: Engine, event: NewEvent, now: Date): Promise<number> {
  const { event_seq: seq } = await db
    .updateTable('organizations')
    .set({ event_seq: sql`event_seq + 1` })
    .where('id', '=', event.organizationId)
    .returning('event_seq')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('events')
    .values({
      organization_id: event.organizationId,
      seq,
      type: event.type,
      project_id: event.projectId,
      task_id: event.taskId ?? null,
      actor_id: event.actorId,
      data: JSON.stringify(event.data ?? {}),
      created_at: toStored(now),
    })
    .execute();
  if (engine === 'postgres') await sql`select pg_notify(${NOTIFY_CHANNEL}, ${String(event.organizationId)})`.execute(db);
  return seq;
}

export async function eventsSince(db: Kysely<Schema>, organizationId: number, afterSeq: number, limit: number): Promise<RealtimeEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    type: row.type as EventType,
    projectId: row.project_id,
    taskId: row.task_id,
    actorId: row.actor_id,
    data: JSON.parse(row.data) as RealtimeEvent['data'],
    at: isoFromStored(row.created_at),
  }));
}

export async function latestSeq(db: Kysely<Schema>, organizationId: number): Promise<number> {
  const row = await db.selectFrom('organizations').select('event_seq').where('id', '=', organizationId).executeTakeFirst();
  return row?.event_seq ?? 0;
}

/** Projects whose events a person receives: every project for owners/admins, else their own. */
export async function visibleProjectIds(db: Kysely<Schema>, organizationId: number, userId: number, all: boolean): Promise<Set<number>> {
  const rows = all
    ? await db.selectFrom('projects').select('id').where('organization_id', '=', organizationId).execute()
    : await db
        .selectFrom('project_members')
        .select('project_id as id')
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', userId)
        .execute();
  return new Set(rows.map((row) => row.id));
}
