/** Time entries, timers and timesheets in SQL, both engines. */
import { type Kysely, sql } from 'kysely';
import type { Timer, TimeEntry, TimesheetStatus } from '../../../shared/time.js';
import type { Engine } from '../../db/database.js';
import { fromStored, fromStoredBool, isoFromStored, optionalIsoFromStored, toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';
import { entryInScope, type TimeScope } from './time-scope.js';

/**
 * Serializes the writes of one person's time (PostgreSQL; SQLite runs one transaction at a time):
 * the 24-hour rule, the single timer and week locks are checked and written without a race.
 */
export async function lockPerson(db: Kysely<Schema>, engine: Engine, organizationId: number, userId: number): Promise<void> {
  if (engine !== 'postgres') return;
  await db
    .selectFrom('memberships')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .forUpdate()
    .execute();
}

export interface PersonRecord {
  id: number;
  name: string;
  capacityMinutes: number;
}

/** A person of the organization (active or not: their past time stays visible). */
export async function findPerson(db: Kysely<Schema>, organizationId: number, userId: number): Promise<PersonRecord | undefined> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'm.capacity_minutes'])
    .where('m.organization_id', '=', organizationId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, capacityMinutes: row.capacity_minutes };
}

export interface ActivityTypeRecord {
  id: number;
  key: string;
  billable: boolean;
  active: boolean;
}

export async function findActivityType(
  db: Kysely<Schema>,
  organizationId: number,
  by: { id: number } | { key: string },
): Promise<ActivityTypeRecord | undefined> {
  let query = db.selectFrom('activity_types').select(['id', 'key', 'billable', 'active']).where('organization_id', '=', organizationId);
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('key', '=', by.key);
  const row = await query.executeTakeFirst();
  return row && { id: row.id, key: row.key, billable: fromStoredBool(row.billable), active: fromStoredBool(row.active) };
}

/** The project's billable default (`projects.billable`). */
export async function isProjectBillable(db: Kysely<Schema>, projectId: number): Promise<boolean> {
  const row = await db.selectFrom('projects').select('billable').where('id', '=', projectId).executeTakeFirstOrThrow();
  return fromStoredBool(row.billable);
}

// ——— Entries ———

/** A time entry as the services work with it. */
export interface EntryRecord {
  id: number;
  organizationId: number;
  userId: number;
  userName: string;
  taskId: number;
  taskReference: string;
  taskTitle: string;
  projectId: number;
  activityTypeId: number | null;
  date: string;
  minutes: number;
  startTime: string | null;
  billable: boolean;
  note: string;
  source: 'timer' | 'manual';
  timerId: number | null;
  createdAt: string;
  updatedAt: string;
}

function entryQuery(db: Kysely<Schema>) {
  return db
    .selectFrom('time_entries as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select([
      'e.id',
      'e.organization_id',
      'e.user_id',
      'u.name as user_name',
      'e.task_id',
      'p.key as project_key',
      't.number as task_number',
      't.title as task_title',
      'e.project_id',
      'e.activity_type_id',
      'e.date',
      'e.minutes',
      'e.start_time',
      'e.billable',
      'e.note',
      'e.source',
      'e.timer_id',
      'e.created_at',
      'e.updated_at',
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entryQuery>['executeTakeFirstOrThrow']>>;

function toEntryRecord(row: EntryRow): EntryRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    userId: row.user_id,
    userName: row.user_name,
    taskId: row.task_id,
    taskReference: `${row.project_key}-${row.task_number}`,
    taskTitle: row.task_title,
    projectId: row.project_id,
    activityTypeId: row.activity_type_id,
    date: row.date,
    minutes: row.minutes,
    startTime: row.start_time,
    billable: fromStoredBool(row.billable),
    note: row.note,
    source: row.source === 'timer' ? 'timer' : 'manual',
    timerId: row.timer_id,
    createdAt: isoFromStored(row.created_at),
    updatedAt: isoFromStored(row.updated_at),
  };
}

