/**
 * What the live stream's time events refresh: a changed entry refreshes time screens and the task
 * whose tracked total moved (its page, history, and the cards and rows showing the total); a timer
 * started or stopped (on any of the person's devices) refreshes the timer; a submitted or decided
 * week refreshes time screens.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { RealtimeEvent } from '../../../shared/events.js';
import { taskKeys } from '../tasks/keys.js';
import { timeKeys } from './keys.js';

const TIME_EVENTS = new Set<RealtimeEvent['type']>(['time.changed', 'timer.changed', 'timesheet.changed']);

export function isTimeEvent(event: RealtimeEvent): boolean {
  return TIME_EVENTS.has(event.type);
}

export function applyTimeEvent(queryClient: QueryClient, event: RealtimeEvent): void {
  const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
  switch (event.type) {
    case 'timer.changed':
      invalidate(timeKeys.timer());
      break;
    case 'time.changed':
      invalidate(timeKeys.all);
      if (event.taskId !== null) {
        invalidate(taskKeys.task(event.taskId));
        invalidate(taskKeys.history(event.taskId));
      }
      invalidate(taskKeys.lists());
      break;
    default:
      invalidate(timeKeys.all);
      break;
  }
}
