import { useTranslation } from 'react-i18next';
import { type DeadlineState, deadlineState } from '../../../shared/deadline.js';
import type { TaskSummary } from '../../../shared/tasks.js';
import { formatCalendar } from '../../components/format.js';
import { useFormat } from '../auth/use-session.js';

type DeadlineTask = Pick<TaskSummary, 'deadline' | 'deadlineAt' | 'isOverdue' | 'status'>;

/** The task's deadline state now, in the organization's time zone. */
export function useDeadlineState(task: DeadlineTask): DeadlineState {
  return deadlineState(task, useFormat().timeZone);
}

/** The deadline with an overdue or due-today mark (words, not colour alone); the same on every view of a task. */
export function DeadlineMark({ task, showNone, short }: { task: DeadlineTask; showNone?: boolean; short?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!task.deadline) return showNone ? <span className="muted">{t('tasks.deadline.none')}</span> : null;
  const state = deadlineState(task, format.timeZone);
  return (
    <span className={`deadline deadline--${state}`}>
      <span className="deadline__date">{formatCalendar(format.locale, task.deadline, { short })}</span>
      {state === 'overdue' ? <span className="deadline__flag">{t('tasks.deadline.overdue')}</span> : null}
      {state === 'today' ? <span className="deadline__flag">{t('tasks.deadline.today')}</span> : null}
    </span>
  );
}
