/** Projects and their members. */
import { type Kysely, sql } from 'kysely';
import type { Project, ProjectMember, ProjectRole, ProjectState } from '../../../shared/projects.js';
import { OPEN_STATUSES } from '../../../shared/workflow.js';
import { fromStoredBool, isoFromStored, toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';

export interface ProjectRecord extends Omit<Project, 'members' | 'myRole' | 'openTaskCount'> {
  organizationId: number;
}

type ProjectRow = {
  id: number;
  organization_id: number;
  client_id: number | null;
  key: string;
  name: string;
  description: string;
  start_date: string | null;
  end_date: string | null;
  state: string;
  review_required: boolean | number;
  billable: boolean | number;
  created_at: Date | string;
  updated_at: Date | string;
};

function toProject(row: ProjectRow): ProjectRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    clientId: row.client_id,
    key: row.key,
    name: row.name,
    description: row.description,
    startDate: row.start_date,
    endDate: row.end_date,
    state: row.state as ProjectState,
    reviewRequired: fromStoredBool(row.review_required),
    billable: fromStoredBool(row.billable),
    createdAt: isoFromStored(row.created_at),
    updatedAt: isoFromStored(row.updated_at),
  };
}

const PROJECT_COLUMNS = [
  'p.id',
  'p.organization_id',
  'p.client_id',
  'p.key',
  'p.name',
  'p.description',
  'p.start_date',
  'p.end_date',
  'p.state',
  'p.review_required',
  'p.billable',
  'p.created_at',
  'p.updated_at',
] as const;

