/**
 * Time reports as pure rules: which periods may be asked for, how a person's weekly capacity spreads
 * over the days of a period, and how the grouped sums the database returns become a report (every
 * day of the range present, capacity per day and person, breakdowns sorted by time).
 */
import { addDays, capacityByWeekday, isoWeekday, MAX_REPORT_DAYS, type TimeReport } from '../../../shared/time.js';
import { ValidationError } from '../../errors.js';

/** The most tasks a report lists. */
export const REPORT_TASK_LIMIT = 200;

/** Query parameters are reported under `/querystring`, like the schema's own refusals of this endpoint. */
const TO_POINTER = '/querystring/to';

/** Days from `from` to `to`, both counted. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A report runs forwards and covers at most MAX_REPORT_DAYS days. */
export function assertReportPeriod(from: string, to: string): void {
  if (to < from)
    throw new ValidationError({ pointer: TO_POINTER, code: 'before_from', detail: 'The end date comes before the start date.' });
  if (daysBetween(from, to) > MAX_REPORT_DAYS) {
    throw new ValidationError({
      pointer: TO_POINTER,
      code: 'too_long',
      detail: `A report covers at most ${MAX_REPORT_DAYS} days; choose a shorter period.`,
    });
  }
}

/** Every date from `from` to `to`, in order. */
export function datesOf(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** A person's capacity on one date (see capacityByWeekday). */
export function dailyCapacity(weeklyMinutes: number, workingDays: readonly number[], date: string): number {
  return capacityByWeekday(weeklyMinutes, workingDays)[isoWeekday(date)]!;
}

export interface Split {
  minutes: number;
  billableMinutes: number;
}

export interface DaySums extends Split {
  date: string;
  entryCount: number;
}

export interface PersonSums extends Split {
  userId: number;
  name: string;
  /** memberships.capacity_minutes: per week. */
  weeklyCapacityMinutes: number;
}

export interface ReportSums {
  from: string;
  to: string;
  /** ISO weekdays the organization works. */
  workingDays: readonly number[];
  days: readonly DaySums[];
  activities: readonly TimeReport['byActivity'][number][];
  projects: readonly TimeReport['byProject'][number][];
  /** The people in the report: those with entries, and the people filtered for even without any. */
  people: readonly PersonSums[];
  tasks: readonly TimeReport['byTask'][number][];
}

const byTime =
  <T extends Split>(tieBreak: (a: T, b: T) => number) =>
  (a: T, b: T) =>
    b.minutes - a.minutes || tieBreak(a, b);
const text = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/** The report from the database's grouped sums. */
export function buildTimeReport(sums: ReportSums): TimeReport {
  const dates = datesOf(sums.from, sums.to);
  const weekdays = dates.map(isoWeekday);
  // Days of the period per ISO weekday: a person's capacity over it is a sum of seven products.
  const weekdayCounts = Array.from({ length: 8 }, () => 0);
  for (const weekday of weekdays) weekdayCounts[weekday]! += 1;
  const perWeekday = Array.from({ length: 8 }, () => 0);
  const byPerson = sums.people
    .map((person) => {
      const capacity = capacityByWeekday(person.weeklyCapacityMinutes, sums.workingDays);
      capacity.forEach((minutes, weekday) => {
        perWeekday[weekday]! += minutes;
      });
      return {
        userId: person.userId,
        name: person.name,
        capacityMinutes: capacity.reduce((sum, minutes, weekday) => sum + minutes * weekdayCounts[weekday]!, 0),
        minutes: person.minutes,
        billableMinutes: person.billableMinutes,
      };
    })
    .sort(byTime((a, b) => text(a.name, b.name) || a.userId - b.userId));
  const dayByDate = new Map(sums.days.map((day) => [day.date, day]));
  const byDay = dates.map((date, index) => {
    const day = dayByDate.get(date);
    return { date, capacityMinutes: perWeekday[weekdays[index]!]!, minutes: day?.minutes ?? 0, billableMinutes: day?.billableMinutes ?? 0 };
  });
  return {
    from: sums.from,
    to: sums.to,
    totalMinutes: sums.days.reduce((sum, day) => sum + day.minutes, 0),
    billableMinutes: sums.days.reduce((sum, day) => sum + day.billableMinutes, 0),
    entryCount: sums.days.reduce((sum, day) => sum + day.entryCount, 0),
    capacityMinutes: byDay.reduce((sum, day) => sum + day.capacityMinutes, 0),
    // The entries without an activity type come last among equals.
    byActivity: [...sums.activities].sort(
      byTime((a, b) => Number(a.activityTypeId === null) - Number(b.activityTypeId === null) || text(a.name, b.name)),
    ),
    byProject: [...sums.projects].sort(byTime((a, b) => text(a.name, b.name) || a.projectId - b.projectId)),
    byPerson,
    byDay,
    byTask: [...sums.tasks].sort(byTime((a, b) => a.taskId - b.taskId)).slice(0, REPORT_TASK_LIMIT),
  };
}
