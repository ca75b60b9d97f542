/**
 * Task rules only the server applies, pure: what a status transition must be told, the captain
 * rule, blockers, and what a transition does to a task. The transition table and who may make
 * which transition are shared with the web app (shared/workflow.ts, shared/task-rules.ts).
 */
import { canMakeTransition, skipsRequiredReview, type TransitionParts } from '../../../shared/task-rules.js';
import type { WaitingOn } from '../../../shared/tasks.js';
import { findTransition, isOpen, type TaskStatus, type Transition, transitionsFrom } from '../../../shared/workflow.js';
import { ConflictError, ForbiddenError, InvalidTransitionError, ValidationError } from '../../errors.js';

/** The parts of a task a status change reads and writes. */
export interface WorkflowState {
  status: TaskStatus;
  captainId: number | null;
  deadline: string | null;
  reason: string | null;
  waitingOn: WaitingOn | null;
  waitingSince: Date | null;
  feedback: string | null;
  statusChangedAt: Date;
  closedAt: Date | null;
}

/** Who is asking, relative to this task and its project, and what blocks the task. */
export interface TransitionContext extends TransitionParts {
  /** Blockers not yet done or cancelled (checked when work starts). */
  openBlockers: readonly { id: number; reference: string }[];
}

export interface TransitionInput {
  reason?: string | undefined;
  waitingOn?: WaitingOn | undefined;
  feedback?: string | undefined;
}

/** What the history records of a status transition. */
export interface StatusEvent {
  from: TaskStatus;
  to: TaskStatus;
  action: Transition['action'];
  reason?: string;
  feedback?: string;
  waitingOn?: WaitingOn;
  /** On resume: how long the task waited. */
  waitedMinutes?: number;
}

const STATUS_NAMES: Record<TaskStatus, string> = {
  planned: 'planned',
  in_progress: 'in progress',
  waiting: 'waiting',
  review: 'in review',
  done: 'done',
  cancelled: 'cancelled',
};

/** Captain and deadline are what makes a task workable; says which are missing. */
export function assertWorkable(task: Pick<WorkflowState, 'captainId' | 'deadline'>): void {
  const missing = [
    ...(task.captainId === null
      ? [{ pointer: '/captainId', code: 'captain_required', detail: 'Name a captain: the one person responsible for the result.' }]
      : []),
    ...(task.deadline === null ? [{ pointer: '/deadline', code: 'deadline_required', detail: 'Set a deadline.' }] : []),
  ];
  if (missing.length > 0) {
    const names = missing.map((item) => (item.pointer === '/captainId' ? 'a captain' : 'a deadline')).join(' and ');
    throw new ConflictError('task_incomplete', `A task needs ${names} before work starts.`, missing);
  }
}

function describeAllowed(from: TaskStatus): string {
  const targets = [...new Set(transitionsFrom(from).map((transition) => STATUS_NAMES[transition.to]))];
  return targets.length === 0 ? 'nothing' : targets.join(', ');
}

/**
 * Applies one status transition, or throws: InvalidTransitionError (409) when the workflow forbids it,
 * ForbiddenError (403) when this person may not make it, ValidationError (422) when something that
 * must be said is missing, ConflictError (409) when the task is not ready or is blocked.
 */
