/** Words of the timesheet screens: dates of a week in the reader's language. */
import i18next from 'i18next';
import type { TimesheetStatus } from '../../../../shared/time.js';
import { calendarDay as utc, calendarFormat } from '../format.js';

/** `Tue` and `24 Nov` for a column header. */
export function dayHeading(locale: string, date: string): { weekday: string; day: string } {
  return {
    weekday: calendarFormat(locale, { weekday: 'short' }).format(utc(date)),
    day: calendarFormat(locale, { day: 'numeric', month: 'short' }).format(utc(date)),
  };
}

/** `Tuesday 24 November` (the words a screen reader says for a cell's day). */
export function dayName(locale: string, date: string): string {
  return calendarFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(utc(date));
}

/** `23 – 29 Nov 2026`. */
export function weekRange(locale: string, start: string, end: string): string {
  return calendarFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).formatRange(utc(start), utc(end));
}

export function statusLabel(status: TimesheetStatus): string {
  return i18next.t(`timesheet.status.${status}`);
}

/** Valid `YYYY-MM-DD` from a query parameter, else undefined. */
export function dateParam(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const parsed = utc(value);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? value : undefined;
}

/** A positive whole id from a query parameter, else undefined. */
export function idParam(value: string | null): number | undefined {
  const id = Number(value);
  return value && Number.isInteger(id) && id > 0 ? id : undefined;
}