/** The response shape of an entry; its week and that week's status come from the caller. */
export function presentEntry(entry: EntryRecord, weekStart: string, weekStatus: TimesheetStatus): TimeEntry {
  return {
    id: entry.id,
    userId: entry.userId,
    userName: entry.userName,
    taskId: entry.taskId,
    taskReference: entry.taskReference,
    taskTitle: entry.taskTitle,
    projectId: entry.projectId,
    activityTypeId: entry.activityTypeId,
    date: entry.date,
    minutes: entry.minutes,
    startTime: entry.startTime,
    billable: entry.billable,
    note: entry.note,
    source: entry.source,
    weekStart,
    weekStatus,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  };
}

export async function findEntry(db: Kysely<Schema>, organizationId: number, entryId: number): Promise<EntryRecord | undefined> {
  const row = await entryQuery(db).where('e.organization_id', '=', organizationId).where('e.id', '=', entryId).executeTakeFirst();
  return row && toEntryRecord(row);
}

/** The entry a timer became, if it was stopped already. */
export async function findEntryByTimer(db: Kysely<Schema>, organizationId: number, timerId: number): Promise<EntryRecord | undefined> {
  const row = await entryQuery(db).where('e.organization_id', '=', organizationId).where('e.timer_id', '=', timerId).executeTakeFirst();
  return row && toEntryRecord(row);
}

export interface EntryFilter {
  scope: TimeScope;
  userId?: number | undefined;
  taskId?: number | undefined;
  projectId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  /** Newest first (lists) or oldest first (a week). */
  order: 'newest' | 'oldest';
}

