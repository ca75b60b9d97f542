import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysInRange,
  emptyFilters,
  exportHref,
  hasNarrowingFilters,
  presetRange,
  type ReportFilters,
  readReportParams,
  resolveRange,
  toReportQuery,
  withPeriod,
  writeReportParams,
} from './report-filters.js';

const MONDAY = 1;
const SUNDAY = 7;

describe('period presets', () => {
  // 2026-03-18 is a Wednesday.
  const today = '2026-03-18';

  it('runs this week from the organization’s first weekday up to today', () => {
    expect(presetRange('this-week', today, MONDAY)).toEqual({ from: '2026-03-16', to: '2026-03-18' });
    expect(presetRange('this-week', today, SUNDAY)).toEqual({ from: '2026-03-15', to: '2026-03-18' });
  });

  it('gives last week as seven whole days', () => {
    expect(presetRange('last-week', today, MONDAY)).toEqual({ from: '2026-03-09', to: '2026-03-15' });
    expect(presetRange('last-week', '2026-03-16', MONDAY)).toEqual({ from: '2026-03-09', to: '2026-03-15' });
  });

  it('runs this month and this year up to today', () => {
    expect(presetRange('this-month', today, MONDAY)).toEqual({ from: '2026-03-01', to: '2026-03-18' });
    expect(presetRange('this-year', today, MONDAY)).toEqual({ from: '2026-01-01', to: '2026-03-18' });
  });

  it('gives last month as the whole calendar month, across a year end and a leap February', () => {
    expect(presetRange('last-month', today, MONDAY)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('last-month', '2024-03-31', MONDAY)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('last-month', '2026-01-05', MONDAY)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('gives the last 12 months as a year ending today, within the server’s 400-day limit', () => {
    const range = presetRange('last-12-months', today, MONDAY);
    expect(range).toEqual({ from: '2025-03-19', to: '2026-03-18' });
    expect(daysInRange(range)).toBe(365);
    expect(daysInRange(presetRange('last-12-months', '2024-02-29', MONDAY))).toBe(366);
  });

  it('moves months without spilling into the next one', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-18', -12)).toBe('2025-03-18');
  });

  it('counts both ends of a range', () => {
    expect(daysInRange({ from: '2026-03-01', to: '2026-03-01' })).toBe(1);
    expect(daysInRange({ from: '2026-03-25', to: '2026-03-31' })).toBe(7);
    expect(daysInRange({ from: '2026-03-02', to: '2026-03-01' })).toBe(0);
  });
});

describe('report filters in the address', () => {
  it('shows this month with everything when the address says nothing', () => {
    const filters = readReportParams(new URLSearchParams());
    expect(filters).toEqual({
      period: 'this-month',
      from: '',
      to: '',
      userIds: [],
      projectIds: [],
      clientIds: [],
      activityTypeIds: [],
      billable: 'all',
    });
    expect(writeReportParams(filters).toString()).toBe('');
    expect(hasNarrowingFilters(filters)).toBe(false);
  });

  it('round-trips every filter', () => {
    const filters: ReportFilters = {
      period: 'custom',
      from: '2026-01-01',
      to: '2026-02-15',
      userIds: [4, 9],
      projectIds: [2],
      clientIds: [7],
      activityTypeIds: [1, 3],
      billable: 'non-billable',
    };
    const params = writeReportParams(filters);
    expect(params.toString()).toBe(
      'period=custom&from=2026-01-01&to=2026-02-15&userIds=4%2C9&projectIds=2&clientIds=7&activityTypeIds=1%2C3&billable=false',
    );
    expect(readReportParams(params)).toEqual(filters);
    expect(hasNarrowingFilters(filters)).toBe(true);
  });

  it('keeps a preset without dates, and reads dates alone as custom dates', () => {
    expect(writeReportParams({ ...emptyFilters(), period: 'last-week' }).toString()).toBe('period=last-week');
    expect(readReportParams(new URLSearchParams('period=last-week&from=2026-01-01')).from).toBe('');
    const dated = readReportParams(new URLSearchParams('from=2026-01-01&to=2026-01-31'));
    expect(dated).toMatchObject({ period: 'custom', from: '2026-01-01', to: '2026-01-31' });
  });

  it('ignores what it cannot read: unknown periods, bad ids, repeated ids, odd billable values', () => {
    const filters = readReportParams(new URLSearchParams('period=fortnight&userIds=9,x,-2,3,9,0&billable=maybe'));
    expect(filters.period).toBe('this-month');
    expect(filters.userIds).toEqual([3, 9]);
    expect(filters.billable).toBe('all');
  });

  it('reads billable=true as billable only', () => {
    expect(readReportParams(new URLSearchParams('billable=true')).billable).toBe('billable');
  });
});

describe('the report query', () => {
  it('needs both custom dates before asking', () => {
    const custom = { ...emptyFilters(), period: 'custom' as const };
    expect(resolveRange({ ...custom, to: '2026-01-31' }, '2026-03-18', MONDAY)).toEqual({ problem: 'fromMissing' });
    expect(resolveRange({ ...custom, from: '2026-01-01' }, '2026-03-18', MONDAY)).toEqual({ problem: 'toMissing' });
    expect(resolveRange({ ...custom, from: '2026-02-30', to: '2026-03-01' }, '2026-03-18', MONDAY)).toEqual({ problem: 'fromMissing' });
    expect(resolveRange({ ...custom, from: '2026-01-01', to: '2026-01-31' }, '2026-03-18', MONDAY)).toEqual({
      range: { from: '2026-01-01', to: '2026-01-31' },
    });
  });

  it('leaves a range the server will refuse to the server (its message is shown at the dates)', () => {
    const filters = { ...emptyFilters(), period: 'custom' as const, from: '2026-03-01', to: '2025-01-01' };
    expect(resolveRange(filters, '2026-03-18', MONDAY)).toEqual({ range: { from: '2026-03-01', to: '2025-01-01' } });
  });

  it('writes the same query for the same filters, in the server’s parameter names', () => {
    const a = toReportQuery({ ...emptyFilters(), projectIds: [9, 2], billable: 'billable' }, { from: '2026-03-01', to: '2026-03-18' });
    const b = toReportQuery({ ...emptyFilters(), projectIds: [2, 9], billable: 'billable' }, { from: '2026-03-01', to: '2026-03-18' });
    expect(a).toBe(b);
    expect(a).toBe('from=2026-03-01&to=2026-03-18&projectIds=2%2C9&billable=true');
  });

  it('points the exports at the same query', () => {
    expect(exportHref('csv', 'from=2026-03-01&to=2026-03-18')).toBe('/api/v1/reports/time/export.csv?from=2026-03-01&to=2026-03-18');
    expect(exportHref('xlsx', 'from=2026-03-01&to=2026-03-18')).toBe('/api/v1/reports/time/export.xlsx?from=2026-03-01&to=2026-03-18');
  });

  it('starts custom dates from the dates the preset showed', () => {
    const filters = { ...emptyFilters(), projectIds: [3] };
    expect(withPeriod(filters, 'custom', { from: '2026-03-01', to: '2026-03-18' })).toMatchObject({
      period: 'custom',
      from: '2026-03-01',
      to: '2026-03-18',
      projectIds: [3],
    });
    expect(withPeriod({ ...filters, period: 'custom', from: '2026-01-01', to: '2026-01-02' }, 'last-week', null)).toMatchObject({
      period: 'last-week',
      from: '',
      to: '',
    });
  });
});
