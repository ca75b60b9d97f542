/** Deadlines as people read them: the date (and time) as given, in the organization's time zone. */
import type { TaskSummary } from '../../../shared/tasks.js';
import { isOpen } from '../../../shared/workflow.js';

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  }
}

export type DeadlineState = 'overdue' | 'today' | 'upcoming' | 'none';

export function deadlineState(
  task: Pick<TaskSummary, 'deadline' | 'deadlineAt' | 'isOverdue' | 'status'>,
  timeZone: string | undefined,
  now: Date = new Date(),
): DeadlineState {
  if (!task.deadline || !isOpen(task.status)) return 'none';
  // The server's flag is as of the answer; the instant keeps it true while the page stays open.
  if (task.isOverdue || (task.deadlineAt !== null && Date.parse(task.deadlineAt) <= now.getTime())) return 'overdue';
  return task.deadline.slice(0, 10) === todayIn(timeZone, now) ? 'today' : 'upcoming';
}

/**
 * `2026-03-31` → “31 Mar 2026”; `2026-03-31T17:00` → “31 Mar 2026, 17:00”. The wall-clock value is
 * formatted as written (it already is the organization's local time), never shifted.
 */
export function formatDeadline(deadline: string, locale: string): string {
  const [datePart, timePart] = deadline.split('T');
  const [year, month, day] = (datePart ?? '').split('-').map(Number);
  if (!year || !month || !day) return deadline;
  const [hours, minutes] = (timePart ?? '').split(':').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hours ?? 0, minutes ?? 0));
  const options: Intl.DateTimeFormatOptions = timePart
    ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }
    : { dateStyle: 'medium', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** Minutes as “2 h 30 min” pieces, for translation. */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
