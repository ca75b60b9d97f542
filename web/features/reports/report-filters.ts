/**
 * The time report's filters, kept in the address (shareable, back-button friendly): the period
 * (a preset or custom dates), people, projects, clients, activity types and billable. Pure, so
 * the period arithmetic and the address round trip are tested without a browser.
 */
import { addDays, LocalDateSchema, weekStartOf } from '../../../shared/time.js';
import { API_BASE } from '../../api/client.js';

export const PERIOD_PRESETS = ['this-week', 'last-week', 'this-month', 'last-month', 'this-year', 'last-12-months', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PERIOD: PeriodPreset = 'this-month';

export const BILLABLE_CHOICES = ['all', 'billable', 'non-billable'] as const;
export type BillableChoice = (typeof BILLABLE_CHOICES)[number];

export interface ReportFilters {
  period: PeriodPreset;
  /** Only for `custom`: the dates as typed ('' while empty). */
  from: string;
  to: string;
  userIds: number[];
  projectIds: number[];
  clientIds: number[];
  activityTypeIds: number[];
  billable: BillableChoice;
}

export type IdFilter = 'userIds' | 'projectIds' | 'clientIds' | 'activityTypeIds';
export const ID_FILTERS: readonly IdFilter[] = ['userIds', 'projectIds', 'clientIds', 'activityTypeIds'];

export interface DateRange {
  from: string;
  to: string;
}

function isDate(value: string | null): value is string {
  return value !== null && LocalDateSchema.safeParse(value).success;
}

/** `3,7,x,3` → `[3, 7]`: positive whole numbers, once each, in order. */
function readIds(value: string | null): number[] {
  if (!value) return [];
  const ids = value
    .split(',')
    .map((part) => Number(part.trim()))
    .filter((id) => Number.isInteger(id) && id > 0);
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** Without a period in the address the report shows this month; dates without one mean custom dates. */
export function readReportParams(params: URLSearchParams): ReportFilters {
  const period = params.get('period');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const preset: PeriodPreset = (PERIOD_PRESETS as readonly string[]).includes(period ?? '')
    ? (period as PeriodPreset)
    : from || to
      ? 'custom'
      : DEFAULT_PERIOD;
  const billable = params.get('billable');
  return {
    period: preset,
    from: preset === 'custom' ? from : '',
    to: preset === 'custom' ? to : '',
    userIds: readIds(params.get('userIds')),
    projectIds: readIds(params.get('projectIds')),
    clientIds: readIds(params.get('clientIds')),
    activityTypeIds: readIds(params.get('activityTypeIds')),
    billable: billable === 'true' ? 'billable' : billable === 'false' ? 'non-billable' : 'all',
  };
}

/** The address for a set of filters; defaults are left out, so the plain page has a plain address. */
export function writeReportParams(filters: ReportFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period === 'custom') {
    params.set('period', 'custom');
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
  } else if (filters.period !== DEFAULT_PERIOD) {
    params.set('period', filters.period);
  }
  for (const key of ID_FILTERS) if (filters[key].length > 0) params.set(key, [...filters[key]].sort((a, b) => a - b).join(','));
  if (filters.billable !== 'all') params.set('billable', filters.billable === 'billable' ? 'true' : 'false');
  return params;
}

export function emptyFilters(): ReportFilters {
  return readReportParams(new URLSearchParams());
}

/** Whether anything narrows the report besides the period. */
export function hasNarrowingFilters(filters: ReportFilters): boolean {
  return ID_FILTERS.some((key) => filters[key].length > 0) || filters.billable !== 'all';
}

/** `2026-03-15` → `2026-03-01`. */
function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of the month holding `date`. */
function monthEnd(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The same day `months` months earlier or later, kept inside the target month (31 Mar − 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

/**
 * The dates a preset covers on `today` (in the organization's time zone). Current periods run up
 * to today, so capacity and utilisation count only the days that have happened.
 */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: string, weekStart: number): DateRange {
  switch (preset) {
    case 'this-week':
      return { from: weekStartOf(today, weekStart), to: today };
    case 'last-week': {
      const start = addDays(weekStartOf(today, weekStart), -7);
      return { from: start, to: addDays(start, 6) };
    }
    case 'this-month':
      return { from: monthStart(today), to: today };
    case 'last-month': {
      const start = monthStart(addMonths(monthStart(today), -1));
      return { from: start, to: monthEnd(start) };
    }
    case 'this-year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'last-12-months':
      return { from: addDays(addMonths(today, -12), 1), to: today };
  }
}

export type RangeProblem = 'fromMissing' | 'toMissing';

/** The period's dates, or what is missing before the report can be asked for. */
export function resolveRange(filters: ReportFilters, today: string, weekStart: number): { range: DateRange } | { problem: RangeProblem } {
  if (filters.period !== 'custom') return { range: presetRange(filters.period, today, weekStart) };
  if (!isDate(filters.from)) return { problem: 'fromMissing' };
  if (!isDate(filters.to)) return { problem: 'toMissing' };
  return { range: { from: filters.from, to: filters.to } };
}

/** Days from `from` to `to`, both counted; 0 or less when `to` is earlier. */
export function daysInRange(range: DateRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * The report query (`GET /reports/time`, and its exports) in a fixed order, so equal filters give
 * the same string and share one cache entry.
 */
export function toReportQuery(filters: ReportFilters, range: DateRange): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  for (const key of ID_FILTERS) if (filters[key].length > 0) params.set(key, [...filters[key]].sort((a, b) => a - b).join(','));
  if (filters.billable !== 'all') params.set('billable', filters.billable === 'billable' ? 'true' : 'false');
  return params.toString();
}

/** Where the browser downloads the report's entries from (the session cookie goes along). */
export function exportHref(kind: 'csv' | 'xlsx', query: string): string {
  return `${API_BASE}/reports/time/export.${kind}?${query}`;
}

/** Switching to custom dates starts from the dates the preset showed, so the person only adjusts them. */
export function withPeriod(filters: ReportFilters, period: PeriodPreset, shown: DateRange | null): ReportFilters {
  if (period !== 'custom') return { ...filters, period, from: '', to: '' };
  return { ...filters, period, from: filters.from || shown?.from || '', to: filters.to || shown?.to || '' };
}
