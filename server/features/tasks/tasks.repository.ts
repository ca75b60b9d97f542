/**
 * Tasks in SQL, both engines. One statement loads a task with its project key, review rule, the
 * caller's project role, collaborators and blockers, so reading a task costs one round trip.
 */
import { type CompiledQuery, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { isOverdue } from '../../../shared/deadline.js';
import type { ProjectRole } from '../../../shared/projects.js';
import type { HistoryEntry, Task, TaskSummary, WaitingOn } from '../../../shared/tasks.js';
import { CLOSED_STATUSES, isOpen, OPEN_STATUSES, type TaskStatus } from '../../../shared/workflow.js';
import type { Engine } from '../../db/database.js';
import { fromStored, fromStoredBool, isoFromStored, toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';

/**
 * Open tasks as a literal condition, so the planners can use the partial indexes over open tasks
 * (a bound parameter list cannot prove the index's condition).
 */
const OPEN_LITERAL = sql<SqlBool>`t.status in (${sql.join(OPEN_STATUSES.map((status) => sql.lit(status)))})`;

/** A task as the services work with it. */
export interface TaskRecord {
  id: number;
  organizationId: number;
  projectId: number;
  projectKey: string;
  reviewRequired: boolean;
  projectState: string;
  number: number;
  title: string;
  description: string;
  status: TaskStatus;
  captainId: number | null;
  collaboratorIds: number[];
  createdById: number;
  milestoneId: number | null;
  parentId: number | null;
  deadline: string | null;
  deadlineAt: Date | null;
  estimateMinutes: number | null;
  trackedMinutes: number;
  activityType: string | null;
  labels: string[];
  reason: string | null;
  waitingOn: WaitingOn | null;
  waitingSince: Date | null;
  feedback: string | null;
  blockedByIds: number[];
  queueRank: string;
  projectRank: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  statusChangedAt: Date;
  closedAt: Date | null;
  /** The caller's role in the task's project, when they are a member. */
  projectRole: ProjectRole | null;
}

/** Comma-joined ids from a subquery, in either dialect. */
function joinedIds(engine: Engine, column: RawBuilder<unknown>, from: RawBuilder<unknown>): RawBuilder<string | null> {
  return engine === 'postgres'
    ? sql<string | null>`(select string_agg(${column}::text, ',') from ${from})`
    : sql<string | null>`(select group_concat(${column}) from ${from})`;
}

function ids(joined: string | null): number[] {
  return joined
    ? joined
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : [];
}

export function taskQuery(db: Kysely<Schema>, engine: Engine, organizationId: number, userId: number) {
  return db
    .selectFrom('tasks as t')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .selectAll('t')
    .select([
      'p.key as project_key',
      'p.review_required',
      'p.state as project_state',
      (eb) =>
        eb
          .selectFrom('project_members as pm')
          .select('pm.role')
          .whereRef('pm.project_id', '=', 't.project_id')
          .where('pm.user_id', '=', userId)
          .as('my_role'),
      joinedIds(engine, sql.ref('c.user_id'), sql`task_collaborators c where c.task_id = t.id`).as('collaborator_ids'),
      joinedIds(engine, sql.ref('d.blocked_by_id'), sql`task_dependencies d where d.task_id = t.id`).as('blocker_ids'),
    ])
    .where('t.organization_id', '=', organizationId);
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>>;

export function toTaskRecord(row: TaskRow): TaskRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    projectId: row.project_id,
    projectKey: row.project_key,
    reviewRequired: fromStoredBool(row.review_required),
    projectState: row.project_state,
    number: row.number,
    title: row.title,
    description: row.description,
    status: row.status as TaskStatus,
    captainId: row.captain_id,
    collaboratorIds: ids(row.collaborator_ids),
    createdById: row.created_by,
    milestoneId: row.milestone_id,
    parentId: row.parent_id,
    deadline: row.deadline,
    deadlineAt: row.deadline_at === null ? null : fromStored(row.deadline_at),
    estimateMinutes: row.estimate_minutes,
    trackedMinutes: row.tracked_minutes,
    activityType: row.activity_type,
    labels: row.labels ? row.labels.split(',') : [],
    reason: row.reason,
    waitingOn:
      row.waiting_on_user_id !== null
        ? { userId: row.waiting_on_user_id }
        : row.waiting_on_external !== null
          ? { external: row.waiting_on_external }
          : null,
    waitingSince: row.waiting_since === null ? null : fromStored(row.waiting_since),
    feedback: row.feedback,
    blockedByIds: ids(row.blocker_ids),
    queueRank: row.queue_rank,
    projectRank: row.project_rank,
    version: row.version,
    createdAt: fromStored(row.created_at),
    updatedAt: fromStored(row.updated_at),
    statusChangedAt: fromStored(row.status_changed_at),
    closedAt: row.closed_at === null ? null : fromStored(row.closed_at),
    projectRole: (row.my_role as ProjectRole | null) ?? null,
  };
}

/** The response shape of a task. */
export function presentTask(task: TaskRecord, now: Date): Task {
  return {
    id: task.id,
    reference: `${task.projectKey}-${task.number}`,
    projectId: task.projectId,
    title: task.title,
    description: task.description,
    status: task.status,
    captainId: task.captainId,
    collaboratorIds: task.collaboratorIds,
    createdById: task.createdById,
    milestoneId: task.milestoneId,
    parentId: task.parentId,
    deadline: task.deadline,
    deadlineAt: task.deadlineAt?.toISOString() ?? null,
    isOverdue: isOverdue(task, now),
    estimateMinutes: task.estimateMinutes,
    trackedMinutes: task.trackedMinutes,
    activityType: task.activityType,
    labels: task.labels,
    reason: task.reason,
    waitingOn: task.waitingOn,
    waitingSince: task.waitingSince?.toISOString() ?? null,
    feedback: task.feedback,
    blockedByIds: task.blockedByIds,
    version: task.version,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    statusChangedAt: task.statusChangedAt.toISOString(),
    closedAt: task.closedAt?.toISOString() ?? null,
  };
}

export function presentSummary(task: TaskRecord, now: Date, highlight?: string): TaskSummary {
  const { description: _description, ...summary } = presentTask(task, now);
  return highlight === undefined ? summary : { ...summary, highlight };
}

type Slot = 'organization' | 'user' | 'task';

/** findTask's statement, compiled once per engine: building a query costs ~0.1 ms, more than SQLite takes to run it. */
const findTaskStatements = new Map<Engine, { query: CompiledQuery<TaskRow>; slots: Slot[] }>();

export async function findTask(
  db: Kysely<Schema>,
  engine: Engine,
  organizationId: number,
  taskId: number,
  userId: number,
): Promise<TaskRecord | undefined> {
  let statement = findTaskStatements.get(engine);
  if (!statement) {
    // Distinct placeholder values tell which parameter is which, in whatever order the SQL has them.
    const query = taskQuery(db, engine, -1, -2).where('t.id', '=', -3).compile();
    const slots = query.parameters.map((value): Slot => {
      if (value === -1) return 'organization';
      if (value === -2) return 'user';
      if (value === -3) return 'task';
      throw new Error(`findTask: unexpected parameter ${String(value)}`);
    });
    statement = { query, slots };
    findTaskStatements.set(engine, statement);
  }
  const values: Record<Slot, number> = { organization: organizationId, user: userId, task: taskId };
  const { rows } = await db.executeQuery<TaskRow>({ ...statement.query, parameters: statement.slots.map((slot) => values[slot]) });
  const row = rows[0];
  return row && toTaskRecord(row);
}

export interface NewTask {
  organizationId: number;
  projectId: number;
  number: number;
  title: string;
  description: string;
  captainId: number | null;
  createdById: number;
  milestoneId: number | null;
  parentId: number | null;
  deadline: string | null;
  deadlineAt: Date | null;
  estimateMinutes: number | null;
  activityType: string | null;
  labels: string[];
  queueRank: string;
  projectRank: string;
}

export async function insertTask(db: Kysely<Schema>, task: NewTask, now: Date): Promise<number> {
  const row = await db
    .insertInto('tasks')
    .values({
      organization_id: task.organizationId,
      project_id: task.projectId,
      number: task.number,
      title: task.title,
      description: task.description,
      status: 'planned',
      captain_id: task.captainId,
      created_by: task.createdById,
      milestone_id: task.milestoneId,
      parent_id: task.parentId,
      deadline: task.deadline,
      deadline_at: task.deadlineAt && toStored(task.deadlineAt),
      estimate_minutes: task.estimateMinutes,
      activity_type: task.activityType,
      labels: task.labels.join(','),
      queue_rank: task.queueRank,
      project_rank: task.projectRank,
      created_at: toStored(now),
      updated_at: toStored(now),
      status_changed_at: toStored(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Column changes of one task; `waitingOn` expands to its two columns. */
export interface TaskChanges {
  title?: string;
  description?: string;
  status?: TaskStatus;
  captainId?: number | null;
  milestoneId?: number | null;
  parentId?: number | null;
  deadline?: string | null;
  deadlineAt?: Date | null;
  estimateMinutes?: number | null;
  activityType?: string | null;
  labels?: string[];
  reason?: string | null;
  waitingOn?: WaitingOn | null;
  waitingSince?: Date | null;
  feedback?: string | null;
  queueRank?: string;
  statusChangedAt?: Date;
  closedAt?: Date | null;
}

/**
 * Writes the changes and bumps the version, only if the version is still `expectedVersion`;
 * false when someone else changed the task first.
 */
export async function updateTask(
  db: Kysely<Schema>,
  taskId: number,
  expectedVersion: number,
  changes: TaskChanges,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('tasks')
    .set({
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.captainId !== undefined && { captain_id: changes.captainId }),
      ...(changes.milestoneId !== undefined && { milestone_id: changes.milestoneId }),
      ...(changes.parentId !== undefined && { parent_id: changes.parentId }),
      ...(changes.deadline !== undefined && { deadline: changes.deadline }),
      ...(changes.deadlineAt !== undefined && { deadline_at: changes.deadlineAt && toStored(changes.deadlineAt) }),
      ...(changes.estimateMinutes !== undefined && { estimate_minutes: changes.estimateMinutes }),
      ...(changes.activityType !== undefined && { activity_type: changes.activityType }),
      ...(changes.labels !== undefined && { labels: changes.labels.join(',') }),
      ...(changes.reason !== undefined && { reason: changes.reason }),
      ...(changes.waitingOn !== undefined && {
        waiting_on_user_id: changes.waitingOn && 'userId' in changes.waitingOn ? changes.waitingOn.userId : null,
        waiting_on_external: changes.waitingOn && 'external' in changes.waitingOn ? changes.waitingOn.external : null,
      }),
      ...(changes.waitingSince !== undefined && { waiting_since: changes.waitingSince && toStored(changes.waitingSince) }),
      ...(changes.feedback !== undefined && { feedback: changes.feedback }),
      ...(changes.queueRank !== undefined && { queue_rank: changes.queueRank }),
      ...(changes.statusChangedAt !== undefined && { status_changed_at: toStored(changes.statusChangedAt) }),
      ...(changes.closedAt !== undefined && { closed_at: changes.closedAt && toStored(changes.closedAt) }),
      version: sql`version + 1`,
      updated_at: toStored(now),
    })
    .where('id', '=', taskId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Moves a task in its captain's queue or its project's backlog: one row, no version bump. */
export async function setRank(db: Kysely<Schema>, taskId: number, list: 'queue' | 'project', rank: string): Promise<void> {
  await db
    .updateTable('tasks')
    .set(list === 'queue' ? { queue_rank: rank } : { project_rank: rank })
    .where('id', '=', taskId)
    .execute();
}

/** The last rank of a captain's queue or a project's backlog. */
export async function lastRank(db: Kysely<Schema>, list: 'queue' | 'project', ownerId: number): Promise<string | null> {
  const column = list === 'queue' ? 'queue_rank' : 'project_rank';
  const row = await db
    .selectFrom('tasks')
    .select(column)
    .where(list === 'queue' ? 'captain_id' : 'project_id', '=', ownerId)
    .orderBy(column, 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (row as Record<string, string>)[column]! : null;
}

/** The rank just before or after `rank` in a list, skipping the task being moved. */
export async function neighbourRank(
  db: Kysely<Schema>,
  list: 'queue' | 'project',
  ownerId: number,
  rank: string,
  direction: 'before' | 'after',
  excludeTaskId: number,
): Promise<string | null> {
  const column = list === 'queue' ? 'queue_rank' : 'project_rank';
  const row = await db
    .selectFrom('tasks')
    .select(column)
    .where(list === 'queue' ? 'captain_id' : 'project_id', '=', ownerId)
    .where(column, direction === 'before' ? '<' : '>', rank)
    .where('id', '!=', excludeTaskId)
    .orderBy(column, direction === 'before' ? 'desc' : 'asc')
    .limit(1)
    .executeTakeFirst();
  return row ? (row as Record<string, string>)[column]! : null;
}

export async function replaceCollaborators(db: Kysely<Schema>, taskId: number, userIds: readonly number[]): Promise<void> {
  await db.deleteFrom('task_collaborators').where('task_id', '=', taskId).execute();
  if (userIds.length > 0) {
    await db
      .insertInto('task_collaborators')
      .values(userIds.map((userId) => ({ task_id: taskId, user_id: userId })))
      .execute();
  }
}

export async function replaceLabels(db: Kysely<Schema>, organizationId: number, taskId: number, labels: readonly string[]): Promise<void> {
  await db.deleteFrom('task_labels').where('task_id', '=', taskId).execute();
  if (labels.length > 0) {
    await db
      .insertInto('task_labels')
      .values(labels.map((label) => ({ task_id: taskId, organization_id: organizationId, label })))
      .execute();
  }
}

export async function insertEvent(
  db: Kysely<Schema>,
  event: { organizationId: number; taskId: number; actorId: number | null; kind: HistoryEntry['kind']; data: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await db
    .insertInto('task_events')
    .values({
      organization_id: event.organizationId,
      task_id: event.taskId,
      actor_id: event.actorId,
      kind: event.kind,
      data: JSON.stringify(event.data),
      created_at: toStored(now),
    })
    .execute();
}

export async function listEvents(db: Kysely<Schema>, taskId: number): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('task_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.task_id', 'e.actor_id', 'u.name', 'e.kind', 'e.data', 'e.created_at'])
    .where('e.task_id', '=', taskId)
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    taskId: row.task_id,
    actorId: row.actor_id,
    actorName: row.name,
    kind: row.kind as HistoryEntry['kind'],
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: isoFromStored(row.created_at),
  }));
}

/** Tasks of the organization by id, with their project key and status (blockers, parents). */
export async function findTaskRefs(
  db: Kysely<Schema>,
  organizationId: number,
  taskIds: readonly number[],
): Promise<Map<number, { id: number; projectId: number; reference: string; status: TaskStatus }>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tasks as t')
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select(['t.id', 't.project_id', 't.number', 't.status', 'p.key'])
    .where('t.organization_id', '=', organizationId)
    .where('t.id', 'in', [...taskIds])
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, projectId: row.project_id, reference: `${row.key}-${row.number}`, status: row.status as TaskStatus },
    ]),
  );
}

