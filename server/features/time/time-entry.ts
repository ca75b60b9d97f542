/**
 * Time entry rules, pure: the 24-hour day, what a stopped timer records (local to the organization's
 * zone), billable defaults and the change list history keeps.
 */
import { formatDuration, MINUTES_PER_DAY } from '../../../shared/time.js';
import { ValidationError } from '../../errors.js';
import { localDateTime } from '../../../shared/deadline.js';

/** Time is recorded for work done: today or earlier, in the organization's zone. */
export function assertNotFuture(date: string, today: string, pointer = '/date'): void {
  if (date > today) {
    throw new ValidationError({ pointer, code: 'future_date', detail: `Record time for today (${today}) or earlier, not for ${date}.` });
  }
}

/** Minutes still free on a day that already holds `dayTotal`. */
export function minutesLeft(dayTotal: number): number {
  return Math.max(0, MINUTES_PER_DAY - dayTotal);
}

/** A person's day holds at most 24 hours; the detail says how much is left. */
export function assertFitsDay(dayTotal: number, minutes: number, date: string, pointer = '/duration'): void {
  if (dayTotal + minutes <= MINUTES_PER_DAY) return;
  const left = minutesLeft(dayTotal);
  throw new ValidationError({
    pointer,
    code: 'day_full',
    detail:
      left === 0
        ? `${date} already holds 24 hours of your time; nothing more fits that day.`
        : `${date} would hold more than 24 hours: only ${formatDuration(left)} is left that day.`,
  });
}

/**
 * What a timer records when it stops: the local date and start time of its start, and the whole
 * minutes it ran (at least one), before the 24-hour rule is applied.
 */
export function timerSpan(startedAt: Date, stoppedAt: Date, timeZone: string): { date: string; startTime: string; minutes: number } {
  const local = localDateTime(startedAt, timeZone);
  const elapsed = (stoppedAt.getTime() - startedAt.getTime()) / 60_000;
  return { date: local.date, startTime: local.time, minutes: Math.max(1, Math.round(elapsed)) };
}

/** A timer's minutes cut to what still fits its day; 0 when nothing does (the timer is discarded). */
export function clampToDay(minutes: number, dayTotal: number): number {
  return Math.min(minutes, minutesLeft(dayTotal));
}

/** Time is billable when its project is, unless its activity type is not. */
export function defaultBillable(projectBillable: boolean, activityType: { billable: boolean } | null): boolean {
  return projectBillable && (activityType === null || activityType.billable);
}

/** The fields of an entry history records when someone else (or an admin, on a locked week) changes it. */
export interface EntryFields {
  taskId: number;
  date: string;
  minutes: number;
  startTime: string | null;
  activityTypeId: number | null;
  billable: boolean;
  note: string;
}

const ENTRY_FIELDS = ['taskId', 'date', 'minutes', 'startTime', 'activityTypeId', 'billable', 'note'] as const;

/** `{ field: { from, to } }` for each of the entry fields that differs; any other properties (a whole record) are ignored. */
export function entryChanges(before: EntryFields, after: EntryFields): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of ENTRY_FIELDS) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
