import { describe, expect, it } from 'vitest';
import { type TimeEntry, weekDates } from '../../../../shared/time.js';
import {
  buildRows,
  caretEdges,
  cellMode,
  cellText,
  compareReferences,
  dayTotals,
  type GridCell,
  mergeSeeds,
  moveTarget,
  planCellSave,
  seedsOf,
} from './grid.js';

const dates = weekDates('2026-11-23');
let nextId = 1;

function entry(overrides: Partial<TimeEntry> & Pick<TimeEntry, 'taskId' | 'date' | 'minutes'>): TimeEntry {
  const id = nextId++;
  return {
    id,
    userId: 1,
    userName: 'Ayşe',
    taskReference: `WEB-${overrides.taskId}`,
    taskTitle: `Task ${overrides.taskId}`,
    projectId: 1,
    activityTypeId: null,
    startTime: null,
    billable: false,
    note: '',
    source: 'manual',
    weekStart: '2026-11-23',
    weekStatus: 'open',
    createdAt: `2026-11-23T09:00:${String(id % 60).padStart(2, '0')}Z`,
    updatedAt: '2026-11-23T09:00:00Z',
    ...overrides,
  };
}

const cell = (...minutes: number[]): GridCell => ({
  date: '2026-11-24',
  entries: minutes.map((value, index) => ({ id: 100 + index, minutes: value })),
  minutes: minutes.reduce((sum, value) => sum + value, 0),
});

describe('timesheet rows', () => {
  it('puts each (task, activity type) pair on its own row with one cell per day', () => {
    const rows = buildRows(
      [
        entry({ taskId: 3, date: '2026-11-24', minutes: 90, activityTypeId: 2 }),
        entry({ taskId: 3, date: '2026-11-24', minutes: 30, activityTypeId: null }),
        entry({ taskId: 3, date: '2026-11-25', minutes: 60, activityTypeId: 2 }),
      ],
      dates,
      [],
    );
    expect(rows.map((row) => [row.taskReference, row.activityTypeId, row.totalMinutes])).toEqual([
      ['WEB-3', null, 30],
      ['WEB-3', 2, 150],
    ]);
    expect(rows[1]?.cells.map((c) => c.minutes)).toEqual([0, 90, 60, 0, 0, 0, 0]);
  });

  it('sums several entries of one day into one cell and keeps them oldest first', () => {
    const first = entry({ taskId: 5, date: '2026-11-26', minutes: 45, createdAt: '2026-11-26T08:00:00Z' });
    const second = entry({ taskId: 5, date: '2026-11-26', minutes: 20, createdAt: '2026-11-26T07:00:00Z' });
    const [row] = buildRows([first, second], dates, []);
    expect(row?.cells[3]).toEqual({
      date: '2026-11-26',
      minutes: 65,
      entries: [
        { id: second.id, minutes: 20 },
        { id: first.id, minutes: 45 },
      ],
    });
  });

  it('orders rows by reference number, not as text, and keeps added rows in that order', () => {
    const rows = buildRows(
      [entry({ taskId: 12, date: '2026-11-23', minutes: 60 }), entry({ taskId: 3, date: '2026-11-23', minutes: 60 })],
      dates,
      [{ taskId: 7, taskReference: 'WEB-7', taskTitle: 'Seven', activityTypeId: null }],
    );
    expect(rows.map((row) => row.taskReference)).toEqual(['WEB-3', 'WEB-7', 'WEB-12']);
    expect(rows[1]?.totalMinutes).toBe(0);
  });

  it('does not double a row that was added and already has entries', () => {
    const rows = buildRows([entry({ taskId: 3, date: '2026-11-23', minutes: 60 })], dates, [
      { taskId: 3, taskReference: 'WEB-3', taskTitle: 'Task 3', activityTypeId: null },
    ]);
    expect(rows).toHaveLength(1);
  });

  it('ignores entries outside the week', () => {
    expect(buildRows([entry({ taskId: 3, date: '2026-11-30', minutes: 60 })], dates, [])).toEqual([]);
  });

  it('totals each day over all rows', () => {
    const rows = buildRows(
      [
        entry({ taskId: 1, date: '2026-11-23', minutes: 60 }),
        entry({ taskId: 2, date: '2026-11-23', minutes: 30 }),
        entry({ taskId: 2, date: '2026-11-29', minutes: 15 }),
      ],
      dates,
      [],
    );
    expect(dayTotals(rows, dates)).toEqual([90, 0, 0, 0, 0, 0, 15]);
  });

  it('compares references by key and then number', () => {
    expect(['WEB-10', 'API-2', 'WEB-9'].sort(compareReferences)).toEqual(['API-2', 'WEB-9', 'WEB-10']);
  });
});

