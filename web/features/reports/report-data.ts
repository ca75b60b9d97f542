/**
 * Shapes a time report for the charts and the tables beside them: slices, buckets over time, bars,
 * and the tasks' actual-against-estimate marks. Pure: plain values in, plain values out.
 */
import { addDays, type TimeReport, weekStartOf } from '../../../shared/time.js';
import { type DateRange, daysInRange } from './report-filters.js';

/** The grey of time without an activity type, and of anything without a usable colour. */
export const NEUTRAL_COLOR = '#7c8799';
/** Billable time in the charts: the app's accent. */
export const BILLABLE_COLOR = '#1f4fbf';
export const NON_BILLABLE_COLOR = NEUTRAL_COLOR;

export function usableColor(color: string | null | undefined): string {
  return color && /^#[0-9a-fA-F]{6}$/.test(color) ? color : NEUTRAL_COLOR;
}

/** Part of a whole as a fraction (0–1); 0 when the whole is empty. */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** Tracked time against capacity (may pass 1); null when the period has no capacity to measure against. */
export function utilisation(report: Pick<TimeReport, 'totalMinutes' | 'capacityMinutes'>): number | null {
  return report.capacityMinutes > 0 ? report.totalMinutes / report.capacityMinutes : null;
}

export interface Slice {
  key: string;
  name: string;
  color: string;
  minutes: number;
  billableMinutes: number;
  /** Of the report's total. */
  share: number;
}

/** Hours by activity type, largest first; time without a type is one slice with the given name. */
export function activitySlices(report: Pick<TimeReport, 'byActivity' | 'totalMinutes'>, noActivityName: string): Slice[] {
  return report.byActivity
    .filter((row) => row.minutes > 0)
    .map((row) => ({
      key: row.activityTypeId === null ? 'none' : String(row.activityTypeId),
      name: row.activityTypeId === null || !row.name ? noActivityName : row.name,
      color: row.activityTypeId === null ? NEUTRAL_COLOR : usableColor(row.color),
      minutes: row.minutes,
      billableMinutes: row.billableMinutes,
      share: share(row.minutes, report.totalMinutes),
    }))
    .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
}

export interface BillableSplit {
  kind: 'billable' | 'nonBillable';
  minutes: number;
  share: number;
}

export function billableSplit(report: Pick<TimeReport, 'totalMinutes' | 'billableMinutes'>): BillableSplit[] {
  const nonBillable = Math.max(0, report.totalMinutes - report.billableMinutes);
  return [
    { kind: 'billable', minutes: report.billableMinutes, share: share(report.billableMinutes, report.totalMinutes) },
    { kind: 'nonBillable', minutes: nonBillable, share: share(nonBillable, report.totalMinutes) },
  ];
}

export type Granularity = 'day' | 'week' | 'month';

/** Days up to about six weeks, weeks up to about half a year, months beyond: a readable number of bars. */
export function granularityFor(range: DateRange): Granularity {
  const days = daysInRange(range);
  if (days <= 45) return 'day';
  if (days <= 190) return 'week';
  return 'month';
}

export interface TimeBucket {
  /** The first date of the bucket (inside the range). */
  start: string;
  /** The last date of the bucket (inside the range). */
  end: string;
  minutes: number;
  billableMinutes: number;
  nonBillableMinutes: number;
  capacityMinutes: number;
}

/**
 * The report's days in buckets covering the whole range, empty days included, so a quiet stretch
 * shows as a gap rather than disappearing. Weeks start on the organization's first weekday.
 */
export function timeBuckets(byDay: TimeReport['byDay'], range: DateRange, granularity: Granularity, weekStart: number): TimeBucket[] {
  const days = new Map(byDay.map((day) => [day.date, day]));
  const buckets: TimeBucket[] = [];
  const keyOf = (date: string) => (granularity === 'day' ? date : granularity === 'week' ? weekStartOf(date, weekStart) : date.slice(0, 7));
  let current: TimeBucket | null = null;
  let currentKey = '';
  const total = Math.max(0, daysInRange(range));
  for (let index = 0; index < total; index += 1) {
    const date = addDays(range.from, index);
    const key = keyOf(date);
    if (!current || key !== currentKey) {
      current = { start: date, end: date, minutes: 0, billableMinutes: 0, nonBillableMinutes: 0, capacityMinutes: 0 };
      currentKey = key;
      buckets.push(current);
    }
    current.end = date;
    const day = days.get(date);
    if (day) {
      current.minutes += day.minutes;
      current.billableMinutes += day.billableMinutes;
      current.nonBillableMinutes += Math.max(0, day.minutes - day.billableMinutes);
      current.capacityMinutes += day.capacityMinutes;
    }
  }
  return buckets;
}

