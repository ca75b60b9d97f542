/**
 * Time factories: entries and timesheet weeks written straight into the database, as the time service
 * stores them (week start from the organization's setting, the task's project copied, the task's
 * tracked total kept), for tests of what reads time without going through the time API.
 */
import { sql } from 'kysely';
import { type TimesheetStatus, weekStartOf } from '../../shared/time.js';
import { toStored } from '../db/rows.js';
import type { TestPerson } from './factories.js';
import type { TestContext } from './harness.js';

export interface RecordedTime {
  taskId: number;
  /** YYYY-MM-DD */
  date: string;
  minutes: number;
  activityTypeId?: number | null;
  billable?: boolean;
  note?: string;
  startTime?: string | null;
}

/** Records time of `person` as a manual entry and adds it to the task's tracked total; answers the entry id. */
export async function recordTime(context: TestContext, person: TestPerson, entry: RecordedTime): Promise<number> {
  const { db } = context.deps.database;
  const task = await db
    .selectFrom('tasks')
    .innerJoin('organizations', 'organizations.id', 'tasks.organization_id')
    .select(['tasks.project_id', 'tasks.organization_id', 'organizations.week_start'])
    .where('tasks.id', '=', entry.taskId)
    .executeTakeFirstOrThrow();
  const now = toStored(context.clock.now());
  const row = await db
    .insertInto('time_entries')
    .values({
      organization_id: task.organization_id,
      user_id: person.id,
      task_id: entry.taskId,
      project_id: task.project_id,
      activity_type_id: entry.activityTypeId ?? null,
      date: entry.date,
      week_start: weekStartOf(entry.date, task.week_start),
      minutes: entry.minutes,
      start_time: entry.startTime ?? null,
      billable: entry.billable ?? true,
      note: entry.note ?? '',
      source: 'manual',
      timer_id: null,
      created_by: person.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('tasks')
    .set({ tracked_minutes: sql`tracked_minutes + ${entry.minutes}` })
    .where('id', '=', entry.taskId)
    .execute();
  return row.id;
}

/**
 * Many entries at once, in multi-row inserts, for tests that need volume (query plans, export batches);
 * the tasks' tracked totals are recomputed afterwards.
 */
export async function recordTimeInBulk(
  context: TestContext,
  entries: readonly (RecordedTime & { person: TestPerson; projectId: number })[],
): Promise<void> {
  const { db } = context.deps.database;
  const weekStarts = new Map<number, number>();
  for (const organizationId of new Set(entries.map((entry) => entry.person.organizationId))) {
    const organization = await db
      .selectFrom('organizations')
      .select('week_start')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    weekStarts.set(organizationId, organization.week_start);
  }
  const now = toStored(context.clock.now());
  for (let start = 0; start < entries.length; start += 500) {
    await db
      .insertInto('time_entries')
      .values(
        entries.slice(start, start + 500).map((entry) => ({
          organization_id: entry.person.organizationId,
          user_id: entry.person.id,
          task_id: entry.taskId,
          project_id: entry.projectId,
          activity_type_id: entry.activityTypeId ?? null,
          date: entry.date,
          week_start: weekStartOf(entry.date, weekStarts.get(entry.person.organizationId)!),
          minutes: entry.minutes,
          start_time: entry.startTime ?? null,
          billable: entry.billable ?? true,
          note: entry.note ?? '',
          source: 'manual',
          timer_id: null,
          created_by: entry.person.id,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  const taskIds = [...new Set(entries.map((entry) => entry.taskId))];
  await db
    .updateTable('tasks')
    .set({ tracked_minutes: sql<number>`coalesce((select sum(minutes) from time_entries where time_entries.task_id = tasks.id), 0)` })
    .where('id', 'in', taskIds)
    .execute();
}

/** Puts a person's week in a timesheet state (submitted, approved by `decidedBy`, rejected…). */
export async function setWeekStatus(
  context: TestContext,
  person: TestPerson,
  weekStart: string,
  status: TimesheetStatus,
  decidedBy?: TestPerson,
): Promise<void> {
  const now = toStored(context.clock.now());
  const decided = status === 'approved' || status === 'rejected';
  await context.deps.database.db
    .insertInto('timesheets')
    .values({
      organization_id: person.organizationId,
      user_id: person.id,
      week_start: weekStart,
      status,
      submitted_at: status === 'open' ? null : now,
      decided_at: decided ? now : null,
      decided_by: decided ? (decidedBy?.id ?? null) : null,
      comment: status === 'rejected' ? 'Split the meeting time per task.' : null,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.columns(['organization_id', 'user_id', 'week_start']).doUpdateSet({ status, updated_at: now }))
    .execute();
}

/** The id of one of the organization's activity types by key (design, development, writing, meeting, support, admin). */
export async function activityTypeId(context: TestContext, organizationId: number, key: string): Promise<number> {
  const row = await context.deps.database.db
    .selectFrom('activity_types')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A client through the API, as an owner or manager adds one. */
export async function createClient(context: TestContext, as: TestPerson, name: string): Promise<{ id: number; name: string }> {
  const response = await context.request({ method: 'POST', url: '/api/v1/clients', as, body: { name } });
  if (response.status !== 201) throw new Error(`createClient: ${response.status} ${response.text}`);
  return response.body;
}
