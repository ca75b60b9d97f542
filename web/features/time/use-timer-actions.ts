/**
 * Start and stop as every timer control does them: one request at a time across the whole app
 * (a double click or two buttons never start twice), the header updated from the answer at once,
 * and a short confirmation of what was recorded.
 */
import { useIsMutating, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, type Timer } from '../../../shared/time.js';
import { useSession } from '../auth/use-session.js';
import { errorMessage } from '../../components/errors.js';
import { timeKeys } from './keys.js';
import { showTimerNotice } from './timer-notice.js';
import { useRunningTimer, useStartTimer, useStopTimer } from './use-time.js';

export interface TimerTask {
  id: number;
  reference: string;
}

/** Client accounts track no time (the server refuses them): no timer controls, no timer request. */
export function useTracksTime(): boolean {
  return useSession().role !== 'client';
}

/** What a start or stop came to: done, ignored (another is on its way), or refused with a message. */
export type TimerOutcome = { ok: true } | { ok: false; message: string | null };

// Shared by every control: set before the request leaves, so a second click in the same frame is ignored.
let inFlight = false;

export function useTimerActions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tracksTime = useTracksTime();
  const running = useRunningTimer({ enabled: tracksTime });
  const { mutateAsync: start } = useStartTimer();
  const { mutateAsync: stop } = useStopTimer();
  const isBusy = useIsMutating({ mutationKey: timeKeys.timer() }) > 0;
  const timer: Timer | null = running.data ?? null;

  const startTimer = useCallback(
    async (task: TimerTask): Promise<TimerOutcome> => {
      if (inFlight) return { ok: false, message: null };
      inFlight = true;
      try {
        const result = await start({ taskId: task.id });
        queryClient.setQueryData(timeKeys.timer(), { timer: result.timer });
        showTimerNotice(
          result.stopped
            ? t('timer.notice.switched', {
                stopped: result.stopped.taskReference,
                duration: formatDuration(result.stopped.minutes),
                reference: result.timer.taskReference,
              })
            : t('timer.notice.started', { reference: result.timer.taskReference }),
        );
        return { ok: true };
      } catch (error) {
        const message = errorMessage(error);
        showTimerNotice(t('timer.notice.startFailed', { reference: task.reference, message }), 'error');
        return { ok: false, message };
      } finally {
        inFlight = false;
      }
    },
    [start, queryClient, t],
  );

  const stopTimer = useCallback(async (): Promise<TimerOutcome> => {
    if (inFlight || !timer) return { ok: false, message: null };
    inFlight = true;
    try {
      const { entry } = await stop(timer.id);
      queryClient.setQueryData(timeKeys.timer(), { timer: null });
      showTimerNotice(
        entry
          ? t('timer.notice.stopped', { reference: timer.taskReference, duration: formatDuration(entry.minutes) })
          : t('timer.notice.discarded', { reference: timer.taskReference }),
      );
      return { ok: true };
    } catch (error) {
      const message = errorMessage(error);
      showTimerNotice(t('timer.notice.stopFailed', { reference: timer.taskReference, message }), 'error');
      return { ok: false, message };
    } finally {
      inFlight = false;
    }
  }, [stop, queryClient, timer, t]);

  return { tracksTime, timer, isBusy, startTimer, stopTimer };
}