/** True when `blockedById` already depends (directly or through others) on `taskId`: adding the edge would close a cycle. */
export async function wouldCycle(db: Kysely<Schema>, taskId: number, blockedById: number): Promise<boolean> {
  if (taskId === blockedById) return true;
  const result = await sql<{ found: number }>`
    with recursive chain(id) as (
      select blocked_by_id from task_dependencies where task_id = ${blockedById}
      union
      select d.blocked_by_id from task_dependencies d join chain c on d.task_id = c.id
    )
    select 1 as found from chain where id = ${taskId} limit 1`.execute(db);
  return result.rows.length > 0;
}

/** True when `parentId` is `taskId` or one of its descendants. */
export async function isDescendantOrSelf(db: Kysely<Schema>, taskId: number, parentId: number): Promise<boolean> {
  if (taskId === parentId) return true;
  const result = await sql<{ found: number }>`
    with recursive ancestors(id) as (
      select parent_id from tasks where id = ${parentId}
      union
      select t.parent_id from tasks t join ancestors a on t.id = a.id where t.parent_id is not null
    )
    select 1 as found from ancestors where id = ${taskId} limit 1`.execute(db);
  return result.rows.length > 0;
}

export async function insertDependency(db: Kysely<Schema>, organizationId: number, taskId: number, blockedById: number): Promise<boolean> {
  const result = await db
    .insertInto('task_dependencies')
    .values({ task_id: taskId, blocked_by_id: blockedById, organization_id: organizationId })
    .onConflict((conflict) => conflict.columns(['task_id', 'blocked_by_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteDependency(db: Kysely<Schema>, taskId: number, blockedById: number): Promise<boolean> {
  const result = await db
    .deleteFrom('task_dependencies')
    .where('task_id', '=', taskId)
    .where('blocked_by_id', '=', blockedById)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Rebuilds a task's search document from its title, description and comments. */
export async function indexTask(db: Kysely<Schema>, engine: Engine, organizationId: number, taskId: number): Promise<void> {
  const task = await db.selectFrom('tasks').select(['title', 'description']).where('id', '=', taskId).executeTakeFirst();
  if (!task) return;
  const comments = await db.selectFrom('comments').select('body').where('task_id', '=', taskId).orderBy('id').execute();
  const document = [task.title, task.description, ...comments.map((comment) => comment.body)].join('\n\n');
  if (engine === 'postgres') {
    await db
      .insertInto('task_search')
      .values({ task_id: taskId, organization_id: organizationId, document })
      .onConflict((conflict) => conflict.column('task_id').doUpdateSet({ document }))
      .execute();
  } else {
    await sql`delete from task_search where rowid = ${taskId}`.execute(db);
    await sql`insert into task_search (rowid, document) values (${taskId}, ${document})`.execute(db);
  }
}

/** Words of a search as an engine's full-text query: every word must match, the last as a prefix. */
export function searchTerms(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
}

export interface ListFilter {
  organizationId: number;
  userId: number;
  /** Owners/admins see every project; others only their projects. */
  allProjects: boolean;
  projectId?: number | undefined;
  captainId?: number | undefined;
  collaboratorId?: number | undefined;
  statuses?: TaskStatus[] | undefined;
  milestoneId?: number | undefined;
  parentId?: number | undefined;
  waitingOnUserId?: number | undefined;
  label?: string | undefined;
  overdue?: boolean | undefined;
  deadlineFrom?: string | undefined;
  deadlineTo?: string | undefined;
  q?: string | undefined;
  sort: 'queue' | 'project' | 'deadline' | 'updated';
  after?: { value: string | null; id: number } | undefined;
  limit: number;
  now: Date;
}

/** One page of tasks matching a filter, with a search highlight when `q` is given. */
export async function listTasks(
  db: Kysely<Schema>,
  engine: Engine,
  filter: ListFilter,
): Promise<{ task: TaskRecord; highlight?: string }[]> {
  let query = taskQuery(db, engine, filter.organizationId, filter.userId);
  // A reference such as WEB-12 finds that task directly.
  const reference = filter.q?.trim().match(/^([A-Za-z][A-Za-z0-9]{1,9})-(\d{1,9})$/);
  if (reference) {
    query = query.where('p.key', '=', reference[1]!.toUpperCase()).where('t.number', '=', Number(reference[2]));
  }
  const terms = filter.q && !reference ? searchTerms(filter.q) : [];
  if (terms.length > 0) {
    if (engine === 'postgres') {
      const tsQuery = terms.map((term, index) => (index === terms.length - 1 ? `${term}:*` : term)).join(' & ');
      query = query
        .innerJoin('task_search as s', 's.task_id', 't.id')
        .where(sql<SqlBool>`s.vector @@ to_tsquery('simple', ${tsQuery})`)
        .select(
          sql<string>`ts_headline('simple', s.document, to_tsquery('simple', ${tsQuery}), 'StartSel=«,StopSel=»,MaxWords=24,MinWords=8,MaxFragments=1')`.as(
            'highlight',
          ),
        );
    } else {
      const match = terms.map((term, index) => `"${term}"${index === terms.length - 1 ? '*' : ''}`).join(' ');
      query = query
        .innerJoin(sql`task_search`.as('s'), (join) => join.on(sql<SqlBool>`s.rowid = t.id`))
        .where(sql<SqlBool>`task_search match ${match}`)
        .select(sql<string>`snippet(task_search, 0, '«', '»', '…', 16)`.as('highlight'));
    }
  }
  if (!filter.allProjects) {
    query = query.where('t.project_id', 'in', (eb) =>
      eb.selectFrom('project_members').select('project_id').where('user_id', '=', filter.userId),
    );
  }
  if (filter.projectId !== undefined) query = query.where('t.project_id', '=', filter.projectId);
  if (filter.captainId !== undefined) query = query.where('t.captain_id', '=', filter.captainId);
  if (filter.collaboratorId !== undefined) {
    const collaboratorId = filter.collaboratorId;
    query = query.where('t.id', 'in', (eb) => eb.selectFrom('task_collaborators').select('task_id').where('user_id', '=', collaboratorId));
  }
  if (filter.statuses && filter.statuses.length > 0) query = query.where('t.status', 'in', filter.statuses);
  if ((filter.statuses && filter.statuses.length > 0 && filter.statuses.every(isOpen)) || filter.overdue === true) {
    query = query.where(OPEN_LITERAL);
  }
  if (filter.milestoneId !== undefined) query = query.where('t.milestone_id', '=', filter.milestoneId);
  if (filter.parentId !== undefined) query = query.where('t.parent_id', '=', filter.parentId);
  if (filter.waitingOnUserId !== undefined) query = query.where('t.waiting_on_user_id', '=', filter.waitingOnUserId);
  if (filter.label !== undefined) {
    const label = filter.label;
    query = query.where('t.id', 'in', (eb) =>
      eb.selectFrom('task_labels').select('task_id').where('organization_id', '=', filter.organizationId).where('label', '=', label),
    );
  }
  if (filter.overdue === true) {
    query = query.where('t.deadline_at', '<=', toStored(filter.now));
  } else if (filter.overdue === false) {
    query = query.where((eb) =>
      eb.or([eb('t.deadline_at', 'is', null), eb('t.deadline_at', '>', toStored(filter.now)), eb('t.status', 'in', CLOSED_STATUSES)]),
    );
  }
  if (filter.deadlineFrom !== undefined) query = query.where(sql<string>`substr(t.deadline, 1, 10)`, '>=', filter.deadlineFrom);
  if (filter.deadlineTo !== undefined) query = query.where(sql<string>`substr(t.deadline, 1, 10)`, '<=', filter.deadlineTo);

  const after = filter.after;
  switch (filter.sort) {
    case 'queue':
    case 'project': {
      const column = filter.sort === 'queue' ? 't.queue_rank' : 't.project_rank';
      if (after) {
        const value = after.value ?? '';
        query = query.where((eb) => eb.or([eb(column, '>', value), eb.and([eb(column, '=', value), eb('t.id', '>', after.id)])]));
      }
      query = query.orderBy(column).orderBy('t.id');
      break;
    }
    case 'deadline': {
      if (after) {
        query = query.where((eb) =>
          after.value === null
            ? eb.and([eb('t.deadline_at', 'is', null), eb('t.id', '>', after.id)])
            : eb.or([
                eb('t.deadline_at', '>', after.value),
                eb.and([eb('t.deadline_at', '=', after.value), eb('t.id', '>', after.id)]),
                eb('t.deadline_at', 'is', null),
              ]),
        );
      }
      // Overdue tasks all have a deadline: without the null-first key the index order is the sort order.
      if (filter.overdue !== true) query = query.orderBy(sql`t.deadline_at is null`);
      query = query.orderBy('t.deadline_at').orderBy('t.id');
      break;
    }
    case 'updated': {
      if (after) {
        const value = after.value ?? '';
        query = query.where((eb) =>
          eb.or([eb('t.updated_at', '<', value), eb.and([eb('t.updated_at', '=', value), eb('t.id', '<', after.id)])]),
        );
      }
      query = query.orderBy('t.updated_at', 'desc').orderBy('t.id', 'desc');
      break;
    }
  }
  const rows = await query.limit(filter.limit).execute();
  return rows.map((row) => {
    const highlight = (row as { highlight?: string }).highlight;
    return highlight === undefined ? { task: toTaskRecord(row) } : { task: toTaskRecord(row), highlight };
  });
}

/** The sort value a cursor continues from. */
export function sortValue(task: TaskRecord, sort: ListFilter['sort']): string | null {
  switch (sort) {
    case 'queue':
      return task.queueRank;
    case 'project':
      return task.projectRank;
    case 'deadline':
      return task.deadlineAt ? toStored(task.deadlineAt) : null;
    case 'updated':
      return toStored(task.updatedAt);
  }
}
