/** Task use cases: create, read, change, move through the workflow, order, depend, list and search. */
import type { Kysely } from 'kysely';
import type {
  ChangeStatusBody,
  CreateTaskBody,
  HistoryEntry,
  ListTasksQuery,
  MoveTaskBody,
  ReviewBody,
  Task,
  TaskPage,
  UpdateTaskBody,
} from '../../../shared/tasks.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { isOpen } from '../../../shared/workflow.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError, NotFoundError, PreconditionRequiredError, StaleVersionError, ValidationError } from '../../errors.js';
import { changeWithEvents } from '../../unit-of-work.js';
import type { Actor } from '../auth/actor.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { listActivityTypes } from '../activity-types/activity-types.repository.js';
import { findMilestone } from '../milestones/milestones.repository.js';
import { loadVisibleProject } from '../projects/project-access.js';
import { findActiveMembers, findProjectMembers, takeTaskNumber } from '../projects/projects.repository.js';
import { deadlineInstant } from '../../../shared/deadline.js';
import { rankBetween } from './rank.js';
import { applyTransition, assertKeepsWorkable, assertOpen, type TransitionContext } from './task.js';
import {
  assertCanAssign,
  assertCanCreateTask,
  assertCanReorderProject,
  assertCanReorderQueue,
  assertCanWork,
  canSeeProject,
  taskParts,
} from './task.policy.js';
import * as repository from './tasks.repository.js';
import type { TaskChanges, TaskRecord } from './tasks.repository.js';

/** The task if the caller may see it (404 otherwise: its existence is private). */
export async function loadVisibleTask(deps: Deps, db: Kysely<Schema>, actor: Actor, taskId: number): Promise<TaskRecord> {
  const task = await repository.findTask(db, deps.database.engine, actor.organizationId, taskId, actor.userId);
  if (!task || !canSeeProject(actor, task.projectRole)) throw new NotFoundError('This task');
  return task;
}

async function timeZoneOf(db: Kysely<Schema>, organizationId: number): Promise<string> {
  return (await findOrganization(db, organizationId))?.timeZone ?? 'UTC';
}

/** Captain and collaborators must be active members of the task's project. */
async function assertPeopleInProject(
  db: Kysely<Schema>,
  projectId: number,
  captainId: number | null | undefined,
  collaboratorIds: readonly number[] | undefined,
): Promise<void> {
  const wanted = [...(captainId ? [captainId] : []), ...(collaboratorIds ?? [])];
  const members = await findProjectMembers(db, projectId, wanted);
  const errors = [
    ...(captainId && !members.has(captainId)
      ? [{ pointer: '/captainId', code: 'not_project_member', detail: 'The captain must be a member of the project.' }]
      : []),
    ...(collaboratorIds ?? []).flatMap((userId, index) =>
      members.has(userId)
        ? []
        : [{ pointer: `/collaboratorIds/${index}`, code: 'not_project_member', detail: 'Collaborators must be members of the project.' }],
    ),
  ];
  if (errors.length > 0) throw new ValidationError(errors);
}

async function assertActivityType(db: Kysely<Schema>, organizationId: number, activityType: string | null | undefined): Promise<void> {
  if (activityType === null || activityType === undefined) return;
  const types = await listActivityTypes(db, organizationId);
  if (!types.some((type) => type.key === activityType && type.active)) {
    throw new ValidationError({
      pointer: '/activityType',
      code: 'invalid_value',
      detail: `Choose one of: ${types
        .filter((type) => type.active)
        .map((type) => type.key)
        .join(', ')}.`,
    });
  }
}

async function assertMilestoneInProject(
  db: Kysely<Schema>,
  organizationId: number,
  projectId: number,
  milestoneId: number | null | undefined,
) {
  if (milestoneId === null || milestoneId === undefined) return;
  const milestone = await findMilestone(db, organizationId, milestoneId);
  if (!milestone || milestone.projectId !== projectId) {
    throw new ValidationError({ pointer: '/milestoneId', code: 'not_found', detail: 'Choose a milestone of this project.' });
  }
}

