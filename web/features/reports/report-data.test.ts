import { describe, expect, it } from 'vitest';
import type { TimeReport } from '../../../shared/time.js';
import {
  activitySlices,
  billableSplit,
  estimateMark,
  granularityFor,
  limitBars,
  NEUTRAL_COLOR,
  personBars,
  projectBars,
  taskRows,
  timeBuckets,
  utilisation,
} from './report-data.js';

function report(overrides: Partial<TimeReport> = {}): TimeReport {
  return {
    from: '2026-03-02',
    to: '2026-03-08',
    totalMinutes: 600,
    billableMinutes: 450,
    entryCount: 6,
    capacityMinutes: 2400,
    byActivity: [],
    byProject: [],
    byPerson: [],
    byDay: [],
    byTask: [],
    ...overrides,
  };
}

describe('activity slices', () => {
  it('gives each activity its colour and share, largest first, and names time without a type', () => {
    const slices = activitySlices(
      report({
        byActivity: [
          { activityTypeId: 1, name: 'Design', color: '#2563eb', minutes: 150, billableMinutes: 150 },
          { activityTypeId: null, name: null, color: null, minutes: 90, billableMinutes: 0 },
          { activityTypeId: 2, name: 'Site visit', color: '#16a34a', minutes: 360, billableMinutes: 300 },
        ],
      }),
      'No activity type',
    );
    expect(slices.map((slice) => [slice.name, slice.color, slice.minutes, slice.share])).toEqual([
      ['Site visit', '#16a34a', 360, 0.6],
      ['Design', '#2563eb', 150, 0.25],
      ['No activity type', NEUTRAL_COLOR, 90, 0.15],
    ]);
  });

  it('falls back to a neutral colour for a colour it cannot draw, and leaves out empty activities', () => {
    const slices = activitySlices(
      report({
        byActivity: [
          { activityTypeId: 1, name: 'Design', color: 'blue;', minutes: 60, billableMinutes: 0 },
          { activityTypeId: 2, name: 'Idle', color: '#000000', minutes: 0, billableMinutes: 0 },
        ],
      }),
      'None',
    );
    expect(slices).toHaveLength(1);
    expect(slices[0]?.color).toBe(NEUTRAL_COLOR);
  });
});

describe('totals', () => {
  it('splits billable from non-billable time', () => {
    expect(billableSplit(report())).toEqual([
      { kind: 'billable', minutes: 450, share: 0.75 },
      { kind: 'nonBillable', minutes: 150, share: 0.25 },
    ]);
    expect(billableSplit(report({ totalMinutes: 0, billableMinutes: 0 })).map((part) => part.share)).toEqual([0, 0]);
  });

  it('measures utilisation against capacity, and says nothing without capacity', () => {
    expect(utilisation(report())).toBe(0.25);
    expect(utilisation(report({ totalMinutes: 3000 }))).toBe(1.25);
    expect(utilisation(report({ capacityMinutes: 0 }))).toBeNull();
  });
});

describe('hours over time', () => {
  it('shows days for a month, weeks for a quarter, months for a year', () => {
    expect(granularityFor({ from: '2026-03-01', to: '2026-03-31' })).toBe('day');
    expect(granularityFor({ from: '2026-01-01', to: '2026-03-31' })).toBe('week');
    expect(granularityFor({ from: '2025-03-19', to: '2026-03-18' })).toBe('month');
  });

  it('fills the days without time, so every day of the range has a bar', () => {
    const buckets = timeBuckets(
      [
        { date: '2026-03-02', minutes: 480, billableMinutes: 300, capacityMinutes: 480 },
        { date: '2026-03-04', minutes: 120, billableMinutes: 120, capacityMinutes: 480 },
      ],
      { from: '2026-03-02', to: '2026-03-08' },
      'day',
      1,
    );
    expect(buckets).toHaveLength(7);
    expect(buckets[0]).toEqual({
      start: '2026-03-02',
      end: '2026-03-02',
      minutes: 480,
      billableMinutes: 300,
      nonBillableMinutes: 180,
      capacityMinutes: 480,
    });
    expect(buckets[1]?.minutes).toBe(0);
    expect(buckets[6]?.start).toBe('2026-03-08');
  });

  it('adds days into weeks starting on the organization’s first weekday, clipped to the range', () => {
    const buckets = timeBuckets(
      [
        { date: '2026-03-04', minutes: 60, billableMinutes: 0, capacityMinutes: 480 },
        { date: '2026-03-09', minutes: 120, billableMinutes: 60, capacityMinutes: 480 },
        { date: '2026-03-15', minutes: 30, billableMinutes: 30, capacityMinutes: 0 },
      ],
      { from: '2026-03-04', to: '2026-03-16' },
      'week',
      1,
    );
    expect(buckets.map((bucket) => [bucket.start, bucket.end, bucket.minutes, bucket.capacityMinutes])).toEqual([
      ['2026-03-04', '2026-03-08', 60, 480],
      ['2026-03-09', '2026-03-15', 150, 480],
      ['2026-03-16', '2026-03-16', 0, 0],
    ]);
  });

  it('adds days into calendar months', () => {
    const buckets = timeBuckets(
      [
        { date: '2026-01-31', minutes: 60, billableMinutes: 60, capacityMinutes: 480 },
        { date: '2026-02-01', minutes: 30, billableMinutes: 0, capacityMinutes: 0 },
      ],
      { from: '2026-01-15', to: '2026-03-02' },
      'month',
      1,
    );
    expect(buckets.map((bucket) => [bucket.start, bucket.end, bucket.minutes])).toEqual([
      ['2026-01-15', '2026-01-31', 60],
      ['2026-02-01', '2026-02-28', 30],
      ['2026-03-01', '2026-03-02', 0],
    ]);
  });
});

