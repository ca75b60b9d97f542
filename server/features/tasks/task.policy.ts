/** Who may see and change a task: pure rules over the actor and their part in the task's project. */
import { isOrganizationAdmin } from '../../../shared/roles.js';
import type { ProjectRole } from '../../../shared/projects.js';
import { ForbiddenError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';

export interface TaskAccess {
  projectRole: ProjectRole | null;
  captainId: number | null;
  createdById: number;
  collaboratorIds: readonly number[];
}

/** Organization owners/admins see every project; everyone else only projects they are members of. */
export function canSeeProject(actor: Actor, projectRole: ProjectRole | null): boolean {
  return isOrganizationAdmin(actor.role) || (projectRole !== null && actor.role !== 'client');
}

export function isProjectManager(actor: Actor, projectRole: ProjectRole | null): boolean {
  return isOrganizationAdmin(actor.role) || (projectRole === 'manager' && actor.role !== 'client');
}

/** Captain, collaborators, creator and managers work on a task: fields, documents. */
export function canWork(actor: Actor, task: TaskAccess): boolean {
  return (
    isProjectManager(actor, task.projectRole) ||
    task.captainId === actor.userId ||
    task.createdById === actor.userId ||
    task.collaboratorIds.includes(actor.userId)
  );
}

export function assertCanWork(actor: Actor, task: TaskAccess): void {
  if (!canWork(actor, task)) {
    throw new ForbiddenError('Only the captain, collaborators, the creator and project managers change this task.');
  }
}

/** Naming the captain and collaborators: managers, and the task's creator. */
export function assertCanAssign(actor: Actor, task: TaskAccess): void {
  if (!isProjectManager(actor, task.projectRole) && task.createdById !== actor.userId) {
    throw new ForbiddenError('Only project managers and the task’s creator choose its captain and collaborators.');
  }
}

/** A person's queue is theirs to order; managers of the task's project may reorder it too. */
export function assertCanReorderQueue(actor: Actor, task: TaskAccess): void {
  if (task.captainId !== actor.userId && !isProjectManager(actor, task.projectRole)) {
    throw new ForbiddenError('Only the captain or a project manager reorders this queue.');
  }
}

export function assertCanReorderProject(actor: Actor, projectRole: ProjectRole | null): void {
  if (!isProjectManager(actor, projectRole)) throw new ForbiddenError('Only project managers order the project backlog.');
}

/** Any member of the project may create tasks in it. */
export function assertCanCreateTask(actor: Actor, projectRole: ProjectRole | null): void {
  if (!canSeeProject(actor, projectRole)) throw new ForbiddenError('Only members of the project create tasks in it.');
}
