import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlayIcon, StopIcon } from './icons.js';
import { StartTimerDialog } from './StartTimerDialog.js';
import { ElapsedClock } from './TimerButton.js';
import { TimerNoticeToast } from './TimerNoticeToast.js';
import { useTimerActions } from './use-timer-actions.js';

/**
 * The timer in the top bar, on every page: while it runs, the task (a link), the time since it
 * started (by the server's clock, so every device shows the same) and Stop; otherwise Start, which
 * asks for the task. On phones only the reference, the clock and an icon stay visible.
 */
export function HeaderTimer() {
  const { t } = useTranslation();
  const { tracksTime, timer, isBusy, stopTimer } = useTimerActions();
  const [picking, setPicking] = useState(false);
  // Starting or stopping here swaps one button for the other: focus follows to the new one.
  const startButton = useRef<HTMLButtonElement>(null);
  const stopButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'start' | 'stop' | null>(null);
  const running = timer !== null;

  // Runs after the dialog's own effects (a parent's effects come after its children's), so it has the last word on focus.
  useEffect(() => {
    if (picking) return;
    const target = focusNext.current === 'start' && !running ? startButton : focusNext.current === 'stop' && running ? stopButton : null;
    if (!target) return;
    focusNext.current = null;
    target.current?.focus();
  }, [running, picking]);

  if (!tracksTime) return null;
  return (
    <div className="header-timer">
      {timer ? (
        <div className="header-timer__running">
          <span className="header-timer__pulse" aria-hidden="true" />
          <span className="visually-hidden">{t('timer.running')}:</span>
          <Link to={`/tasks/${timer.taskId}`} className="header-timer__task" title={`${timer.taskReference} ${timer.taskTitle}`}>
            <span className="header-timer__reference">{timer.taskReference}</span>
            <span className="header-timer__title">{timer.taskTitle}</span>
          </Link>
          <ElapsedClock startedAt={timer.startedAt} className="header-timer__clock" />
          <button
            ref={stopButton}
            type="button"
            className="header-timer__stop"
            // Not `disabled`: that would drop keyboard focus while the request runs.
            aria-disabled={isBusy || undefined}
            aria-label={t('timer.stopOn', { reference: timer.taskReference })}
            onClick={() => {
              if (isBusy) return;
              focusNext.current = 'start';
              void stopTimer();
            }}
          >
            <StopIcon size={14} />
            <span className="header-timer__label" aria-hidden="true">
              {t('timer.stopShort')}
            </span>
          </button>
        </div>
      ) : (
        <button
          ref={startButton}
          type="button"
          className="header-timer__start"
          aria-haspopup="dialog"
          aria-disabled={isBusy || undefined}
          onClick={() => {
            if (!isBusy) setPicking(true);
          }}
        >
          <PlayIcon size={14} />
          <span className="header-timer__label">{t('timer.start')}</span>
        </button>
      )}
      <StartTimerDialog
        open={picking}
        onClose={() => setPicking(false)}
        onStarted={() => {
          focusNext.current = 'stop';
          setPicking(false);
        }}
      />
      <TimerNoticeToast />
    </div>
  );
}
