/** Pure helpers for showing time: a running timer's clock and a task's tracked time against its estimate. */
import { formatDuration } from '../../../shared/time.js';

/** Whole seconds since `startedAt` (never negative: a clock a little behind the server's shows 0:00:00). */
export function elapsedSeconds(startedAt: string, now: number): number {
  const started = Date.parse(startedAt);
  if (Number.isNaN(started)) return 0;
  return Math.max(0, Math.floor((now - started) / 1000));
}

/** Seconds as `h:mm:ss` (754 → `0:12:34`), the running timer's clock. */
export function formatElapsed(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

export interface TrackedSummary {
  tracked: string;
  estimate: string | null;
  /** Tracked as a share of the estimate (1 = all of it); null without an estimate. */
  ratio: number | null;
  isOver: boolean;
}

/**
 * Tracked time against the estimate, as `h:mm`: null when there is neither (nothing worth showing);
 * an estimate of 0 counts as none.
 */
export function trackedSummary(trackedMinutes: number, estimateMinutes: number | null): TrackedSummary | null {
  const estimate = estimateMinutes !== null && estimateMinutes > 0 ? estimateMinutes : null;
  if (trackedMinutes <= 0 && estimate === null) return null;
  return {
    tracked: formatDuration(Math.max(0, trackedMinutes)),
    estimate: estimate === null ? null : formatDuration(estimate),
    ratio: estimate === null ? null : trackedMinutes / estimate,
    isOver: estimate !== null && trackedMinutes > estimate,
  };
}

const calendarFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date format for plain calendar dates (`YYYY-MM-DD`), kept per locale and options. Plain dates
 * are calendar days, not instants: they are formatted in UTC so no time zone moves them.
 */
export function calendarFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = calendarFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    calendarFormats.set(key, format);
  }
  return format;
}

/** A plain date (`2026-03-31`) as the instant to give {@link calendarFormat}: midnight UTC. */
export function calendarDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * A calendar date (`2026-03-31`) in words, e.g. `Tue, 31 Mar 2026`, without the year when it is
 * `thisYear`; never shifted by a time zone.
 */
export function formatLocalDate(date: string, locale: string, thisYear?: string): string {
  const withYear = thisYear === undefined || date.slice(0, 4) !== thisYear;
  const format = calendarFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: withYear ? 'numeric' : undefined });
  const day = calendarDay(date);
  return Number.isNaN(day.getTime()) ? date : format.format(day);
}
