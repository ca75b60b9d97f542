/**
 * SQL of time reports and exports, the same for SQLite and PostgreSQL. Statements are compiled here and
 * run by `deps.reader` (a worker thread on SQLite, the pool on PostgreSQL), so long aggregates never hold
 * up the server's event loop. Each breakdown groups the entries first and joins names afterwards, so
 * names are looked up once per group rather than once per entry.
 */
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { TimesheetStatus } from '../../../shared/time.js';
import type { Reader } from '../../db/read-worker.js';
import { fromStoredBool } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';
import { entryInScope, type TimeScope } from '../time/time-scope.js';
import { type PersonSums, REPORT_TASK_LIMIT, type ReportSums } from './report.js';

export interface ReportFilter {
  from: string;
  to: string;
  userIds?: readonly number[] | undefined;
  projectIds?: readonly number[] | undefined;
  clientIds?: readonly number[] | undefined;
  activityTypeIds?: readonly number[] | undefined;
  billable?: boolean | undefined;
}

/** The entries a report or export covers: the caller's scope, the period and the filters. */
function filteredEntries(db: Kysely<Schema>, scope: TimeScope, filter: ReportFilter) {
  let query = db
    .selectFrom('time_entries as e')
    .where(entryInScope(scope))
    .where('e.date', '>=', filter.from)
    .where('e.date', '<=', filter.to);
  if (filter.userIds) query = query.where('e.user_id', 'in', [...filter.userIds]);
  if (filter.projectIds) query = query.where('e.project_id', 'in', [...filter.projectIds]);
  if (filter.clientIds) {
    const clientIds = [...filter.clientIds];
    query = query.where('e.project_id', 'in', (eb) =>
      eb
        .selectFrom('projects')
        .select('projects.id')
        .where('projects.organization_id', '=', scope.organizationId)
        .where('projects.client_id', 'in', clientIds),
    );
  }
  if (filter.activityTypeIds) query = query.where('e.activity_type_id', 'in', [...filter.activityTypeIds]);
  if (filter.billable !== undefined) query = query.where('e.billable', '=', filter.billable);
  return query;
}

const minutes = sql<number>`sum(e.minutes)`.as('minutes');
// billable is boolean on PostgreSQL and 0/1 on SQLite; both read as a condition.
const billableMinutes = sql<number>`sum(case when e.billable then e.minutes else 0 end)`.as('billable_minutes');

/** The report's statements: sums per day, activity, project, person and the top tasks. */
export function reportStatements(db: Kysely<Schema>, scope: TimeScope, filter: ReportFilter) {
  const entries = () => filteredEntries(db, scope, filter);
  const days = entries()
    .select(['e.date', minutes, billableMinutes, (eb) => eb.fn.countAll<number>().as('entry_count')])
    .groupBy('e.date')
    .compile();
  const activities = db
    .selectFrom(entries().select(['e.activity_type_id', minutes, billableMinutes]).groupBy('e.activity_type_id').as('g'))
    .leftJoin('activity_types as a', 'a.id', 'g.activity_type_id')
    .select(['g.activity_type_id', 'a.name', 'a.color', 'g.minutes', 'g.billable_minutes'])
    .compile();
  const projects = db
    .selectFrom(entries().select(['e.project_id', minutes, billableMinutes]).groupBy('e.project_id').as('g'))
    .innerJoin('projects as p', 'p.id', 'g.project_id')
    .leftJoin('clients as c', 'c.id', 'p.client_id')
    .select(['g.project_id', 'p.key', 'p.name', 'p.client_id', 'c.name as client_name', 'g.minutes', 'g.billable_minutes'])
    .compile();
  const people = db
    .selectFrom(entries().select(['e.user_id', minutes, billableMinutes]).groupBy('e.user_id').as('g'))
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .leftJoin('memberships as m', (join) => join.onRef('m.user_id', '=', 'g.user_id').on('m.organization_id', '=', scope.organizationId))
    .select(['g.user_id', 'u.name', 'm.capacity_minutes', 'g.minutes', 'g.billable_minutes'])
    .compile();
  const tasks = db
    .selectFrom(
      entries()
        .select(['e.task_id', minutes, billableMinutes])
        .groupBy('e.task_id')
        .orderBy(sql`sum(e.minutes)`, 'desc')
        .orderBy('e.task_id')
        .limit(REPORT_TASK_LIMIT)
        .as('g'),
    )
    .innerJoin('tasks as t', 't.id', 'g.task_id')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select([
      'g.task_id',
      'p.key',
      't.number',
      't.title',
      't.project_id',
      't.estimate_minutes',
      't.tracked_minutes',
      'g.minutes',
      'g.billable_minutes',
    ])
    .compile();
  return [days, activities, projects, people, tasks] as const;
}

