/** Comment use cases: list, add, edit and delete a task's comments; each change lands in history and search. */
import type { Kysely } from 'kysely';
import type { Comment, CommentBody } from '../../../shared/tasks.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import { changeWithEvents } from '../../unit-of-work.js';
import type { Actor } from '../auth/actor.js';
import { assertOpen } from '../tasks/task.js';
import * as tasksRepository from '../tasks/tasks.repository.js';
import type { TaskRecord } from '../tasks/tasks.repository.js';
import { loadVisibleTask } from '../tasks/tasks.service.js';
import { excerptOf, findMentions } from './comment.js';
import { assertIsAuthor } from './comment.policy.js';
import * as repository from './comments.repository.js';

export async function listComments(deps: Deps, actor: Actor, taskId: number): Promise<Comment[]> {
  const { db } = deps.database;
  await loadVisibleTask(deps, db, actor, taskId);
  return repository.listComments(db, taskId);
}

async function mentionsIn(db: Kysely<Schema>, task: TaskRecord, body: string): Promise<number[]> {
  return body.includes('@') ? findMentions(body, await repository.listMentionable(db, task.projectId)) : [];
}

/** The comment and its task if the caller may see the task (404 for the comment otherwise). */
async function loadVisibleComment(deps: Deps, db: Kysely<Schema>, actor: Actor, commentId: number) {
  const comment = await repository.findComment(db, actor.organizationId, commentId);
  if (!comment) throw new NotFoundError('This comment');
  const task = await loadVisibleTask(deps, db, actor, comment.taskId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError('This comment') : error;
  });
  return { comment, task };
}

export async function addComment(deps: Deps, actor: Actor, taskId: number, input: CommentBody): Promise<Comment> {
  const { engine } = deps.database;
  return changeWithEvents(deps, actor.organizationId, async (tx, emit, notify) => {
    const task = await loadVisibleTask(deps, tx, actor, taskId);
    assertOpen(task.status);
    const now = deps.clock.now();
    const mentions = await mentionsIn(tx, task, input.body);
    const commentId = await repository.insertComment(
      tx,
      { organizationId: actor.organizationId, taskId: task.id, authorId: actor.userId, body: input.body, mentions },
      now,
    );
    await tasksRepository.insertEvent(
      tx,
      {
        organizationId: actor.organizationId,
        taskId: task.id,
        actorId: actor.userId,
        kind: 'comment_added',
        data: { commentId, excerpt: excerptOf(input.body) },
      },
      now,
    );
    await tasksRepository.indexTask(tx, engine, actor.organizationId, task.id);
    await emit({ type: 'task.commented', projectId: task.projectId, taskId: task.id, actorId: actor.userId, data: { commentId } });
    await notify(task.id, actor.userId, { type: 'commented', commentId, excerpt: excerptOf(input.body), mentionedUserIds: mentions });
    return repository.getComment(tx, commentId);
  });
}

export async function editComment(deps: Deps, actor: Actor, commentId: number, input: CommentBody): Promise<Comment> {
  const { engine } = deps.database;
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const { comment, task } = await loadVisibleComment(deps, tx, actor, commentId);
    assertOpen(task.status);
    assertIsAuthor(actor, comment);
    if (input.body === comment.body) return repository.getComment(tx, comment.id);
    const now = deps.clock.now();
    await repository.updateComment(tx, comment.id, input.body, await mentionsIn(tx, task, input.body), now);
    await tasksRepository.insertEvent(
      tx,
      {
        organizationId: actor.organizationId,
        taskId: task.id,
        actorId: actor.userId,
        kind: 'comment_edited',
        data: { commentId, excerpt: excerptOf(input.body) },
      },
      now,
    );
    await tasksRepository.indexTask(tx, engine, actor.organizationId, task.id);
    await emit({ type: 'task.commented', projectId: task.projectId, taskId: task.id, actorId: actor.userId, data: { commentId } });
    return repository.getComment(tx, comment.id);
  });
}

export async function deleteComment(deps: Deps, actor: Actor, commentId: number): Promise<void> {
  const { engine } = deps.database;
  await changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const { comment, task } = await loadVisibleComment(deps, tx, actor, commentId);
    assertOpen(task.status);
    assertIsAuthor(actor, comment);
    await repository.deleteComment(tx, comment.id);
    // No excerpt: whoever deletes a comment wants its words gone.
    await tasksRepository.insertEvent(
      tx,
      { organizationId: actor.organizationId, taskId: task.id, actorId: actor.userId, kind: 'comment_deleted', data: { commentId } },
      deps.clock.now(),
    );
    await tasksRepository.indexTask(tx, engine, actor.organizationId, task.id);
    await emit({ type: 'task.commented', projectId: task.projectId, taskId: task.id, actorId: actor.userId, data: { commentId } });
  });
}
