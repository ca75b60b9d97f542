import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/tasks.js';
import { OPEN_STATUSES } from '../../../shared/workflow.js';
import { Modal } from '../../components/Modal.js';
import { useSession } from '../auth/use-session.js';
import { errorMessage } from '../../components/errors.js';
import { StatusBadge } from '../tasks/StatusBadge.js';
import { listItems, useTaskList } from '../tasks/use-tasks.js';
import { PlayIcon } from './icons.js';
import { useTimerActions } from './use-timer-actions.js';

/** As many of the caller's queue as the dialog shows before they type. */
const QUEUE_SHOWN = 8;

function matches(task: TaskSummary, text: string, locale: string): boolean {
  const lower = text.toLocaleLowerCase(locale);
  return task.reference.toLocaleLowerCase(locale).startsWith(lower) || task.title.toLocaleLowerCase(locale).includes(lower);
}

function TaskChoices({
  title,
  tasks,
  disabled,
  onPick,
}: {
  title: string;
  tasks: readonly TaskSummary[];
  disabled: boolean;
  onPick: (task: TaskSummary) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  if (tasks.length === 0) return null;
  return (
    <section className="timer-pick" aria-labelledby={headingId}>
      <h3 className="timer-pick__title" id={headingId}>
        {title}
      </h3>
      <ul className="timer-pick__list">
        {tasks.map((task) => (
          <li key={task.id}>
            <button
              type="button"
              className="timer-pick__option"
              aria-disabled={disabled || undefined}
              onClick={() => {
                if (!disabled) onPick(task);
              }}
            >
              <PlayIcon size={14} />
              <span className="visually-hidden">{t('timer.dialog.startOn')} </span>
              <span className="task-ref">{task.reference}</span>
              <span className="timer-pick__name">{task.title}</span>
              <StatusBadge status={task.status} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Pick the task to time: the caller's queue first (what they are most likely doing), then any task
 * found by reference or words. Choosing one starts the timer and closes the dialog.
 */
export function StartTimerDialog({ open, onClose, onStarted }: { open: boolean; onClose: () => void; onStarted: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onClose={onClose} title={t('timer.dialog.title')} description={t('timer.dialog.description')}>
      <StartTimerChoices onStarted={onStarted} />
    </Modal>
  );
}

function StartTimerChoices({ onStarted }: { onStarted: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const { isBusy, startTimer } = useTimerActions();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const searchId = useId();
  const text = useDeferredValue(query.trim());
  // The same list as My work's queue, so the two share one cache entry.
  const queue = useTaskList({ captainId: me.user.id, sort: 'queue', status: OPEN_STATUSES, limit: 100 });
  const search = useTaskList({ q: text, status: OPEN_STATUSES, limit: 20 }, { enabled: text.length >= 2 });

  const queueItems = listItems(queue.data);
  const fromQueue = text === '' ? queueItems.slice(0, QUEUE_SHOWN) : queueItems.filter((task) => matches(task, text, i18n.language));
  const inQueue = new Set(fromQueue.map((task) => task.id));
  const found = text.length >= 2 ? listItems(search.data).filter((task) => !inQueue.has(task.id)) : [];
  const searching = text.length >= 2 && search.isFetching;
  const nothing = !queue.isPending && !searching && fromQueue.length === 0 && found.length === 0;

  const pick = async (task: TaskSummary) => {
    setError(null);
    const outcome = await startTimer(task);
    if (outcome.ok) onStarted();
    else if (outcome.message) setError(outcome.message);
  };

  return (
    <div className="timer-dialog">
      <div className="field">
        <label className="field__label" htmlFor={searchId}>
          {t('timer.dialog.search')}
        </label>
        <input
          id={searchId}
          className="input"
          type="search"
          value={query}
          autoComplete="off"
          placeholder={t('timer.dialog.placeholder')}
          aria-describedby={`${searchId}-count`}
          onChange={(event) => setQuery(event.target.value)}
          // biome-ignore lint/a11y/noAutofocus: the dialog opens to find a task; typing is the first thing to do
          autoFocus
        />
      </div>
      <p className="visually-hidden" id={`${searchId}-count`} role="status">
        {text.length >= 2 && !searching ? t('timer.dialog.count', { count: fromQueue.length + found.length }) : ''}
      </p>
      <div role="alert">{error ? <p className="alert alert--error">{error}</p> : null}</div>
      <div className="timer-dialog__choices">
        <TaskChoices title={t('timer.dialog.queue')} tasks={fromQueue} disabled={isBusy} onPick={(task) => void pick(task)} />
        <TaskChoices title={t('timer.dialog.found')} tasks={found} disabled={isBusy} onPick={(task) => void pick(task)} />
        {queue.isPending || searching ? <p className="muted">{t('common.loading')}</p> : null}
        {queue.isError ? <p className="alert alert--error">{errorMessage(queue.error)}</p> : null}
        {search.isError ? <p className="alert alert--error">{errorMessage(search.error)}</p> : null}
        {nothing ? <p className="muted">{text === '' ? t('timer.dialog.emptyQueue') : t('timer.dialog.none')}</p> : null}
      </div>
    </div>
  );
}