/**
 * The people a report names even without entries: those filtered for, when the caller may see their
 * time at all (themselves, or members of projects they manage). Client accounts never track time.
 */
function filteredPeopleStatement(db: Kysely<Schema>, scope: TimeScope, userIds: readonly number[]) {
  let query = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.name', 'm.capacity_minutes'])
    .where('m.organization_id', '=', scope.organizationId)
    .where('m.user_id', 'in', [...userIds])
    .where('m.role', '!=', 'client');
  if (scope.kind === 'limited') {
    const managed = [...scope.managedProjectIds];
    query = query.where((eb) =>
      eb.or([
        eb('m.user_id', '=', scope.userId),
        ...(managed.length > 0
          ? [eb('m.user_id', 'in', eb.selectFrom('project_members as pm').select('pm.user_id').where('pm.project_id', 'in', managed))]
          : []),
      ]),
    );
  }
  return query.compile();
}

/** The grouped sums of a report, read in one snapshot. */
export async function readReportSums(
  db: Kysely<Schema>,
  reader: Reader,
  scope: TimeScope,
  filter: ReportFilter,
  workingDays: readonly number[],
): Promise<ReportSums> {
  const statements = reportStatements(db, scope, filter);
  const filtered = filter.userIds ? filteredPeopleStatement(db, scope, filter.userIds) : undefined;
  const [days, activities, projects, people, tasks, extraPeople = []] = await reader.read(
    filtered ? [...statements, filtered] : statements,
  );
  const persons: PersonSums[] = people.map((row) => ({
    userId: row.user_id,
    name: row.name,
    weeklyCapacityMinutes: row.capacity_minutes ?? 0,
    minutes: Number(row.minutes),
    billableMinutes: Number(row.billable_minutes),
  }));
  const present = new Set(persons.map((person) => person.userId));
  for (const row of extraPeople as { user_id: number; name: string; capacity_minutes: number }[]) {
    if (!present.has(row.user_id))
      persons.push({ userId: row.user_id, name: row.name, weeklyCapacityMinutes: row.capacity_minutes, minutes: 0, billableMinutes: 0 });
  }
  return {
    from: filter.from,
    to: filter.to,
    workingDays,
    days: days.map((row) => ({
      date: row.date,
      minutes: Number(row.minutes),
      billableMinutes: Number(row.billable_minutes),
      entryCount: Number(row.entry_count),
    })),
    activities: activities.map((row) => ({
      activityTypeId: row.activity_type_id,
      name: row.name,
      color: row.color,
      minutes: Number(row.minutes),
      billableMinutes: Number(row.billable_minutes),
    })),
    projects: projects.map((row) => ({
      projectId: row.project_id,
      key: row.key,
      name: row.name,
      clientId: row.client_id,
      clientName: row.client_name,
      minutes: Number(row.minutes),
      billableMinutes: Number(row.billable_minutes),
    })),
    people: persons,
    tasks: tasks.map((row) => ({
      taskId: row.task_id,
      reference: `${row.key}-${row.number}`,
      title: row.title,
      projectId: row.project_id,
      estimateMinutes: row.estimate_minutes,
      trackedMinutes: row.tracked_minutes,
      minutes: Number(row.minutes),
      billableMinutes: Number(row.billable_minutes),
    })),
  };
}