async function assertParent(
  db: Kysely<Schema>,
  organizationId: number,
  projectId: number,
  taskId: number | null,
  parentId: number | null | undefined,
) {
  if (parentId === null || parentId === undefined) return;
  const parent = (await repository.findTaskRefs(db, organizationId, [parentId])).get(parentId);
  if (!parent || parent.projectId !== projectId) {
    throw new ValidationError({ pointer: '/parentId', code: 'not_found', detail: 'The parent must be a task of the same project.' });
  }
  if (taskId !== null && (await repository.isDescendantOrSelf(db, taskId, parentId))) {
    throw new ConflictError('parent_cycle', 'A task cannot be placed under itself or one of its own subtasks.', [
      { pointer: '/parentId', code: 'parent_cycle', detail: 'Choose a parent outside this task’s subtasks.' },
    ]);
  }
}

export async function getTask(deps: Deps, actor: Actor, taskId: number): Promise<Task> {
  const task = await loadVisibleTask(deps, deps.database.db, actor, taskId);
  return repository.presentTask(task, deps.clock.now());
}

export async function createTask(deps: Deps, actor: Actor, body: CreateTaskBody): Promise<Task> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit, notify) => {
    const { project, role } = await loadVisibleProject(tx, actor, body.projectId).catch(() => {
      throw new ValidationError({ pointer: '/projectId', code: 'not_found', detail: 'There is no such project.' });
    });
    assertCanCreateTask(actor, role);
    if (project.state === 'archived') throw new ConflictError('project_archived', 'This project is archived; reactivate it to add tasks.');
    const collaboratorIds = [...new Set(body.collaboratorIds)].filter((userId) => userId !== body.captainId);
    await assertPeopleInProject(tx, project.id, body.captainId, collaboratorIds);
    await assertMilestoneInProject(tx, actor.organizationId, project.id, body.milestoneId);
    await assertParent(tx, actor.organizationId, project.id, null, body.parentId);
    await assertActivityType(tx, actor.organizationId, body.activityType);

    const now = deps.clock.now();
    const deadline = body.deadline ?? null;
    const deadlineAt = deadline ? deadlineInstant(deadline, await timeZoneOf(tx, actor.organizationId)) : null;
    const captainId = body.captainId ?? null;
    const number = await takeTaskNumber(tx, project.id);
    const taskId = await repository.insertTask(
      tx,
      {
        organizationId: actor.organizationId,
        projectId: project.id,
        number,
        title: body.title,
        description: body.description,
        captainId,
        createdById: actor.userId,
        milestoneId: body.milestoneId ?? null,
        parentId: body.parentId ?? null,
        deadline,
        deadlineAt,
        estimateMinutes: body.estimateMinutes ?? null,
        activityType: body.activityType ?? null,
        labels: body.labels,
        // New tasks join the end of their captain's queue and of the project's backlog.
        queueRank: rankBetween(captainId ? await repository.lastRank(tx, 'queue', captainId) : null, null),
        projectRank: rankBetween(await repository.lastRank(tx, 'project', project.id), null),
      },
      now,
    );
    await repository.replaceCollaborators(tx, taskId, collaboratorIds);
    await repository.replaceLabels(tx, actor.organizationId, taskId, body.labels);
    await repository.insertEvent(
      tx,
      {
        organizationId: actor.organizationId,
        taskId,
        actorId: actor.userId,
        kind: 'created',
        data: { title: body.title, captainId, deadline, collaboratorIds },
      },
      now,
    );
    await repository.indexTask(tx, deps.database.engine, actor.organizationId, taskId);
    const created = await loadVisibleTask(deps, tx, actor, taskId);
    await emit({
      type: 'task.created',
      projectId: project.id,
      taskId,
      actorId: actor.userId,
      data: { version: 1, status: 'planned', captainId },
    });
    if (captainId !== null || collaboratorIds.length > 0) {
      await notify(taskId, actor.userId, { type: 'assigned', captainId, addedCollaboratorIds: collaboratorIds });
    }
    return repository.presentTask(created, now);
  });
}

