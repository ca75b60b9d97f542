/**
 * Which workflow moves this person may make on this task now: the shared transition table read
 * with the same rules the server applies (server/features/tasks/task.ts), so buttons offered are
 * buttons that work.
 */
import type { Me } from '../../../shared/api.js';
import type { Project } from '../../../shared/projects.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import type { TaskSummary } from '../../../shared/tasks.js';
import { type Mover, type Transition, transitionsFrom } from '../../../shared/workflow.js';

export interface TaskParts {
  isCaptain: boolean;
  /** A manager of the task's project, or an owner/admin of the organization. */
  isManager: boolean;
  isCreator: boolean;
  reviewRequired: boolean;
}

type TaskLike = Pick<TaskSummary, 'captainId' | 'createdById' | 'collaboratorIds'>;
type ProjectLike = Pick<Project, 'myRole' | 'reviewRequired'>;

/** Without the project loaded, only the organization role counts and review is assumed required. */
export function taskParts(task: TaskLike, me: Me, project: ProjectLike | null | undefined): TaskParts {
  const admin = isOrganizationAdmin(me.role);
  return {
    isCaptain: task.captainId === me.user.id,
    isManager: me.role !== 'client' && (admin || project?.myRole === 'manager' || project?.myRole === 'admin'),
    isCreator: task.createdById === me.user.id,
    reviewRequired: project?.reviewRequired ?? true,
  };
}

/** Never the captain while the project requires review; otherwise managers, and the creator who is not the captain. */
export function isReviewer(parts: TaskParts): boolean {
  if (parts.isCaptain && parts.reviewRequired) return false;
  return parts.isManager || (parts.isCreator && !parts.isCaptain);
}

function plays(mover: Mover, parts: TaskParts): boolean {
  if (mover === 'captain') return parts.isCaptain;
  if (mover === 'manager') return parts.isManager;
  return isReviewer(parts);
}

/** The moves out of the task's status that this person may make. */
export function allowedMoves(task: Pick<TaskSummary, 'status'>, parts: TaskParts): Transition[] {
  return transitionsFrom(task.status).filter(
    (transition) => !(transition.onlyWithoutReview && parts.reviewRequired) && transition.by.some((mover) => plays(mover, parts)),
  );
}

/** Captain, collaborators, creator and managers change fields, blockers and documents. */
export function canWork(task: TaskLike, me: Me, parts: TaskParts): boolean {
  return parts.isManager || parts.isCaptain || parts.isCreator || task.collaboratorIds.includes(me.user.id);
}

/** Naming the captain and collaborators: managers and the task's creator. */
export function canAssign(parts: TaskParts): boolean {
  return parts.isManager || parts.isCreator;
}

/** A queue is its owner's to order; managers of the task's project may reorder it too. */
export function canReorderQueue(parts: TaskParts): boolean {
  return parts.isCaptain || parts.isManager;
}
