import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { capacityByWeekday } from '../../../shared/time.js';
import { assertReportPeriod, buildTimeReport, dailyCapacity, datesOf, daysBetween, REPORT_TASK_LIMIT, type ReportSums } from './report.js';

const WEEKDAYS = [1, 2, 3, 4, 5];

function refusal(from: string, to: string) {
  try {
    assertReportPeriod(from, to);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).errors[0];
  }
  return undefined;
}

describe('report period', () => {
  it('counts both ends', () => {
    expect(daysBetween('2026-11-01', '2026-11-01')).toBe(1);
    expect(daysBetween('2026-11-01', '2026-11-30')).toBe(30);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(3); // leap day
    expect(datesOf('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('takes a single day and up to 400 days', () => {
    expect(refusal('2026-11-05', '2026-11-05')).toBeUndefined();
    expect(refusal('2026-01-01', '2027-02-04')).toBeUndefined();
  });

  it('refuses an end before the start, pointing at `to`', () => {
    expect(refusal('2026-11-30', '2026-11-01')).toMatchObject({ pointer: '/querystring/to', code: 'before_from' });
  });

  it('refuses more than 400 days, pointing at `to`', () => {
    expect(refusal('2026-01-01', '2027-02-05')).toMatchObject({ pointer: '/querystring/to', code: 'too_long' });
  });
});

describe('capacity', () => {
  it('spreads a 40-hour week over Monday to Friday and gives the weekend nothing', () => {
    expect(capacityByWeekday(2400, WEEKDAYS)).toEqual([0, 480, 480, 480, 480, 480, 0, 0]);
    expect(dailyCapacity(2400, WEEKDAYS, '2026-11-02')).toBe(480); // Monday
    expect(dailyCapacity(2400, WEEKDAYS, '2026-11-07')).toBe(0); // Saturday
  });

  it('gives the spare minutes of an uneven split to the earliest working days, so a week adds up exactly', () => {
    const perDay = capacityByWeekday(2400, [1, 2, 3, 4, 5, 6, 7]);
    expect(perDay.slice(1)).toEqual([343, 343, 343, 343, 343, 343, 342]);
    expect(perDay.reduce((sum, minutes) => sum + minutes, 0)).toBe(2400);
    expect(capacityByWeekday(1830, [2, 4, 6]).slice(1)).toEqual([0, 610, 0, 610, 0, 610, 0]);
    expect(capacityByWeekday(1001, [5, 1]).slice(1)).toEqual([501, 0, 0, 0, 500, 0, 0]);
  });

  it('is zero without working days or without capacity', () => {
    expect(capacityByWeekday(2400, [])).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(capacityByWeekday(0, WEEKDAYS)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('buildTimeReport', () => {
  const base: ReportSums = {
    from: '2026-11-01',
    to: '2026-11-08',
    workingDays: WEEKDAYS,
    days: [
      { date: '2026-11-02', minutes: 180, billableMinutes: 120, entryCount: 2 },
      { date: '2026-11-07', minutes: 30, billableMinutes: 30, entryCount: 1 },
    ],
    activities: [
      { activityTypeId: null, name: null, color: null, minutes: 60, billableMinutes: 60 },
      { activityTypeId: 2, name: 'Meeting', color: '#d97706', minutes: 60, billableMinutes: 0 },
      { activityTypeId: 1, name: 'Design', color: '#8b5cf6', minutes: 90, billableMinutes: 90 },
    ],
    projects: [
      { projectId: 2, key: 'B', name: 'Beta', clientId: null, clientName: null, minutes: 60, billableMinutes: 0 },
      { projectId: 1, key: 'A', name: 'Alpha', clientId: 5, clientName: 'Acme', minutes: 150, billableMinutes: 150 },
    ],
    people: [
      { userId: 7, name: 'Ayşe', weeklyCapacityMinutes: 2400, minutes: 210, billableMinutes: 150 },
      { userId: 9, name: 'Part-timer', weeklyCapacityMinutes: 1200, minutes: 0, billableMinutes: 0 },
    ],
    tasks: [
      {
        taskId: 4,
        reference: 'A-4',
        title: 'Four',
        projectId: 1,
        estimateMinutes: null,
        trackedMinutes: 500,
        minutes: 30,
        billableMinutes: 30,
      },
      {
        taskId: 3,
        reference: 'A-3',
        title: 'Three',
        projectId: 1,
        estimateMinutes: 120,
        trackedMinutes: 180,
        minutes: 180,
        billableMinutes: 120,
      },
    ],
  };

  it('adds up totals from the days and fills every day of the period, with the people’s capacity', () => {
    const report = buildTimeReport(base);
    expect(report).toMatchObject({ from: '2026-11-01', to: '2026-11-08', totalMinutes: 210, billableMinutes: 150, entryCount: 3 });
    expect(report.byDay).toEqual([
      { date: '2026-11-01', capacityMinutes: 0, minutes: 0, billableMinutes: 0 },
      { date: '2026-11-02', capacityMinutes: 720, minutes: 180, billableMinutes: 120 },
      { date: '2026-11-03', capacityMinutes: 720, minutes: 0, billableMinutes: 0 },
      { date: '2026-11-04', capacityMinutes: 720, minutes: 0, billableMinutes: 0 },
      { date: '2026-11-05', capacityMinutes: 720, minutes: 0, billableMinutes: 0 },
      { date: '2026-11-06', capacityMinutes: 720, minutes: 0, billableMinutes: 0 },
      { date: '2026-11-07', capacityMinutes: 0, minutes: 30, billableMinutes: 30 },
      { date: '2026-11-08', capacityMinutes: 0, minutes: 0, billableMinutes: 0 },
    ]);
    expect(report.capacityMinutes).toBe(3600);
    expect(report.byPerson).toEqual([
      { userId: 7, name: 'Ayşe', capacityMinutes: 2400, minutes: 210, billableMinutes: 150 },
      { userId: 9, name: 'Part-timer', capacityMinutes: 1200, minutes: 0, billableMinutes: 0 },
    ]);
  });

  it('sorts breakdowns by time, most first; entries without an activity type after equal ones', () => {
    const report = buildTimeReport(base);
    expect(report.byActivity.map((row) => row.name)).toEqual(['Design', 'Meeting', null]);
    expect(report.byProject.map((row) => row.key)).toEqual(['A', 'B']);
    expect(report.byTask.map((row) => row.reference)).toEqual(['A-3', 'A-4']);
  });

  it('answers an empty period with zero days and no breakdowns', () => {
    const report = buildTimeReport({
      ...base,
      from: '2026-11-07',
      to: '2026-11-08',
      days: [],
      activities: [],
      projects: [],
      people: [],
      tasks: [],
    });
    expect(report).toMatchObject({ totalMinutes: 0, billableMinutes: 0, entryCount: 0, capacityMinutes: 0, byActivity: [], byPerson: [] });
    expect(report.byDay).toEqual([
      { date: '2026-11-07', capacityMinutes: 0, minutes: 0, billableMinutes: 0 },
      { date: '2026-11-08', capacityMinutes: 0, minutes: 0, billableMinutes: 0 },
    ]);
  });

  it('lists at most 200 tasks', () => {
    const tasks = Array.from({ length: REPORT_TASK_LIMIT + 5 }, (_, index) => ({
      taskId: index + 1,
      reference: `A-${index + 1}`,
      title: 'Task',
      projectId: 1,
      estimateMinutes: null,
      trackedMinutes: index,
      minutes: index + 1,
      billableMinutes: 0,
    }));
    const report = buildTimeReport({ ...base, tasks });
    expect(report.byTask).toHaveLength(REPORT_TASK_LIMIT);
    expect(report.byTask[0]!.minutes).toBe(REPORT_TASK_LIMIT + 5);
  });
});