/** `If-Match: 3`, `If-Match: "3"`, `W/"3"`, or a `version` field. */
export function parseVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const fromHeader = ifMatch?.match(/^(?:W\/)?"?(\d+)"?$/)?.[1];
  const version = fromHeader !== undefined ? Number(fromHeader) : bodyVersion;
  if (version === undefined) {
    throw new PreconditionRequiredError(
      'Send the version you edited (If-Match header or a version field), so no change is overwritten unseen.',
    );
  }
  return version;
}

const FIELD_NAMES = [
  'title',
  'description',
  'captainId',
  'collaboratorIds',
  'deadline',
  'estimateMinutes',
  'milestoneId',
  'parentId',
  'activityType',
  'labels',
] as const;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function updateTask(
  deps: Deps,
  actor: Actor,
  taskId: number,
  body: UpdateTaskBody,
  ifMatch: string | undefined,
): Promise<Task> {
  const expectedVersion = parseVersion(ifMatch, body.version);
  return changeWithEvents(deps, actor.organizationId, async (tx, emit, notify) => {
    const task = await loadVisibleTask(deps, tx, actor, taskId);
    const now = deps.clock.now();
    if (task.version !== expectedVersion) {
      throw new StaleVersionError(
        `Someone changed this task since you opened it (version ${expectedVersion}, now ${task.version}). Review their change, then apply yours.`,
        repository.presentTask(task, now),
      );
    }
    assertOpen(task.status);
    assertCanWork(actor, task);

    const changed = FIELD_NAMES.filter((field) => body[field] !== undefined && !sameValue(body[field], task[field]));
    if (changed.includes('captainId') || changed.includes('collaboratorIds')) assertCanAssign(actor, task);
    const captainId = body.captainId !== undefined ? body.captainId : task.captainId;
    const deadline = body.deadline !== undefined ? body.deadline : task.deadline;
    assertKeepsWorkable(task.status, captainId, deadline);
    const collaboratorIds =
      body.collaboratorIds !== undefined
        ? [...new Set(body.collaboratorIds)].filter((userId) => userId !== captainId)
        : task.collaboratorIds.filter((userId) => userId !== captainId);
    await assertPeopleInProject(
      tx,
      task.projectId,
      changed.includes('captainId') ? captainId : undefined,
      changed.includes('collaboratorIds') ? collaboratorIds : undefined,
    );
    if (changed.includes('milestoneId')) await assertMilestoneInProject(tx, actor.organizationId, task.projectId, body.milestoneId);
    if (changed.includes('parentId')) await assertParent(tx, actor.organizationId, task.projectId, task.id, body.parentId);
    if (changed.includes('activityType')) await assertActivityType(tx, actor.organizationId, body.activityType);

    const changes: TaskChanges = {};
    if (body.title !== undefined) changes.title = body.title;
    if (body.description !== undefined) changes.description = body.description;
    if (body.estimateMinutes !== undefined) changes.estimateMinutes = body.estimateMinutes;
    if (body.milestoneId !== undefined) changes.milestoneId = body.milestoneId;
    if (body.parentId !== undefined) changes.parentId = body.parentId;
    if (body.activityType !== undefined) changes.activityType = body.activityType;
    if (body.labels !== undefined) changes.labels = body.labels;
    if (changed.includes('deadline')) {
      changes.deadline = deadline;
      changes.deadlineAt = deadline ? deadlineInstant(deadline, await timeZoneOf(tx, actor.organizationId)) : null;
    }
    if (changed.includes('captainId')) {
      changes.captainId = captainId;
      // A new captain gets the task at the end of their queue.
      if (captainId) changes.queueRank = rankBetween(await repository.lastRank(tx, 'queue', captainId), null);
    }
    if (!(await repository.updateTask(tx, task.id, task.version, changes, now))) {
      const current = await loadVisibleTask(deps, tx, actor, taskId);
      throw new StaleVersionError(
        'Someone changed this task a moment ago. Review their change, then apply yours.',
        repository.presentTask(current, now),
      );
    }
    if (changed.includes('collaboratorIds') || changed.includes('captainId'))
      await repository.replaceCollaborators(tx, task.id, collaboratorIds);
    if (changed.includes('labels')) await repository.replaceLabels(tx, actor.organizationId, task.id, body.labels ?? []);
    if (changed.length > 0) {
      await repository.insertEvent(
        tx,
        {
          organizationId: actor.organizationId,
          taskId: task.id,
          actorId: actor.userId,
          kind: 'updated',
          data: {
            changes: changed.map((field) => ({
              field,
              from: task[field],
              to: field === 'collaboratorIds' ? collaboratorIds : body[field],
            })),
          },
        },
        now,
      );
    }
    if (changed.includes('title') || changed.includes('description')) {
      await repository.indexTask(tx, deps.database.engine, actor.organizationId, task.id);
    }
    const updated = await loadVisibleTask(deps, tx, actor, taskId);
    const newCaptain = changed.includes('captainId') ? captainId : null;
    const addedCollaborators = collaboratorIds.filter((userId) => !task.collaboratorIds.includes(userId));
    if (newCaptain !== null || addedCollaborators.length > 0) {
      await notify(task.id, actor.userId, { type: 'assigned', captainId: newCaptain, addedCollaboratorIds: addedCollaborators });
    }
    await emit({
      type: 'task.updated',
      projectId: task.projectId,
      taskId: task.id,
      actorId: actor.userId,
      data: { version: updated.version, status: updated.status, captainId: updated.captainId, previousCaptainId: task.captainId },
    });
    return repository.presentTask(updated, now);
  });
}