// ——— Export ———

/** Where the next export batch starts: after this entry in (date, user_id, id) order. */
export interface ExportCursor {
  date: string;
  userId: number;
  id: number;
}

export interface ExportRow {
  id: number;
  date: string;
  userId: number;
  person: string;
  client: string | null;
  project: string;
  taskReference: string;
  taskTitle: string;
  activity: string | null;
  minutes: number;
  billable: boolean;
  note: string;
  approval: TimesheetStatus;
}

/**
 * One batch of the export, in (date, person, id) order, starting after `after`. The batch is chosen
 * from the entries alone and joined afterwards: the sort within a date reads that date's entries, and
 * names are looked up only for the rows sent.
 */
export function exportBatchStatement(
  db: Kysely<Schema>,
  scope: TimeScope,
  filter: ReportFilter,
  after: ExportCursor | undefined,
  limit: number,
) {
  let page = filteredEntries(db, scope, filter);
  if (after) {
    page = page
      // The plain date bound lets the (…, date) indexes start at the cursor; the row value orders within the date.
      .where('e.date', '>=', after.date)
      .where((eb) => eb(eb.refTuple('e.date', 'e.user_id', 'e.id'), '>', eb.tuple(after.date, after.userId, after.id)));
  }
  const entries = page
    .select([
      'e.id',
      'e.organization_id',
      'e.date',
      'e.week_start',
      'e.user_id',
      'e.task_id',
      'e.project_id',
      'e.activity_type_id',
      'e.minutes',
      'e.billable',
      'e.note',
    ])
    .orderBy('e.date')
    .orderBy('e.user_id')
    .orderBy('e.id')
    .limit(limit);
  return db
    .selectFrom(entries.as('e'))
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .innerJoin('projects as p', 'p.id', 'e.project_id')
    .leftJoin('clients as c', 'c.id', 'p.client_id')
    .leftJoin('activity_types as a', 'a.id', 'e.activity_type_id')
    .leftJoin('timesheets as s', (join) =>
      join
        .onRef('s.organization_id', '=', 'e.organization_id')
        .onRef('s.user_id', '=', 'e.user_id')
        .onRef('s.week_start', '=', 'e.week_start'),
    )
    .select([
      'e.id',
      'e.date',
      'e.user_id',
      'u.name as person',
      'c.name as client',
      'p.name as project',
      'p.key',
      't.number',
      't.title',
      'a.name as activity',
      'e.minutes',
      'e.billable',
      'e.note',
      's.status',
    ])
    .orderBy('e.date')
    .orderBy('e.user_id')
    .orderBy('e.id')
    .compile();
}

type ExportStatementRow = ReturnType<typeof exportBatchStatement> extends CompiledQuery<infer Row> ? Row : never;

/** Reads one export batch. */
export async function readExportBatch(
  db: Kysely<Schema>,
  reader: Reader,
  scope: TimeScope,
  filter: ReportFilter,
  after: ExportCursor | undefined,
  limit: number,
): Promise<ExportRow[]> {
  const [rows] = await reader.read([exportBatchStatement(db, scope, filter, after, limit)]);
  return rows.map((row: ExportStatementRow) => ({
    id: row.id,
    date: row.date,
    userId: row.user_id,
    person: row.person,
    client: row.client,
    project: row.project,
    taskReference: `${row.key}-${row.number}`,
    taskTitle: row.title,
    activity: row.activity,
    minutes: row.minutes,
    billable: fromStoredBool(row.billable),
    note: row.note,
    approval: (row.status ?? 'open') as TimesheetStatus,
  }));
}
