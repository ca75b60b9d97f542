import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../shared/projects.js';
import { allowedTransitions } from '../../../shared/task-rules.js';
import type { Task, TaskSummary } from '../../../shared/tasks.js';
import type { Transition } from '../../../shared/workflow.js';
import { useSession } from '../auth/use-session.js';
import { errorMessage } from '../../components/errors.js';
import { actionLabel } from './labels.js';
import { useProject } from './lookups.js';
import { taskParts } from './task-parts.js';
import { TransitionDialog } from './TransitionDialog.js';
import { useChangeStatus, useReview } from './use-tasks.js';

export interface StatusActionsProps {
  task: TaskSummary | Task;
  /** The task's project when the caller has it; otherwise it is looked up (cached per project). */
  project?: Pick<Project, 'myRole' | 'reviewRequired'> | undefined;
  /** Small buttons for rows; leaves out cancelling (a manager's act, made from the task page). */
  compact?: boolean;
  onMoved?: (task: Task) => void;
}

const ORDER: Transition['action'][] = [
  'start',
  'resume',
  'submit',
  'complete',
  'approve',
  'request_changes',
  'wait',
  'restore',
  'reopen',
  'cancel',
];

/** The workflow moves this person may make on this task now, as buttons; moves that need words open a dialog. */
export function StatusActions({ task, project: given, compact, onMoved }: StatusActionsProps) {
  const { t } = useTranslation();
  const me = useSession();
  const lookedUp = useProject(given ? null : task.projectId);
  const project = given ?? lookedUp.data;
  const changeStatus = useChangeStatus();
  const review = useReview();
  const [dialog, setDialog] = useState<Transition | null>(null);
  const [error, setError] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);

  // Until the project is known, wait rather than offer moves that may be refused.
  if (!given && lookedUp.isPending) return null;
  const moves = allowedTransitions(task.status, taskParts(task, me, project))
    .filter((move) => !(compact && move.action === 'cancel'))
    .sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action));
  if (moves.length === 0) return null;
  const pending = changeStatus.isPending || review.isPending;

  async function run(move: Transition) {
    setError(null);
    if (move.needs) {
      setDialog(move);
      return;
    }
    try {
      const moved =
        move.via === 'review'
          ? await review.mutateAsync({ id: task.id, decision: 'approve' })
          : await changeStatus.mutateAsync({ id: task.id, status: move.to });
      onMoved?.(moved);
      // The pressed button may be gone (Start becomes Submit…): keep focus in the group.
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body && document.activeElement.isConnected) return;
        container.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
      });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  const size = compact ? ' button--small' : '';
  return (
    <div ref={container} className={compact ? 'status-actions status-actions--compact' : 'status-actions'}>
      <fieldset className="status-actions__buttons">
        <legend className="visually-hidden">{t('tasks.actionsLabel', { reference: task.reference })}</legend>
        {moves.map((move, index) => (
          <button
            key={move.action}
            type="button"
            className={`button${size}${
              move.action === 'cancel' ? ' button--danger-outline' : index === 0 && move.action !== 'wait' ? ' button--primary' : ''
            }`}
            disabled={pending}
            onClick={() => void run(move)}
          >
            {move.needs ? `${actionLabel(move.action)}…` : actionLabel(move.action)}
            {compact ? <span className="visually-hidden"> {task.reference}</span> : null}
          </button>
        ))}
      </fieldset>
      <div role="alert" className="status-actions__error">
        {error ? <p className="alert alert--error">{error}</p> : null}
      </div>
      <TransitionDialog
        task={dialog ? task : null}
        transition={dialog}
        onClose={() => setDialog(null)}
        onDone={(moved) => onMoved?.(moved)}
      />
    </div>
  );
}
