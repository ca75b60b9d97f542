/**
 * Timesheet rules, pure: a week's capacity per day, and how a week moves between open, submitted,
 * approved and rejected.
 */
import { capacityByWeekday, isoWeekday, type TimesheetStatus, weekDates, weekStartOf } from '../../../shared/time.js';
import { ConflictError, ValidationError } from '../../errors.js';

/** The week's dates with the person's capacity on each (see capacityByWeekday: one rule for timesheets and reports). */
export function dailyCapacities(
  weekStart: string,
  weeklyMinutes: number,
  workingDays: readonly number[],
): { date: string; capacityMinutes: number }[] {
  const perWeekday = capacityByWeekday(weeklyMinutes, workingDays);
  return weekDates(weekStart).map((date) => ({ date, capacityMinutes: perWeekday[isoWeekday(date)] ?? 0 }));
}

/** Submitted and approved weeks are read-only for the person; approved ones are locked for managers too. */
export function isLocked(status: TimesheetStatus): boolean {
  return status === 'submitted' || status === 'approved';
}

/** Thrown when a change touches a week that is submitted or approved. */
export function lockedError(weekStart: string, status: TimesheetStatus): ConflictError {
  return new ConflictError(
    'timesheet_locked',
    status === 'approved'
      ? `The week of ${weekStart} is approved; only an organization admin changes its time, with a reason.`
      : `The week of ${weekStart} is submitted for approval; withdraw it to change its time.`,
  );
}

/** People add time only to their open or rejected weeks. */
export function assertWeekOpen(weekStart: string, status: TimesheetStatus): void {
  if (isLocked(status)) throw lockedError(weekStart, status);
}

/** A week to submit must start on the organization's first weekday and must not lie ahead. */
export function assertSubmittableWeek(weekStart: string, weekStartDay: number, today: string): void {
  if (weekStartOf(weekStart, weekStartDay) !== weekStart) {
    throw new ValidationError({
      pointer: '/weekStart',
      code: 'not_week_start',
      detail: `Weeks start on ${weekStartOf(weekStart, weekStartDay)} for that date; send the first day of the week.`,
    });
  }
  if (weekStart > today) {
    throw new ValidationError({
      pointer: '/weekStart',
      code: 'future_week',
      detail: 'This week has not started yet; submit it once it has.',
    });
  }
}

/** What submitting does to a week: nothing when it is already submitted; refused once approved. */
export function submission(status: TimesheetStatus, weekStart: string): 'submit' | 'unchanged' {
  if (status === 'approved') throw lockedError(weekStart, status);
  return status === 'submitted' ? 'unchanged' : 'submit';
}

/** Only a submitted week can be withdrawn, approved or rejected. */
export function assertSubmitted(status: TimesheetStatus, weekStart: string): void {
  if (status !== 'submitted') {
    throw new ConflictError('timesheet_not_submitted', `The week of ${weekStart} is ${status}, not waiting for approval.`);
  }
}

/** A rejection says what to fix; an approval may say something. Answers the comment to store. */
export function decisionComment(decision: 'approve' | 'reject', comment: string | undefined): string | null {
  const text = comment?.trim() ?? '';
  if (decision === 'reject' && text === '') {
    throw new ValidationError({ pointer: '/comment', code: 'required', detail: 'Say what to fix when rejecting a week.' });
  }
  return text === '' ? null : text;
}