/** The project and the caller's role in it (null when not a member), scoped to the organization. */
export async function findProject(
  db: Kysely<Schema>,
  organizationId: number,
  projectId: number,
  userId: number,
): Promise<{ project: ProjectRecord; role: ProjectRole | null } | undefined> {
  const row = await db
    .selectFrom('projects as p')
    .leftJoin('project_members as pm', (join) => join.onRef('pm.project_id', '=', 'p.id').on('pm.user_id', '=', userId))
    .select([...PROJECT_COLUMNS, 'pm.role as my_role'])
    .where('p.id', '=', projectId)
    .where('p.organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { project: toProject(row), role: (row.my_role as ProjectRole | null) ?? null };
}

/** Projects visible to the caller: all of the organization's for admins, else those they belong to. */
export async function listProjects(
  db: Kysely<Schema>,
  organizationId: number,
  userId: number,
  options: { all: boolean; state?: ProjectState | undefined },
): Promise<{ project: ProjectRecord; role: ProjectRole | null; openTaskCount: number }[]> {
  let query = db
    .selectFrom('projects as p')
    .leftJoin('project_members as pm', (join) => join.onRef('pm.project_id', '=', 'p.id').on('pm.user_id', '=', userId))
    .select([
      ...PROJECT_COLUMNS,
      'pm.role as my_role',
      (eb) =>
        eb
          .selectFrom('tasks as t')
          .select((inner) => inner.fn.countAll<number>().as('count'))
          .whereRef('t.project_id', '=', 'p.id')
          .where('t.status', 'in', OPEN_STATUSES)
          .as('open_task_count'),
    ])
    .where('p.organization_id', '=', organizationId);
  if (!options.all) query = query.where('pm.user_id', 'is not', null);
  if (options.state) query = query.where('p.state', '=', options.state);
  const rows = await query.orderBy('p.name').orderBy('p.id').execute();
  return rows.map((row) => ({
    project: toProject(row),
    role: (row.my_role as ProjectRole | null) ?? null,
    openTaskCount: Number(row.open_task_count ?? 0),
  }));
}

export async function countOpenTasks(db: Kysely<Schema>, projectId: number): Promise<number> {
  const row = await db
    .selectFrom('tasks')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('project_id', '=', projectId)
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findProjectByKey(db: Kysely<Schema>, organizationId: number, key: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('projects')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.id;
}

export async function insertProject(
  db: Kysely<Schema>,
  project: Omit<ProjectRecord, 'id' | 'createdAt' | 'updatedAt'> & { createdBy: number },
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('projects')
    .values({
      organization_id: project.organizationId,
      client_id: project.clientId,
      key: project.key,
      name: project.name,
      description: project.description,
      start_date: project.startDate,
      end_date: project.endDate,
      state: project.state,
      review_required: project.reviewRequired,
      billable: project.billable,
      created_by: project.createdBy,
      created_at: toStored(now),
      updated_at: toStored(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProject(
  db: Kysely<Schema>,
  projectId: number,
  changes: Partial<
    Pick<ProjectRecord, 'name' | 'clientId' | 'description' | 'startDate' | 'endDate' | 'state' | 'reviewRequired' | 'billable'>
  >,
  now: Date,
): Promise<void> {
  await db
    .updateTable('projects')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.clientId !== undefined && { client_id: changes.clientId }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.startDate !== undefined && { start_date: changes.startDate }),
      ...(changes.endDate !== undefined && { end_date: changes.endDate }),
      ...(changes.state !== undefined && { state: changes.state }),
      ...(changes.reviewRequired !== undefined && { review_required: changes.reviewRequired }),
      ...(changes.billable !== undefined && { billable: changes.billable }),
      updated_at: toStored(now),
    })
    .where('id', '=', projectId)
    .execute();
}

/** Reserves the next task number of a project (KEY-n); the row lock serializes concurrent creates. */
export async function takeTaskNumber(db: Kysely<Schema>, projectId: number): Promise<number> {
  const row = await db
    .updateTable('projects')
    .set({ next_task_number: sql`next_task_number + 1` })
    .where('id', '=', projectId)
    .returning('next_task_number')
    .executeTakeFirstOrThrow();
  return row.next_task_number - 1;
}

export async function listMembers(db: Kysely<Schema>, projectIds: readonly number[]): Promise<Map<number, ProjectMember[]>> {
  const members = new Map<number, ProjectMember[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return members;
  const rows = await db
    .selectFrom('project_members as pm')
    .innerJoin('users as u', 'u.id', 'pm.user_id')
    .select(['pm.project_id', 'pm.user_id', 'pm.role', 'u.name'])
    .where('pm.project_id', 'in', projectIds)
    .orderBy('u.name')
    .execute();
  for (const row of rows) {
    members.get(row.project_id)?.push({ userId: row.user_id, name: row.name, role: row.role as ProjectRole });
  }
  return members;
}

export async function upsertMember(
  db: Kysely<Schema>,
  member: { projectId: number; organizationId: number; userId: number; role: ProjectRole },
  now: Date,
): Promise<void> {
  await db
    .insertInto('project_members')
    .values({
      project_id: member.projectId,
      organization_id: member.organizationId,
      user_id: member.userId,
      role: member.role,
      created_at: toStored(now),
    })
    .onConflict((conflict) => conflict.columns(['project_id', 'user_id']).doUpdateSet({ role: member.role }))
    .execute();
}

export async function deleteMember(db: Kysely<Schema>, projectId: number, userId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('project_members')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countManagers(db: Kysely<Schema>, projectId: number): Promise<number> {
  const row = await db
    .selectFrom('project_members')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('project_id', '=', projectId)
    .where('role', '=', 'manager')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Active, non-client members of the organization among `userIds`, with their organization role. */
export async function findActiveMembers(
  db: Kysely<Schema>,
  organizationId: number,
  userIds: readonly number[],
): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships')
    .select(['user_id', 'role'])
    .where('organization_id', '=', organizationId)
    .where('user_id', 'in', [...userIds])
    .where('active', '=', true)
    .execute();
  return new Map(rows.map((row) => [row.user_id, row.role]));
}

/** Project members among `userIds` (for captains, collaborators). */
export async function findProjectMembers(db: Kysely<Schema>, projectId: number, userIds: readonly number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('project_members as pm')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.user_id', '=', 'pm.user_id').onRef('m.organization_id', '=', 'pm.organization_id'),
    )
    .select('pm.user_id')
    .where('pm.project_id', '=', projectId)
    .where('pm.user_id', 'in', [...userIds])
    .where('m.active', '=', true)
    .execute();
  return new Set(rows.map((row) => row.user_id));
}