async function transitionContext(db: Kysely<Schema>, actor: Actor, task: TaskRecord): Promise<TransitionContext> {
  const blockers = await repository.findTaskRefs(db, actor.organizationId, task.blockedByIds);
  return { ...taskParts(actor, task), openBlockers: [...blockers.values()].filter((blocker) => isOpen(blocker.status)) };
}

async function move(
  deps: Deps,
  actor: Actor,
  taskId: number,
  to: TaskRecord['status'],
  via: 'status' | 'review',
  input: { reason?: string | undefined; waitingOn?: ChangeStatusBody['waitingOn']; feedback?: string | undefined },
): Promise<Task> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit, notify) => {
    const task = await loadVisibleTask(deps, tx, actor, taskId);
    const context = await transitionContext(tx, actor, task);
    if (input.waitingOn && 'userId' in input.waitingOn) {
      const found = await findActiveMembers(tx, actor.organizationId, [input.waitingOn.userId]);
      if (!found.has(input.waitingOn.userId)) {
        throw new ValidationError({
          pointer: '/waitingOn/userId',
          code: 'not_found',
          detail: 'Choose a person of the organization, or name someone outside.',
        });
      }
    }
    const now = deps.clock.now();
    const { next, event } = applyTransition(task, to, via, context, input, now);
    const updated = await repository.updateTask(
      tx,
      task.id,
      task.version,
      {
        status: next.status,
        reason: next.reason,
        waitingOn: next.waitingOn,
        waitingSince: next.waitingSince,
        feedback: next.feedback,
        statusChangedAt: next.statusChangedAt,
        closedAt: next.closedAt,
      },
      now,
    );
    if (!updated) throw new ConflictError('concurrent_change', 'The task changed at the same moment; try again.');
    await repository.insertEvent(
      tx,
      {
        organizationId: actor.organizationId,
        taskId: task.id,
        actorId: actor.userId,
        kind: via === 'review' ? 'reviewed' : 'status_changed',
        data: { ...event },
      },
      now,
    );
    await emit({
      type: 'task.status_changed',
      projectId: task.projectId,
      taskId: task.id,
      actorId: actor.userId,
      data: { version: task.version + 1, status: next.status, previousStatus: task.status, captainId: task.captainId },
    });
    if (event.action === 'submit') await notify(task.id, actor.userId, { type: 'review_requested' });
    if (event.action === 'approve' || event.action === 'request_changes') {
      await notify(task.id, actor.userId, {
        type: 'reviewed',
        decision: event.action === 'approve' ? 'approve' : 'request_changes',
        feedback: event.feedback,
      });
    }
    if (event.action === 'wait') {
      const on = next.waitingOn;
      await notify(task.id, actor.userId, {
        type: 'waiting',
        reason: next.reason ?? '',
        waitingOnUserId: on && 'userId' in on ? on.userId : null,
        waitingOnExternal: on && 'external' in on ? on.external : null,
      });
    }
    return repository.presentTask(await loadVisibleTask(deps, tx, actor, taskId), now);
  });
}

