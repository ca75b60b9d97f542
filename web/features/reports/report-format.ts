/**
 * How the report writes hours, shares and dates in the reader's language. Plain dates
 * (`YYYY-MM-DD`) are calendar days already in the organization's time zone, so they are formatted
 * in UTC and never shifted.
 */
import { decimalHours } from '../../../shared/time.js';
import { calendarDay as utc, calendarFormat } from '../time/format.js';
import type { DateRange } from './report-filters.js';
import type { Granularity } from './report-data.js';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** Minutes as decimal hours with two places, as invoices write them: 90 → `1.50` (`1,50` in Turkish). */
export function formatDecimalHours(locale: string, minutes: number): string {
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(decimalHours(minutes));
}

/** A fraction as a whole percentage: 0.754 → `75%` (`%75` in Turkish). */
export function formatPercent(locale: string, fraction: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Hours for a chart axis: `8`, `7.5`. */
export function formatAxisHours(locale: string, hours: number): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(hours);
}

export function formatNumber(locale: string, value: number): string {
  return numberFormat(locale, {}).format(value);
}

/** The report's period: `1–18 Mar 2026`, `28 Feb – 3 Mar 2026`. */
export function formatRange(locale: string, range: DateRange): string {
  const format = calendarFormat(locale, { dateStyle: 'medium' });
  if (range.from === range.to) return format.format(utc(range.from));
  if (range.from > range.to) return `${format.format(utc(range.from))} – ${format.format(utc(range.to))}`;
  return format.formatRange(utc(range.from), utc(range.to));
}

/** A bucket's short label under a bar: `Mar 3` (a day, or a week's first day), `Mar` (or `Mar 26` across years). */
export function bucketTick(locale: string, start: string, granularity: Granularity, acrossYears: boolean): string {
  if (granularity !== 'month') return calendarFormat(locale, { day: 'numeric', month: 'short' }).format(utc(start));
  return calendarFormat(locale, acrossYears ? { month: 'short', year: '2-digit' } : { month: 'short' }).format(utc(start));
}

/** A bucket in full, for the table: `Mon, 3 Mar` (the period above names the year), `3–9 Mar 2026`, `Mar 2026`. */
export function bucketLabel(locale: string, bucket: { start: string; end: string }, granularity: Granularity): string {
  if (granularity === 'day') return calendarFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(utc(bucket.start));
  if (granularity === 'week') return formatRange(locale, { from: bucket.start, to: bucket.end });
  return calendarFormat(locale, { month: 'short', year: 'numeric' }).format(utc(bucket.start));
}