describe('saving a cell', () => {
  it('creates an entry in an empty cell from any duration people type', () => {
    expect(planCellSave(cell(), '1:30')).toEqual({ kind: 'create', minutes: 90 });
    expect(planCellSave(cell(), '1.5h')).toEqual({ kind: 'create', minutes: 90 });
    expect(planCellSave(cell(), '90m')).toEqual({ kind: 'create', minutes: 90 });
    expect(planCellSave(cell(), '2')).toEqual({ kind: 'create', minutes: 120 });
  });

  it('changes the one entry of a cell, and deletes it when the cell is emptied or zero', () => {
    expect(planCellSave(cell(60), '45m')).toEqual({ kind: 'update', id: 100, minutes: 45 });
    expect(planCellSave(cell(60), '')).toEqual({ kind: 'delete', id: 100 });
    expect(planCellSave(cell(60), '0')).toEqual({ kind: 'delete', id: 100 });
  });

  it('asks nothing when the value did not change or an empty cell stays empty', () => {
    expect(planCellSave(cell(60), '1:00')).toEqual({ kind: 'none' });
    expect(planCellSave(cell(), '  ')).toEqual({ kind: 'none' });
  });

  it('refuses text that is not a duration', () => {
    expect(planCellSave(cell(), 'soon')).toEqual({ kind: 'invalid' });
    expect(planCellSave(cell(60), '1:75')).toEqual({ kind: 'invalid' });
  });

  it('never changes a cell of several entries', () => {
    expect(cellMode(cell(30, 30))).toBe('multiple');
    expect(planCellSave(cell(30, 30), '2')).toEqual({ kind: 'none' });
  });

  it('shows minutes as h:mm and an empty cell as nothing', () => {
    expect(cellText(cell(30, 45))).toBe('1:15');
    expect(cellText(cell())).toBe('');
  });
});

describe('moving between cells', () => {
  const grid = { rows: 3, cols: 7, isEnabled: ({ col }: { row: number; col: number }) => col < 5 };
  const anywhere = { atStart: true, atEnd: true };

  it('moves left and right only from the matching end of the text', () => {
    expect(moveTarget({ row: 1, col: 2 }, 'ArrowLeft', grid, { atStart: true, atEnd: false })).toEqual({ row: 1, col: 1 });
    expect(moveTarget({ row: 1, col: 2 }, 'ArrowLeft', grid, { atStart: false, atEnd: true })).toBeNull();
    expect(moveTarget({ row: 1, col: 2 }, 'ArrowRight', grid, { atStart: false, atEnd: true })).toEqual({ row: 1, col: 3 });
    expect(moveTarget({ row: 1, col: 2 }, 'ArrowRight', grid, { atStart: true, atEnd: false })).toBeNull();
  });

  it('moves up and down whatever the caret, and Enter moves down', () => {
    const middle = { atStart: false, atEnd: false };
    expect(moveTarget({ row: 1, col: 2 }, 'ArrowUp', grid, middle)).toEqual({ row: 0, col: 2 });
    expect(moveTarget({ row: 1, col: 2 }, 'ArrowDown', grid, middle)).toEqual({ row: 2, col: 2 });
    expect(moveTarget({ row: 1, col: 2 }, 'Enter', grid, middle)).toEqual({ row: 2, col: 2 });
  });

  it('stops at the edges and skips cells that take no input', () => {
    expect(moveTarget({ row: 0, col: 0 }, 'ArrowUp', grid, anywhere)).toBeNull();
    expect(moveTarget({ row: 2, col: 0 }, 'Enter', grid, anywhere)).toBeNull();
    expect(moveTarget({ row: 0, col: 0 }, 'ArrowLeft', grid, anywhere)).toBeNull();
    expect(moveTarget({ row: 0, col: 4 }, 'ArrowRight', grid, anywhere)).toBeNull();
    const gaps = { rows: 1, cols: 4, isEnabled: ({ col }: { row: number; col: number }) => col !== 1 };
    expect(moveTarget({ row: 0, col: 0 }, 'ArrowRight', gaps, anywhere)).toEqual({ row: 0, col: 2 });
  });

  it('reads the caret: a field selected whole is at both ends', () => {
    expect(caretEdges(0, 4, 4)).toEqual({ atStart: true, atEnd: true });
    expect(caretEdges(0, 0, 4)).toEqual({ atStart: true, atEnd: false });
    expect(caretEdges(4, 4, 4)).toEqual({ atStart: false, atEnd: true });
    expect(caretEdges(2, 2, 4)).toEqual({ atStart: false, atEnd: false });
    expect(caretEdges(0, 0, 0)).toEqual({ atStart: true, atEnd: true });
  });
});

describe('copying rows', () => {
  it('takes each (task, activity type) pair of a week once', () => {
    const seeds = seedsOf([
      entry({ taskId: 3, date: '2026-11-16', minutes: 60, activityTypeId: 2 }),
      entry({ taskId: 3, date: '2026-11-17', minutes: 60, activityTypeId: 2 }),
      entry({ taskId: 4, date: '2026-11-17', minutes: 60 }),
    ]);
    expect(seeds.map((seed) => [seed.taskId, seed.activityTypeId])).toEqual([
      [3, 2],
      [4, null],
    ]);
  });

  it('adds only the rows not already on the page', () => {
    const current = [{ taskId: 3, taskReference: 'WEB-3', taskTitle: 'Kept title', activityTypeId: 2 }];
    const merged = mergeSeeds(current, [
      { taskId: 3, taskReference: 'WEB-3', taskTitle: 'Other', activityTypeId: 2 },
      { taskId: 3, taskReference: 'WEB-3', taskTitle: 'Other', activityTypeId: null },
    ]);
    expect(merged.map((seed) => [seed.taskTitle, seed.activityTypeId])).toEqual([
      ['Kept title', 2],
      ['Other', null],
    ]);
  });
});