/** Entries within a scope, filtered. */
export async function listEntries(db: Kysely<Schema>, filter: EntryFilter): Promise<EntryRecord[]> {
  let query = entryQuery(db).where(entryInScope(filter.scope));
  if (filter.userId !== undefined) query = query.where('e.user_id', '=', filter.userId);
  if (filter.taskId !== undefined) query = query.where('e.task_id', '=', filter.taskId);
  if (filter.projectId !== undefined) query = query.where('e.project_id', '=', filter.projectId);
  if (filter.from !== undefined) query = query.where('e.date', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('e.date', '<=', filter.to);
  const direction = filter.order === 'newest' ? 'desc' : 'asc';
  query = query.orderBy('e.date', direction).orderBy(sql`coalesce(e.start_time, '')`, direction).orderBy('e.id', direction);
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(toEntryRecord);
}

/** Minutes a person has recorded on a date, optionally leaving one entry out (the one being changed). */
export async function dayTotal(
  db: Kysely<Schema>,
  organizationId: number,
  userId: number,
  date: string,
  excludeEntryId?: number,
): Promise<number> {
  let query = db
    .selectFrom('time_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('minutes'), eb.lit(0)).as('total'))
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('date', '=', date);
  if (excludeEntryId !== undefined) query = query.where('id', '!=', excludeEntryId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Minutes per person and date within a scope, for totals of several weeks at once. */
export async function dailyTotals(
  db: Kysely<Schema>,
  scope: TimeScope,
  userIds: readonly number[],
  from: string,
  to: string,
): Promise<{ userId: number; date: string; minutes: number }[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('time_entries as e')
    .select(['e.user_id', 'e.date', (eb) => eb.fn.sum<number>('e.minutes').as('minutes')])
    .where(entryInScope(scope))
    .where('e.user_id', 'in', [...userIds])
    .where('e.date', '>=', from)
    .where('e.date', '<=', to)
    .groupBy(['e.user_id', 'e.date'])
    .execute();
  return rows.map((row) => ({ userId: row.user_id, date: row.date, minutes: Number(row.minutes) }));
}

/** Dates on which people have time on some of the given projects (managers' approvals). */
export async function entryDatesOnProjects(
  db: Kysely<Schema>,
  organizationId: number,
  userIds: readonly number[],
  projectIds: readonly number[],
  range: { from: string; to: string } | undefined,
): Promise<{ userId: number; date: string }[]> {
  if (userIds.length === 0 || projectIds.length === 0) return [];
  let query = db
    .selectFrom('time_entries')
    .select(['user_id', 'date'])
    .distinct()
    .where('organization_id', '=', organizationId)
    .where('user_id', 'in', [...userIds])
    .where('project_id', 'in', [...projectIds]);
  if (range) query = query.where('date', '>=', range.from).where('date', '<=', range.to);
  return (await query.execute()).map((row) => ({ userId: row.user_id, date: row.date }));
}

/** Whether a person has any time on the given projects (in a date range, when given). */
export async function hasEntriesOnProjects(
  db: Kysely<Schema>,
  organizationId: number,
  userId: number,
  projectIds: readonly number[],
  range?: { from: string; to: string },
): Promise<boolean> {
  if (projectIds.length === 0) return false;
  let query = db
    .selectFrom('time_entries')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('project_id', 'in', [...projectIds]);
  if (range) query = query.where('date', '>=', range.from).where('date', '<=', range.to);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

export interface NewEntry {
  organizationId: number;
  userId: number;
  taskId: number;
  projectId: number;
  activityTypeId: number | null;
  date: string;
  weekStart: string;
  minutes: number;
  startTime: string | null;
  billable: boolean;
  note: string;
  source: 'timer' | 'manual';
  timerId: number | null;
  createdBy: number;
}

export async function insertEntry(db: Kysely<Schema>, entry: NewEntry, now: Date): Promise<number> {
  const row = await db
    .insertInto('time_entries')
    .values({
      organization_id: entry.organizationId,
      user_id: entry.userId,
      task_id: entry.taskId,
      project_id: entry.projectId,
      activity_type_id: entry.activityTypeId,
      date: entry.date,
      week_start: entry.weekStart,
      minutes: entry.minutes,
      start_time: entry.startTime,
      billable: entry.billable,
      note: entry.note,
      source: entry.source,
      timer_id: entry.timerId,
      created_by: entry.createdBy,
      created_at: toStored(now),
      updated_at: toStored(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface EntryUpdate {
  taskId: number;
  projectId: number;
  activityTypeId: number | null;
  date: string;
  weekStart: string;
  minutes: number;
  startTime: string | null;
  billable: boolean;
  note: string;
}

export async function updateEntry(db: Kysely<Schema>, entryId: number, entry: EntryUpdate, now: Date): Promise<void> {
  await db
    .updateTable('time_entries')
    .set({
      task_id: entry.taskId,
      project_id: entry.projectId,
      activity_type_id: entry.activityTypeId,
      date: entry.date,
      week_start: entry.weekStart,
      minutes: entry.minutes,
      start_time: entry.startTime,
      billable: entry.billable,
      note: entry.note,
      updated_at: toStored(now),
    })
    .where('id', '=', entryId)
    .execute();
}

export async function deleteEntry(db: Kysely<Schema>, entryId: number): Promise<void> {
  await db.deleteFrom('time_entries').where('id', '=', entryId).execute();
}

/** Keeps the task's running total; not a change of the task itself, so its version stays. */
export async function addTrackedMinutes(db: Kysely<Schema>, taskId: number, delta: number): Promise<void> {
  if (delta === 0) return;
  await db
    .updateTable('tasks')
    .set({ tracked_minutes: sql`tracked_minutes + ${delta}` })
    .where('id', '=', taskId)
    .execute();
}

// ——— Timers ———

/** A running timer as the services work with it. */
export interface TimerRecord {
  id: number;
  organizationId: number;
  userId: number;
  taskId: number;
  taskReference: string;
  taskTitle: string;
  projectId: number;
  activityTypeId: number | null;
  billable: boolean;
  note: string;
  startedAt: Date;
}

function timerQuery(db: Kysely<Schema>) {
  return db
    .selectFrom('timers as r')
    .innerJoin('tasks as t', 't.id', 'r.task_id')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select([
      'r.id',
      'r.organization_id',
      'r.user_id',
      'r.task_id',
      'p.key as project_key',
      't.number as task_number',
      't.title as task_title',
      't.project_id',
      'r.activity_type_id',
      'r.billable',
      'r.note',
      'r.started_at',
    ]);
}

type TimerRow = Awaited<ReturnType<ReturnType<typeof timerQuery>['executeTakeFirstOrThrow']>>;

function toTimerRecord(row: TimerRow): TimerRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    userId: row.user_id,
    taskId: row.task_id,
    taskReference: `${row.project_key}-${row.task_number}`,
    taskTitle: row.task_title,
    projectId: row.project_id,
    activityTypeId: row.activity_type_id,
    billable: fromStoredBool(row.billable),
    note: row.note,
    startedAt: fromStored(row.started_at),
  };
}

export function presentTimer(timer: TimerRecord): Timer {
  return {
    id: timer.id,
    taskId: timer.taskId,
    taskReference: timer.taskReference,
    taskTitle: timer.taskTitle,
    projectId: timer.projectId,
    activityTypeId: timer.activityTypeId,
    billable: timer.billable,
    note: timer.note,
    startedAt: timer.startedAt.toISOString(),
  };
}

/** The person's running timer in the organization. */
export async function findRunningTimer(db: Kysely<Schema>, organizationId: number, userId: number): Promise<TimerRecord | undefined> {
  const row = await timerQuery(db).where('r.organization_id', '=', organizationId).where('r.user_id', '=', userId).executeTakeFirst();
  return row && toTimerRecord(row);
}

export async function findTimerById(db: Kysely<Schema>, organizationId: number, timerId: number): Promise<TimerRecord | undefined> {
  const row = await timerQuery(db).where('r.organization_id', '=', organizationId).where('r.id', '=', timerId).executeTakeFirst();
  return row && toTimerRecord(row);
}

export interface NewTimer {
  organizationId: number;
  userId: number;
  taskId: number;
  activityTypeId: number | null;
  billable: boolean;
  note: string;
}

/**
 * Starts a timer; undefined when the person already has one (the unique constraint won a race).
 * On SQLite the id is chosen past every timer id ever recorded: SQLite reuses the largest rowid
 * after a delete, and a reused id would find the old timer's entry when stopped.
 */
export async function insertTimer(db: Kysely<Schema>, engine: Engine, timer: NewTimer, startedAt: Date): Promise<number | undefined> {
  let id: number | undefined;
  if (engine === 'sqlite') {
    const { rows } = await sql<{ next: number }>`
      select max(coalesce((select max(id) from timers), 0), coalesce((select max(timer_id) from time_entries), 0)) + 1 as next`.execute(db);
    id = rows[0]!.next;
  }
  const row = await db
    .insertInto('timers')
    .values({
      ...(id !== undefined && { id }),
      organization_id: timer.organizationId,
      user_id: timer.userId,
      task_id: timer.taskId,
      activity_type_id: timer.activityTypeId,
      billable: timer.billable,
      note: timer.note,
      started_at: toStored(startedAt),
    })
    .onConflict((conflict) => conflict.columns(['organization_id', 'user_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function deleteTimer(db: Kysely<Schema>, timerId: number): Promise<void> {
  await db.deleteFrom('timers').where('id', '=', timerId).execute();
}

// ——— Timesheets ———

export interface TimesheetRecord {
  userId: number;
  weekStart: string;
  status: TimesheetStatus;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: { id: number; name: string } | null;
  comment: string | null;
}

function asStatus(value: string): TimesheetStatus {
  return value === 'submitted' || value === 'approved' || value === 'rejected' ? value : 'open';
}

export async function findTimesheet(
  db: Kysely<Schema>,
  organizationId: number,
  userId: number,
  weekStart: string,
): Promise<TimesheetRecord | undefined> {
  const row = await db
    .selectFrom('timesheets as s')
    .leftJoin('users as d', 'd.id', 's.decided_by')
    .select([
      's.user_id',
      's.week_start',
      's.status',
      's.submitted_at',
      's.decided_at',
      's.decided_by',
      'd.name as decided_by_name',
      's.comment',
    ])
    .where('s.organization_id', '=', organizationId)
    .where('s.user_id', '=', userId)
    .where('s.week_start', '=', weekStart)
    .executeTakeFirst();
  return (
    row && {
      userId: row.user_id,
      weekStart: row.week_start,
      status: asStatus(row.status),
      submittedAt: optionalIsoFromStored(row.submitted_at),
      decidedAt: optionalIsoFromStored(row.decided_at),
      decidedBy: row.decided_by === null ? null : { id: row.decided_by, name: row.decided_by_name ?? '' },
      comment: row.comment,
    }
  );
}

/** Statuses of several people's weeks at once; weeks without a row are open. Keyed `userId:weekStart`. */
export async function weekStatuses(
  db: Kysely<Schema>,
  organizationId: number,
  weeks: readonly { userId: number; weekStart: string }[],
): Promise<Map<string, TimesheetStatus>> {
  const statuses = new Map<string, TimesheetStatus>();
  if (weeks.length === 0) return statuses;
  const rows = await db
    .selectFrom('timesheets')
    .select(['user_id', 'week_start', 'status'])
    .where('organization_id', '=', organizationId)
    .where('user_id', 'in', [...new Set(weeks.map((week) => week.userId))])
    .where('week_start', 'in', [...new Set(weeks.map((week) => week.weekStart))])
    .execute();
  for (const row of rows) statuses.set(`${row.user_id}:${row.week_start}`, asStatus(row.status));
  return statuses;
}

export async function saveTimesheet(
  db: Kysely<Schema>,
  sheet: {
    organizationId: number;
    userId: number;
    weekStart: string;
    status: TimesheetStatus;
    submittedAt: Date | null;
    decidedAt: Date | null;
    decidedBy: number | null;
    comment: string | null;
  },
  now: Date,
): Promise<void> {
  const values = {
    status: sheet.status,
    submitted_at: sheet.submittedAt && toStored(sheet.submittedAt),
    decided_at: sheet.decidedAt && toStored(sheet.decidedAt),
    decided_by: sheet.decidedBy,
    comment: sheet.comment,
    updated_at: toStored(now),
  };
  await db
    .insertInto('timesheets')
    .values({ organization_id: sheet.organizationId, user_id: sheet.userId, week_start: sheet.weekStart, ...values })
    .onConflict((conflict) => conflict.columns(['organization_id', 'user_id', 'week_start']).doUpdateSet(values))
    .execute();
}

export interface SubmittedWeek {
  userId: number;
  userName: string;
  capacityMinutes: number;
  weekStart: string;
  submittedAt: string;
}

/** Weeks waiting for approval in the organization, oldest first. */
export async function listSubmitted(db: Kysely<Schema>, organizationId: number): Promise<SubmittedWeek[]> {
  const rows = await db
    .selectFrom('timesheets as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('memberships as m', (join) => join.onRef('m.user_id', '=', 's.user_id').onRef('m.organization_id', '=', 's.organization_id'))
    .select(['s.user_id', 'u.name', 'm.capacity_minutes', 's.week_start', 's.submitted_at'])
    .where('s.organization_id', '=', organizationId)
    .where('s.status', '=', 'submitted')
    .orderBy('s.week_start')
    .orderBy('s.submitted_at')
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    userName: row.name,
    capacityMinutes: row.capacity_minutes,
    weekStart: row.week_start,
    submittedAt: row.submitted_at === null ? '' : isoFromStored(row.submitted_at),
  }));
}
