/**
 * Deadlines are local to the organization: a date, or a date and time, in its time zone. The zone
 * helpers here (today, wall clock of an instant, instant of a wall clock) also serve time tracking.
 */
import { isOpen, type TaskStatus } from './workflow.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone ?? '');
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone ?? '', cached);
  }
  return cached;
}

/** The wall-clock parts (year, month, day, hour, minute, second) of an instant in a zone. */
function wallClockParts(instant: Date | number, timeZone: string | undefined): Record<string, string> {
  return Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = wallClockParts(instant, timeZone);
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time occurs in a zone (the later one when clocks repeat an hour). */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return new Date(second);
}

/** When a deadline passes: at its time, or at the end of its day when it has none. */
export function deadlineInstant(deadline: string, timeZone: string): Date {
  const [date, time] = deadline.split('T') as [string, string | undefined];
  if (time) return zonedToUtc(date, time, timeZone);
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return zonedToUtc(next.toISOString().slice(0, 10), '00:00', timeZone);
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant in a zone. */
export function localDateTime(instant: Date, timeZone: string | undefined): { date: string; time: string } {
  const parts = wallClockParts(instant, timeZone);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Today's date (YYYY-MM-DD) in a zone; the runtime's own zone when none is known or it is not one. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    return localDateTime(now, timeZone).date;
  } catch {
    return localDateTime(now, undefined).date;
  }
}

/** Overdue: the deadline's instant has come and the task is still open. */
export function isOverdue(task: { status: TaskStatus; deadlineAt: Date | string | null }, now: Date): boolean {
  return task.deadlineAt !== null && isOpen(task.status) && new Date(task.deadlineAt).getTime() <= now.getTime();
}

/** `none` for a task without a deadline and for a closed one. */
export type DeadlineState = 'overdue' | 'today' | 'upcoming' | 'none';

/**
 * A task's deadline as people read it: overdue from its instant on (a deadline at 09:00 is overdue at 10:00),
 * due today by the local date, else upcoming. `isOverdue` is the server's answer as of the response.
 */
export function deadlineState(
  task: { status: TaskStatus; deadline: string | null; deadlineAt: string | null; isOverdue: boolean },
  timeZone: string | undefined,
  now: Date = new Date(),
): DeadlineState {
  if (!task.deadline || !isOpen(task.status)) return 'none';
  // The server's flag is as of the answer; the instant keeps it true while the page stays open.
  if (task.isOverdue || isOverdue(task, now)) return 'overdue';
  return task.deadline.slice(0, 10) === todayIn(timeZone, now) ? 'today' : 'upcoming';
}
