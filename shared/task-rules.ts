/**
 * Who may do what to a task, as pure rules over a person's part in it. The server enforces them
 * (server/features/tasks/task.ts, task.policy.ts); the web app asks them to offer only what works.
 */
import { type Mover, type TaskStatus, type Transition, transitionsFrom } from './workflow.js';

/** A person's part in one task and its project. */
export interface TaskParts {
  isCaptain: boolean;
  /** A manager of the task's project, or an owner/admin of the organization. */
  isManager: boolean;
  isCreator: boolean;
  isCollaborator: boolean;
  /** The task's project requires review before a task is done. */
  reviewRequired: boolean;
}

/** What decides which status transitions a person may make. */
export type TransitionParts = Pick<TaskParts, 'isCaptain' | 'isManager' | 'isCreator' | 'reviewRequired'>;

/** May this person review (approve or send back) the task? Never the captain while review is required. */
export function isReviewer(parts: TransitionParts): boolean {
  if (parts.isCaptain && parts.reviewRequired) return false;
  return parts.isManager || (parts.isCreator && !parts.isCaptain);
}

function playsMover(mover: Mover, parts: TransitionParts): boolean {
  if (mover === 'captain') return parts.isCaptain;
  if (mover === 'manager') return parts.isManager;
  return isReviewer(parts);
}

/** Closing without review (in_progress → done) on a project that requires review: the workflow refuses it for everyone. */
export function skipsRequiredReview(transition: Transition, reviewRequired: boolean): boolean {
  return transition.onlyWithoutReview === true && reviewRequired;
}

/** Does this person play one of the transition's movers? */
export function canMakeTransition(transition: Transition, parts: TransitionParts): boolean {
  return transition.by.some((mover) => playsMover(mover, parts));
}

/** The status transitions out of `status` that this person may make, e.g. to offer as buttons. */
export function allowedTransitions(status: TaskStatus, parts: TransitionParts): Transition[] {
  return transitionsFrom(status).filter(
    (transition) => !skipsRequiredReview(transition, parts.reviewRequired) && canMakeTransition(transition, parts),
  );
}

/** Captain, collaborators, creator and managers work on a task: its fields, blockers and documents. */
export function canWork(parts: Pick<TaskParts, 'isCaptain' | 'isManager' | 'isCreator' | 'isCollaborator'>): boolean {
  return parts.isManager || parts.isCaptain || parts.isCreator || parts.isCollaborator;
}

/** Naming the captain and collaborators: managers, and the task's creator. */
export function canAssign(parts: Pick<TaskParts, 'isManager' | 'isCreator'>): boolean {
  return parts.isManager || parts.isCreator;
}

/** A person's queue is theirs to order; managers of the task's project may reorder it too. */
export function canReorderQueue(parts: Pick<TaskParts, 'isCaptain' | 'isManager'>): boolean {
  return parts.isCaptain || parts.isManager;
}
