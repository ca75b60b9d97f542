/** Who may see and change a task: pure rules over the actor and their part in the task's project. */
import type { ProjectRole } from '../../../shared/projects.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { canAssign, canReorderQueue, canWork, type TaskParts } from '../../../shared/task-rules.js';
import { ForbiddenError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';

export interface TaskAccess {
  projectRole: ProjectRole | null;
  captainId: number | null;
  createdById: number;
  collaboratorIds: readonly number[];
  reviewRequired: boolean;
}

/** Organization owners/admins see every project; everyone else only projects they are members of. */
export function canSeeProject(actor: Actor, projectRole: ProjectRole | null): boolean {
  return isOrganizationAdmin(actor.role) || (projectRole !== null && actor.role !== 'client');
}

export function isProjectManager(actor: Actor, projectRole: ProjectRole | null): boolean {
  return isOrganizationAdmin(actor.role) || (projectRole === 'manager' && actor.role !== 'client');
}

/** The actor's part in the task, for the rules shared with the web app. */
export function taskParts(actor: Actor, task: TaskAccess): TaskParts {
  return {
    isCaptain: task.captainId === actor.userId,
    isManager: isProjectManager(actor, task.projectRole),
    isCreator: task.createdById === actor.userId,
    isCollaborator: task.collaboratorIds.includes(actor.userId),
    reviewRequired: task.reviewRequired,
  };
}

export function assertCanWork(actor: Actor, task: TaskAccess): void {
  if (!canWork(taskParts(actor, task))) {
    throw new ForbiddenError('Only the captain, collaborators, the creator and project managers change this task.');
  }
}

export function assertCanAssign(actor: Actor, task: TaskAccess): void {
  if (!canAssign(taskParts(actor, task))) {
    throw new ForbiddenError('Only project managers and the task’s creator choose its captain and collaborators.');
  }
}

export function assertCanReorderQueue(actor: Actor, task: TaskAccess): void {
  if (!canReorderQueue(taskParts(actor, task))) {
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
