import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/tasks.js';
import { useFormat } from '../auth/use-session.js';
import { deadlineState, formatDeadline } from './deadline.js';

/** The deadline with an overdue or due-today mark (words, not colour alone). */
export function DeadlineMark({
  task,
  showNone,
}: {
  task: Pick<TaskSummary, 'deadline' | 'deadlineAt' | 'isOverdue' | 'status'>;
  showNone?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!task.deadline) return showNone ? <span className="muted">{t('tasks.deadline.none')}</span> : null;
  const state = deadlineState(task, format.timeZone);
  return (
    <span className={`deadline deadline--${state}`}>
      <span className="deadline__date">{formatDeadline(task.deadline, format.locale)}</span>
      {state === 'overdue' ? <span className="deadline__flag">{t('tasks.deadline.overdue')}</span> : null}
      {state === 'today' ? <span className="deadline__flag">{t('tasks.deadline.today')}</span> : null}
    </span>
  );
}
