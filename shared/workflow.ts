/**
 * The task workflow as data: which status may follow which, through which endpoint, and by whom.
 * Who plays which mover, and so which transitions a person may make, is in shared/task-rules.ts.
 */
export const TASK_STATUSES = ['planned', 'in_progress', 'waiting', 'review', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const OPEN_STATUSES: readonly TaskStatus[] = ['planned', 'in_progress', 'waiting', 'review'];
export const CLOSED_STATUSES: readonly TaskStatus[] = ['done', 'cancelled'];

export function isOpen(status: TaskStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Who may make a move: the task's captain, a manager of its project (or an organization admin), or a reviewer. */
export type Mover = 'captain' | 'manager' | 'reviewer';

export interface Transition {
  from: TaskStatus;
  to: TaskStatus;
  /** `status`: POST /tasks/:id/status; `review`: POST /tasks/:id/review. */
  via: 'status' | 'review';
  by: readonly Mover[];
  /** What the mover must say: a reason, a waiting reason and on whom, or review feedback. */
  needs?: 'reason' | 'waiting' | 'feedback';
  /** Only when the project does not require review (in_progress → done). */
  onlyWithoutReview?: boolean;
  /** A short name for the move. */
  action: TransitionAction;
}

export type TransitionAction =
  | 'start'
  | 'wait'
  | 'resume'
  | 'submit'
  | 'complete'
  | 'approve'
  | 'request_changes'
  | 'reopen'
  | 'cancel'
  | 'restore';

export const TRANSITIONS: readonly Transition[] = [
  { from: 'planned', to: 'in_progress', via: 'status', by: ['captain', 'manager'], action: 'start' },
  { from: 'in_progress', to: 'waiting', via: 'status', by: ['captain', 'manager'], needs: 'waiting', action: 'wait' },
  { from: 'waiting', to: 'in_progress', via: 'status', by: ['captain', 'manager'], action: 'resume' },
  { from: 'in_progress', to: 'review', via: 'status', by: ['captain'], action: 'submit' },
  { from: 'in_progress', to: 'done', via: 'status', by: ['captain', 'manager'], onlyWithoutReview: true, action: 'complete' },
  { from: 'review', to: 'done', via: 'review', by: ['reviewer'], action: 'approve' },
  { from: 'review', to: 'in_progress', via: 'review', by: ['reviewer'], needs: 'feedback', action: 'request_changes' },
  { from: 'done', to: 'in_progress', via: 'status', by: ['manager'], needs: 'reason', action: 'reopen' },
  ...OPEN_STATUSES.map(
    (from): Transition => ({ from, to: 'cancelled', via: 'status', by: ['manager'], needs: 'reason', action: 'cancel' }),
  ),
  { from: 'cancelled', to: 'planned', via: 'status', by: ['manager'], action: 'restore' },
];

export function findTransition(from: TaskStatus, to: TaskStatus, via: 'status' | 'review'): Transition | undefined {
  return TRANSITIONS.find((transition) => transition.from === from && transition.to === to && transition.via === via);
}

/** The moves out of a status, e.g. to offer as buttons. */
export function transitionsFrom(from: TaskStatus): Transition[] {
  return TRANSITIONS.filter((transition) => transition.from === from);
}