export interface Bar {
  key: string;
  name: string;
  /** A second line: a project's client, a task's reference. */
  detail: string | null;
  minutes: number;
  billableMinutes: number;
  share: number;
}

/** Hours by project, largest first. */
export function projectBars(report: Pick<TimeReport, 'byProject' | 'totalMinutes'>): Bar[] {
  return report.byProject
    .filter((row) => row.minutes > 0)
    .map((row) => ({
      key: String(row.projectId),
      name: row.name,
      detail: row.clientName,
      minutes: row.minutes,
      billableMinutes: row.billableMinutes,
      share: share(row.minutes, report.totalMinutes),
    }))
    .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
}

/** Hours by person, largest first. */
export function personBars(report: Pick<TimeReport, 'byPerson' | 'totalMinutes'>): (Bar & { capacityMinutes: number })[] {
  return report.byPerson
    .filter((row) => row.minutes > 0)
    .map((row) => ({
      key: String(row.userId),
      name: row.name,
      detail: null,
      minutes: row.minutes,
      billableMinutes: row.billableMinutes,
      share: share(row.minutes, report.totalMinutes),
      capacityMinutes: row.capacityMinutes,
    }))
    .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
}

/** The first `limit` bars, the rest summed into one bar named `otherName`, so a long tail stays readable. */
export function limitBars<T extends Bar>(bars: readonly T[], limit: number, otherName: string): Bar[] {
  if (bars.length <= limit) return [...bars];
  const kept = bars.slice(0, limit - 1);
  const rest = bars.slice(limit - 1);
  const other: Bar = {
    key: 'other',
    name: otherName,
    detail: null,
    minutes: rest.reduce((sum, bar) => sum + bar.minutes, 0),
    billableMinutes: rest.reduce((sum, bar) => sum + bar.billableMinutes, 0),
    share: rest.reduce((sum, bar) => sum + bar.share, 0),
  };
  return [...kept, other];
}

/** Actual (all tracked time) against the estimate: `over` past it, `under` below it, `on` at it, `none` without one. */
export type EstimateMark = 'over' | 'under' | 'on' | 'none';

export interface TaskRow {
  taskId: number;
  reference: string;
  title: string;
  minutes: number;
  billableMinutes: number;
  trackedMinutes: number;
  estimateMinutes: number | null;
  mark: EstimateMark;
  /** Tracked minus estimate (positive: over); null without an estimate. */
  differenceMinutes: number | null;
}

export function estimateMark(trackedMinutes: number, estimateMinutes: number | null): EstimateMark {
  if (estimateMinutes === null || estimateMinutes <= 0) return 'none';
  if (trackedMinutes > estimateMinutes) return 'over';
  if (trackedMinutes < estimateMinutes) return 'under';
  return 'on';
}

/** The tasks of one project with time in the period, most time first. */
export function taskRows(report: Pick<TimeReport, 'byTask'>, projectId: number): TaskRow[] {
  return report.byTask
    .filter((task) => task.projectId === projectId && task.minutes > 0)
    .map((task) => ({
      taskId: task.taskId,
      reference: task.reference,
      title: task.title,
      minutes: task.minutes,
      billableMinutes: task.billableMinutes,
      trackedMinutes: task.trackedMinutes,
      estimateMinutes: task.estimateMinutes,
      mark: estimateMark(task.trackedMinutes, task.estimateMinutes),
      differenceMinutes: task.estimateMinutes === null || task.estimateMinutes <= 0 ? null : task.trackedMinutes - task.estimateMinutes,
    }))
    .sort((a, b) => b.minutes - a.minutes || a.reference.localeCompare(b.reference, undefined, { numeric: true }));
}

/** Bars of the tasks (reference as the name, so the chart stays narrow; the title goes in the detail). */
export function taskBars(rows: readonly TaskRow[], totalMinutes: number): Bar[] {
  return rows.map((row) => ({
    key: String(row.taskId),
    name: row.reference,
    detail: row.title,
    minutes: row.minutes,
    billableMinutes: row.billableMinutes,
    share: share(row.minutes, totalMinutes),
  }));
}

/** Minutes as hours for a chart axis (one decimal is enough to draw). */
export function chartHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}
