/** Milestones of a project, with their progress counted from the tasks on them. */
import type { Kysely } from 'kysely';
import { CLOSED_STATUSES } from '../../../shared/workflow.js';
import type { Milestone } from '../../../shared/projects.js';
import { isoFromStored, toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';

export async function listMilestones(db: Kysely<Schema>, projectId: number): Promise<Milestone[]> {
  const rows = await db
    .selectFrom('milestones as ms')
    .select([
      'ms.id',
      'ms.project_id',
      'ms.title',
      'ms.due_date',
      'ms.deliverables',
      'ms.position',
      'ms.created_at',
      (eb) =>
        eb
          .selectFrom('tasks as t')
          .select((inner) => inner.fn.countAll<number>().as('c'))
          .whereRef('t.milestone_id', '=', 'ms.id')
          .as('total'),
      (eb) =>
        eb
          .selectFrom('tasks as t')
          .select((inner) => inner.fn.countAll<number>().as('c'))
          .whereRef('t.milestone_id', '=', 'ms.id')
          .where('t.status', 'in', CLOSED_STATUSES)
          .as('closed'),
    ])
    .where('ms.project_id', '=', projectId)
    .orderBy('ms.position')
    .orderBy('ms.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    title: row.title,
    dueDate: row.due_date,
    deliverables: row.deliverables,
    position: row.position,
    progress: { closed: Number(row.closed ?? 0), total: Number(row.total ?? 0) },
    createdAt: isoFromStored(row.created_at),
  }));
}

export async function findMilestone(
  db: Kysely<Schema>,
  organizationId: number,
  milestoneId: number,
): Promise<{ id: number; projectId: number } | undefined> {
  const row = await db
    .selectFrom('milestones')
    .select(['id', 'project_id'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', milestoneId)
    .executeTakeFirst();
  return row && { id: row.id, projectId: row.project_id };
}

export async function insertMilestone(
  db: Kysely<Schema>,
  milestone: { organizationId: number; projectId: number; title: string; dueDate: string | null; deliverables: string },
  now: Date,
): Promise<number> {
  const last = await db
    .selectFrom('milestones')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('project_id', '=', milestone.projectId)
    .executeTakeFirst();
  const row = await db
    .insertInto('milestones')
    .values({
      organization_id: milestone.organizationId,
      project_id: milestone.projectId,
      title: milestone.title,
      due_date: milestone.dueDate,
      deliverables: milestone.deliverables,
      position: last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1,
      created_at: toStored(now),
      updated_at: toStored(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMilestone(
  db: Kysely<Schema>,
  milestoneId: number,
  changes: {
    title?: string | undefined;
    dueDate?: string | null | undefined;
    deliverables?: string | undefined;
    position?: number | undefined;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable('milestones')
    .set({
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.dueDate !== undefined && { due_date: changes.dueDate }),
      ...(changes.deliverables !== undefined && { deliverables: changes.deliverables }),
      ...(changes.position !== undefined && { position: changes.position }),
      updated_at: toStored(now),
    })
    .where('id', '=', milestoneId)
    .execute();
}

export async function deleteMilestone(db: Kysely<Schema>, milestoneId: number): Promise<void> {
  await db.deleteFrom('milestones').where('id', '=', milestoneId).execute();
}
