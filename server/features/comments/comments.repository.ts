/** Comments in SQL, both engines. */
import type { Kysely } from 'kysely';
import type { Comment } from '../../../shared/tasks.js';
import { isoFromStored, optionalIsoFromStored, toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';
import type { Mentionable } from './comment.js';

/** A comment as the services work with it. */
export interface CommentRecord {
  id: number;
  organizationId: number;
  taskId: number;
  authorId: number;
  body: string;
}

function commentQuery(db: Kysely<Schema>) {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.task_id', 'c.author_id', 'u.name as author_name', 'c.body', 'c.mentions', 'c.created_at', 'c.edited_at']);
}

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentQuery>['executeTakeFirstOrThrow']>>;

function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    taskId: row.task_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    mentionedUserIds: row.mentions ? row.mentions.split(',').map(Number) : [],
    createdAt: isoFromStored(row.created_at),
    editedAt: optionalIsoFromStored(row.edited_at),
  };
}

export async function listComments(db: Kysely<Schema>, taskId: number): Promise<Comment[]> {
  const rows = await commentQuery(db).where('c.task_id', '=', taskId).orderBy('c.id').execute();
  return rows.map(toComment);
}

export async function getComment(db: Kysely<Schema>, commentId: number): Promise<Comment> {
  return toComment(await commentQuery(db).where('c.id', '=', commentId).executeTakeFirstOrThrow());
}

export async function findComment(db: Kysely<Schema>, organizationId: number, commentId: number): Promise<CommentRecord | undefined> {
  const row = await db
    .selectFrom('comments')
    .select(['id', 'organization_id', 'task_id', 'author_id', 'body'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', commentId)
    .executeTakeFirst();
  return row && { id: row.id, organizationId: row.organization_id, taskId: row.task_id, authorId: row.author_id, body: row.body };
}

export async function insertComment(
  db: Kysely<Schema>,
  comment: { organizationId: number; taskId: number; authorId: number; body: string; mentions: readonly number[] },
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('comments')
    .values({
      organization_id: comment.organizationId,
      task_id: comment.taskId,
      author_id: comment.authorId,
      body: comment.body,
      mentions: comment.mentions.join(','),
      created_at: toStored(now),
      edited_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateComment(
  db: Kysely<Schema>,
  commentId: number,
  body: string,
  mentions: readonly number[],
  now: Date,
): Promise<void> {
  await db
    .updateTable('comments')
    .set({ body, mentions: mentions.join(','), edited_at: toStored(now) })
    .where('id', '=', commentId)
    .execute();
}

export async function deleteComment(db: Kysely<Schema>, commentId: number): Promise<void> {
  await db.deleteFrom('comments').where('id', '=', commentId).execute();
}

/** Active members of a project, who comments on its tasks may mention. */
export async function listMentionable(db: Kysely<Schema>, projectId: number): Promise<Mentionable[]> {
  return db
    .selectFrom('project_members as pm')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.user_id', '=', 'pm.user_id').onRef('m.organization_id', '=', 'pm.organization_id'),
    )
    .innerJoin('users as u', 'u.id', 'pm.user_id')
    .select(['u.id', 'u.name', 'u.email'])
    .where('pm.project_id', '=', projectId)
    .where('m.active', '=', true)
    .execute();
}