export function applyTransition(
  task: WorkflowState,
  to: TaskStatus,
  via: 'status' | 'review',
  context: TransitionContext,
  input: TransitionInput,
  now: Date,
): { next: WorkflowState; event: StatusEvent } {
  const transition = findTransition(task.status, to, via);
  if (!transition) {
    const hint = via === 'status' && task.status === 'review' ? ' A task in review is approved or sent back through its review.' : '';
    throw new InvalidTransitionError(
      `A task that is ${STATUS_NAMES[task.status]} cannot become ${STATUS_NAMES[to]}; it can become ${describeAllowed(task.status)}.${hint}`,
    );
  }
  if (skipsRequiredReview(transition, context.reviewRequired)) {
    throw new InvalidTransitionError('This project requires review: submit the task for review instead of closing it.');
  }
  if (!canMakeTransition(transition, context)) {
    throw new ForbiddenError(forbiddenDetail(transition, context));
  }

  const reason = input.reason?.trim() || undefined;
  const feedback = input.feedback?.trim() || undefined;
  if (transition.needs === 'reason' && !reason) {
    throw new ValidationError({ pointer: '/reason', code: 'required', detail: 'Say why.' });
  }
  if (transition.needs === 'waiting') {
    const errors = [
      ...(!reason ? [{ pointer: '/reason', code: 'required', detail: 'Say what the work is waiting for.' }] : []),
      ...(!input.waitingOn
        ? [{ pointer: '/waitingOn', code: 'required', detail: 'Say whom the work is waiting on: a person, or someone outside in words.' }]
        : []),
    ];
    if (errors.length > 0) throw new ValidationError(errors);
  }
  if (transition.needs === 'feedback' && !feedback) {
    throw new ValidationError({ pointer: '/feedback', code: 'required', detail: 'Write what needs to change.' });
  }
  if (transition.action === 'start') {
    assertWorkable(task);
    const [blocker] = context.openBlockers;
    if (blocker) {
      const all = context.openBlockers.map((open) => open.reference).join(', ');
      throw new ConflictError('task_blocked', `This task is blocked by ${all}; finish or remove the blocker first.`);
    }
  }

  const event: StatusEvent = { from: task.status, to, action: transition.action };
  const next: WorkflowState = {
    ...task,
    status: to,
    statusChangedAt: now,
    closedAt: isOpen(to) ? null : now,
  };
  switch (transition.action) {
    case 'wait':
      next.reason = reason ?? null;
      next.waitingOn = input.waitingOn ?? null;
      next.waitingSince = now;
      event.reason = reason!;
      event.waitingOn = input.waitingOn!;
      break;
    case 'resume':
      if (task.waitingSince) event.waitedMinutes = Math.round((now.getTime() - task.waitingSince.getTime()) / 60_000);
      if (task.reason) event.reason = task.reason;
      if (task.waitingOn) event.waitingOn = task.waitingOn;
      next.reason = null;
      next.waitingOn = null;
      next.waitingSince = null;
      break;
    case 'request_changes':
      next.feedback = feedback ?? null;
      event.feedback = feedback!;
      break;
    case 'reopen':
    case 'cancel':
      next.reason = reason ?? null;
      next.waitingOn = null;
      next.waitingSince = null;
      event.reason = reason!;
      break;
    case 'approve':
      if (feedback) event.feedback = feedback;
      break;
    default:
      next.reason = null;
      break;
  }
  return { next, event };
}

function forbiddenDetail(transition: Transition, context: TransitionContext): string {
  if (transition.by.includes('reviewer')) {
    return context.isCaptain
      ? 'You cannot review your own work; a project manager or the task’s creator reviews it.'
      : 'Only a project manager or the task’s creator reviews this task.';
  }
  if (transition.by.length === 1 && transition.by[0] === 'manager') {
    return `Only a project manager may ${transition.action} a task.`;
  }
  if (transition.by.length === 1 && transition.by[0] === 'captain') return 'Only the captain submits the task for review.';
  return 'Only the captain or a project manager may change this task’s status.';
}

/** Closed tasks are read-only company memory, except for reopening. */
export function assertOpen(status: TaskStatus): void {
  if (!isOpen(status)) {
    throw new ConflictError('task_closed', `This task is ${status}; reopen it to change it.`);
  }
}

/** A task must keep a captain and a deadline once work has started. */
export function assertKeepsWorkable(status: TaskStatus, captainId: number | null, deadline: string | null): void {
  if (status !== 'planned') assertWorkable({ captainId, deadline });
}