export function changeStatus(deps: Deps, actor: Actor, taskId: number, body: ChangeStatusBody): Promise<Task> {
  return move(deps, actor, taskId, body.status, 'status', { reason: body.reason, waitingOn: body.waitingOn });
}

export function reviewTask(deps: Deps, actor: Actor, taskId: number, body: ReviewBody): Promise<Task> {
  return move(deps, actor, taskId, body.decision === 'approve' ? 'done' : 'in_progress', 'review', { feedback: body.feedback });
}

/** Places a task before or after another in its captain's queue or its project's backlog: one row written. */
export async function moveTask(deps: Deps, actor: Actor, taskId: number, body: MoveTaskBody): Promise<Task> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const task = await loadVisibleTask(deps, tx, actor, taskId);
    const targetId = (body.beforeId ?? body.afterId)!;
    const pointer = body.beforeId !== undefined ? '/beforeId' : '/afterId';
    const target = await repository.findTask(tx, deps.database.engine, actor.organizationId, targetId, actor.userId);
    const list = body.list;
    if (list === 'queue') {
      assertCanReorderQueue(actor, task);
      if (task.captainId === null) throw new ConflictError('no_captain', 'This task has no captain, so it is in nobody’s queue.');
      if (!target || target.captainId !== task.captainId || target.id === task.id) {
        throw new ValidationError({ pointer, code: 'not_in_list', detail: 'Choose another task of the same queue.' });
      }
    } else {
      assertCanReorderProject(actor, task.projectRole);
      if (!target || target.projectId !== task.projectId || target.id === task.id) {
        throw new ValidationError({ pointer, code: 'not_in_list', detail: 'Choose another task of the same project.' });
      }
    }
    const ownerId = list === 'queue' ? task.captainId! : task.projectId;
    const targetRank = list === 'queue' ? target.queueRank : target.projectRank;
    const rank =
      body.beforeId !== undefined
        ? rankBetween(await repository.neighbourRank(tx, list, ownerId, targetRank, 'before', task.id), targetRank)
        : rankBetween(targetRank, await repository.neighbourRank(tx, list, ownerId, targetRank, 'after', task.id));
    await repository.setRank(tx, task.id, list, rank);
    await emit({
      type: 'task.moved',
      projectId: task.projectId,
      taskId: task.id,
      actorId: actor.userId,
      data: { list, captainId: task.captainId },
    });
    return repository.presentTask(list === 'queue' ? { ...task, queueRank: rank } : { ...task, projectRank: rank }, deps.clock.now());
  });
}

export async function getHistory(deps: Deps, actor: Actor, taskId: number): Promise<HistoryEntry[]> {
  const { db } = deps.database;
  await loadVisibleTask(deps, db, actor, taskId);
  return repository.listEvents(db, taskId);
}

