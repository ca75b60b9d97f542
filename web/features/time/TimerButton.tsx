import { useTranslation } from 'react-i18next';
import { isOpen, type TaskStatus } from '../../../shared/workflow.js';
import { elapsedSeconds, formatElapsed } from './format.js';
import { PlayIcon, StopIcon } from './icons.js';
import { useNow } from './use-now.js';
import { type TimerTask, useTimerActions } from './use-timer-actions.js';

/** The running timer's clock for one start time, ticking each second. */
export function ElapsedClock({ startedAt, className }: { startedAt: string; className?: string }) {
  const now = useNow();
  const seconds = elapsedSeconds(startedAt, now);
  return (
    <time className={className ? `timer-clock ${className}` : 'timer-clock'} dateTime={`PT${seconds}S`}>
      {formatElapsed(seconds)}
    </time>
  );
}

/**
 * Start or stop the timer on one task (open tasks only). `full` (the task page): words and, while running, the clock;
 * `icon` (queue rows, board cards): a small button named for its task, the clock beside it.
 * Starting here while another task's timer runs switches: the server records the other one first.
 */
export function TimerButton({ task, variant = 'full' }: { task: TimerTask & { status: TaskStatus }; variant?: 'full' | 'icon' }) {
  const { t } = useTranslation();
  const { tracksTime, timer, isBusy, startTimer, stopTimer } = useTimerActions();
  const isHere = timer !== null && timer.taskId === task.id;
  // Timers run on open tasks only (the server refuses closed ones); a running one can always be stopped.
  if (!tracksTime || (!isHere && !isOpen(task.status))) return null;
  const onClick = () => {
    if (!isBusy) void (isHere ? stopTimer() : startTimer(task));
  };

  if (variant === 'icon') {
    return (
      <span className={isHere ? 'timer-toggle timer-toggle--running' : 'timer-toggle'}>
        <button
          type="button"
          className="timer-toggle__button"
          // Not `disabled`: that would drop keyboard focus while the request runs.
          aria-disabled={isBusy || undefined}
          aria-label={isHere ? t('timer.stopOn', { reference: task.reference }) : t('timer.startOn', { reference: task.reference })}
          title={isHere ? t('timer.stop') : t('timer.start')}
          onClick={onClick}
        >
          {isHere ? <StopIcon size={14} /> : <PlayIcon size={14} />}
        </button>
        {isHere ? <ElapsedClock startedAt={timer.startedAt} className="timer-toggle__clock" /> : null}
      </span>
    );
  }

  return (
    <button
      type="button"
      className={isHere ? 'button button--small timer-button timer-button--running' : 'button button--small timer-button'}
      aria-disabled={isBusy || undefined}
      onClick={onClick}
    >
      {isHere ? <StopIcon size={14} /> : <PlayIcon size={14} />}
      {isHere ? (
        <>
          {t('timer.stop')}
          <span aria-hidden="true"> · </span>
          <ElapsedClock startedAt={timer.startedAt} />
        </>
      ) : (
        t('timer.start')
      )}
    </button>
  );
}
