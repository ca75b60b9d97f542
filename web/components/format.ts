/** Dates and numbers through Intl, in the reader's language and (when known) the organization's time zone. */

export interface FormatContext {
  locale: string;
  /** IANA zone; the browser's own when absent (e.g. before sign-in). */
  timeZone?: string | undefined;
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(ctx: FormatContext, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${ctx.locale}|${ctx.timeZone ?? ''}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: ctx.timeZone });
    } catch {
      format = new Intl.DateTimeFormat(ctx.locale, options);
    }
    cache.set(key, format);
  }
  return format;
}

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(ctx: FormatContext, value: string | Date): string {
  const date = toDate(value);
  return date ? dateFormat(ctx, { dateStyle: 'medium' }).format(date) : '';
}

export function formatDateTime(ctx: FormatContext, value: string | Date): string {
  const date = toDate(value);
  return date ? dateFormat(ctx, { dateStyle: 'medium', timeStyle: 'short' }).format(date) : '';
}

/**
 * A calendar value, `2026-03-31` or a wall-clock `2026-03-31T17:00` in the organization's zone, in words as
 * written (it already is local time, so never shifted): “31 Mar 2026, 17:00”; `short` leaves out the year.
 */
export function formatCalendar(locale: string, value: string, options: { short?: boolean | undefined } = {}): string {
  const withTime = value.length > 10;
  const date = new Date(`${withTime ? value : `${value}T00:00`}:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  const style: Intl.DateTimeFormatOptions = options.short
    ? { day: 'numeric', month: 'short', ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}) }
    : { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}) };
  return dateFormat({ locale, timeZone: 'UTC' }, style).format(date);
}

export function formatNumber(ctx: FormatContext, value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `n|${ctx.locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(ctx.locale, options);
    cache.set(key, format);
  }
  return format.format(value);
}

/** ISO weekday (1 = Monday … 7 = Sunday) as a word in the given language. */
export function weekdayName(locale: string, isoDay: number, width: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, isoDay));
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(date);
}

/** ISO weekdays in the order a week starting on `weekStart` shows them. */
export function weekdaysFrom(weekStart: number): number[] {
  return Array.from({ length: 7 }, (_, i) => ((weekStart - 1 + i) % 7) + 1);
}