export async function addDependency(deps: Deps, actor: Actor, taskId: number, blockedById: number): Promise<Task> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const task = await loadVisibleTask(deps, tx, actor, taskId);
    assertOpen(task.status);
    assertCanWork(actor, task);
    const blocker = (await repository.findTaskRefs(tx, actor.organizationId, [blockedById])).get(blockedById);
    if (!blocker) throw new ValidationError({ pointer: '/blockedById', code: 'not_found', detail: 'There is no such task.' });
    if (await repository.wouldCycle(tx, task.id, blockedById)) {
      throw new ConflictError(
        'dependency_cycle',
        `${blocker.reference} already waits on this task (directly or through others); blocking it back would deadlock both.`,
      );
    }
    const now = deps.clock.now();
    if (await repository.insertDependency(tx, actor.organizationId, task.id, blockedById)) {
      // Blockers are part of the task: other screens holding its version must see it changed.
      await repository.updateTask(tx, task.id, task.version, {}, now);
      await repository.insertEvent(
        tx,
        {
          organizationId: actor.organizationId,
          taskId: task.id,
          actorId: actor.userId,
          kind: 'dependency_added',
          data: { blockedById, reference: blocker.reference },
        },
        now,
      );
      await emit({
        type: 'task.updated',
        projectId: task.projectId,
        taskId: task.id,
        actorId: actor.userId,
        data: { version: task.version + 1 },
      });
    }
    return repository.presentTask(await loadVisibleTask(deps, tx, actor, taskId), now);
  });
}

export async function removeDependency(deps: Deps, actor: Actor, taskId: number, blockedById: number): Promise<void> {
  await changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const task = await loadVisibleTask(deps, tx, actor, taskId);
    assertOpen(task.status);
    assertCanWork(actor, task);
    if (!(await repository.deleteDependency(tx, task.id, blockedById))) throw new NotFoundError('This dependency');
    await repository.updateTask(tx, task.id, task.version, {}, deps.clock.now());
    const blocker = (await repository.findTaskRefs(tx, actor.organizationId, [blockedById])).get(blockedById);
    await repository.insertEvent(
      tx,
      {
        organizationId: actor.organizationId,
        taskId: task.id,
        actorId: actor.userId,
        kind: 'dependency_removed',
        data: { blockedById, reference: blocker?.reference ?? null },
      },
      deps.clock.now(),
    );
    await emit({
      type: 'task.updated',
      projectId: task.projectId,
      taskId: task.id,
      actorId: actor.userId,
      data: { version: task.version + 1 },
    });
  });
}

function encodeCursor(value: string | null, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): { value: string | null; id: number } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((typeof value === 'string' || value === null) && typeof id === 'number') return { value, id };
  } catch {
    // fall through
  }
  throw new ValidationError({ pointer: '/query/cursor', code: 'invalid', detail: 'This cursor is not valid; start from the first page.' });
}

export async function listTasks(deps: Deps, actor: Actor, query: ListTasksQuery): Promise<TaskPage> {
  const { db } = deps.database;
  if (actor.role === 'client') return { items: [], nextCursor: null };
  const now = deps.clock.now();
  const rows = await repository.listTasks(db, deps.database.engine, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    allProjects: isOrganizationAdmin(actor.role),
    projectId: query.projectId,
    captainId: query.captainId,
    collaboratorId: query.collaboratorId,
    statuses: query.status,
    milestoneId: query.milestoneId,
    parentId: query.parentId,
    waitingOnUserId: query.waitingOnUserId,
    label: query.label,
    overdue: query.overdue,
    deadlineFrom: query.deadlineFrom,
    deadlineTo: query.deadlineTo,
    q: query.q,
    sort: query.sort,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
    now,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ task, highlight }) => repository.presentSummary(task, now, highlight)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(repository.sortValue(last.task, query.sort), last.task.id) : null,
  };
}