describe('bars', () => {
  const byProject: TimeReport['byProject'] = [
    { projectId: 1, key: 'KOR', name: 'Kordon', clientId: 5, clientName: 'Acme', minutes: 120, billableMinutes: 120 },
    { projectId: 2, key: 'ALS', name: 'Alsancak', clientId: null, clientName: null, minutes: 480, billableMinutes: 0 },
  ];

  it('orders projects by hours and carries the client along', () => {
    const bars = projectBars(report({ byProject }));
    expect(bars.map((bar) => [bar.name, bar.detail, bar.share])).toEqual([
      ['Alsancak', null, 0.8],
      ['Kordon', 'Acme', 0.2],
    ]);
  });

  it('orders people by hours with their capacity', () => {
    const bars = personBars(
      report({
        byPerson: [
          { userId: 3, name: 'Ayşe', capacityMinutes: 2400, minutes: 100, billableMinutes: 0 },
          { userId: 4, name: 'Mehmet', capacityMinutes: 1200, minutes: 500, billableMinutes: 450 },
        ],
      }),
    );
    expect(bars.map((bar) => [bar.name, bar.capacityMinutes])).toEqual([
      ['Mehmet', 1200],
      ['Ayşe', 2400],
    ]);
  });

  it('sums a long tail into one bar', () => {
    const bars = Array.from({ length: 5 }, (_unused, index) => ({
      key: String(index),
      name: `P${index}`,
      detail: null,
      minutes: 100 - index * 10,
      billableMinutes: 10,
      share: 0.1,
    }));
    const limited = limitBars(bars, 3, 'Other');
    expect(limited.map((bar) => [bar.name, bar.minutes, bar.billableMinutes])).toEqual([
      ['P0', 100, 10],
      ['P1', 90, 10],
      ['Other', 80 + 70 + 60, 30],
    ]);
    expect(limitBars(bars, 5, 'Other')).toHaveLength(5);
  });
});

describe('tasks against their estimates', () => {
  it('marks tasks over, under and on their estimate by all tracked time, not only this period', () => {
    expect(estimateMark(600, 480)).toBe('over');
    expect(estimateMark(300, 480)).toBe('under');
    expect(estimateMark(480, 480)).toBe('on');
    expect(estimateMark(480, null)).toBe('none');
    expect(estimateMark(480, 0)).toBe('none');
  });

  it('lists the selected project’s tasks with the difference, most time this period first', () => {
    const rows = taskRows(
      report({
        byTask: [
          {
            taskId: 1,
            reference: 'KOR-2',
            title: 'Survey',
            projectId: 1,
            estimateMinutes: 240,
            trackedMinutes: 300,
            minutes: 60,
            billableMinutes: 60,
          },
          {
            taskId: 2,
            reference: 'KOR-10',
            title: 'Drawings',
            projectId: 1,
            estimateMinutes: null,
            trackedMinutes: 200,
            minutes: 200,
            billableMinutes: 0,
          },
          {
            taskId: 3,
            reference: 'ALS-1',
            title: 'Other project',
            projectId: 2,
            estimateMinutes: 60,
            trackedMinutes: 30,
            minutes: 30,
            billableMinutes: 0,
          },
        ],
      }),
      1,
    );
    expect(rows.map((row) => [row.reference, row.mark, row.differenceMinutes])).toEqual([
      ['KOR-10', 'none', null],
      ['KOR-2', 'over', 60],
    ]);
  });
});
