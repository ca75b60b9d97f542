/**
 * The weekly timesheet grid as plain data: rows of (task, activity type) pairs built from a week's
 * entries, what saving a cell means, and how the arrow keys move between cells. No React here.
 */
import { formatDuration, parseDuration, type TimeEntry } from '../../../../shared/time.js';

/** A row the page shows even before it holds time: the task and activity type it records against. */
export interface RowSeed {
  taskId: number;
  taskReference: string;
  taskTitle: string;
  activityTypeId: number | null;
}

export interface GridCell {
  date: string;
  /** The entries recorded in this cell, oldest first. */
  entries: readonly { id: number; minutes: number }[];
  minutes: number;
}

export interface GridRow extends RowSeed {
  key: string;
  /** One cell per date of the week, in the week's order. */
  cells: GridCell[];
  totalMinutes: number;
}

export function rowKeyOf(taskId: number, activityTypeId: number | null): string {
  return `${taskId}:${activityTypeId ?? '-'}`;
}

/** `WEB-3` before `WEB-12`: the project key by text, then the number as a number. */
export function compareReferences(a: string, b: string): number {
  const [keyA, numberA] = splitReference(a);
  const [keyB, numberB] = splitReference(b);
  if (keyA !== keyB) return keyA < keyB ? -1 : 1;
  return numberA - numberB;
}

function splitReference(reference: string): [string, number] {
  const dash = reference.lastIndexOf('-');
  const number = Number(reference.slice(dash + 1));
  return dash > 0 && Number.isFinite(number) ? [reference.slice(0, dash), number] : [reference, 0];
}

/**
 * The grid's rows: one per (task, activity type) with entries in the week, plus the seeds the person
 * added on the page. Ordered by task reference, then activity type (none first), so a row keeps its
 * place when its first cell is filled or its last one is emptied.
 */
export function buildRows(entries: readonly TimeEntry[], dates: readonly string[], seeds: readonly RowSeed[]): GridRow[] {
  const rows = new Map<string, GridRow>();
  const column = new Map(dates.map((date, index) => [date, index]));
  const rowFor = (seed: RowSeed): GridRow => {
    const key = rowKeyOf(seed.taskId, seed.activityTypeId);
    let row = rows.get(key);
    if (!row) {
      row = {
        taskId: seed.taskId,
        taskReference: seed.taskReference,
        taskTitle: seed.taskTitle,
        activityTypeId: seed.activityTypeId,
        key,
        cells: dates.map((date) => ({ date, entries: [], minutes: 0 })),
        totalMinutes: 0,
      };
      rows.set(key, row);
    }
    return row;
  };

  const ordered = [...entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  for (const entry of ordered) {
    const index = column.get(entry.date);
    if (index === undefined) continue;
    const row = rowFor(entry);
    const cell = row.cells[index] as GridCell;
    row.cells[index] = {
      date: cell.date,
      entries: [...cell.entries, { id: entry.id, minutes: entry.minutes }],
      minutes: cell.minutes + entry.minutes,
    };
    row.totalMinutes += entry.minutes;
  }
  for (const seed of seeds) rowFor(seed);

  return [...rows.values()].sort(
    (a, b) =>
      compareReferences(a.taskReference, b.taskReference) || a.taskId - b.taskId || (a.activityTypeId ?? 0) - (b.activityTypeId ?? 0),
  );
}

/** Minutes per date over all rows, in the order of `dates`. */
export function dayTotals(rows: readonly GridRow[], dates: readonly string[]): number[] {
  return dates.map((_date, index) => rows.reduce((sum, row) => sum + (row.cells[index]?.minutes ?? 0), 0));
}

/** How a cell is edited: typed in when it holds no entry or one; a sum to edit elsewhere when several. */
export function cellMode(cell: GridCell): 'empty' | 'single' | 'multiple' {
  if (cell.entries.length === 0) return 'empty';
  return cell.entries.length === 1 ? 'single' : 'multiple';
}

/** What a cell shows: its minutes as `h:mm`, nothing when empty. */
export function cellText(cell: GridCell): string {
  return cell.minutes > 0 ? formatDuration(cell.minutes) : '';
}

export type SavePlan =
  | { kind: 'none' }
  | { kind: 'invalid' }
  | { kind: 'create'; minutes: number }
  | { kind: 'update'; id: number; minutes: number }
  | { kind: 'delete'; id: number };

/**
 * What leaving a cell with `text` typed in it asks of the server. Empty (or zero) clears the cell;
 * a cell of several entries is never changed from the grid.
 */
export function planCellSave(cell: GridCell, text: string): SavePlan {
  const mode = cellMode(cell);
  if (mode === 'multiple') return { kind: 'none' };
  const minutes = text.trim() === '' ? 0 : parseDuration(text);
  if (minutes === null) return { kind: 'invalid' };
  const single = cell.entries[0];
  if (minutes === 0) return single ? { kind: 'delete', id: single.id } : { kind: 'none' };
  if (!single) return { kind: 'create', minutes };
  return minutes === single.minutes ? { kind: 'none' } : { kind: 'update', id: single.id, minutes };
}

export interface CellPosition {
  row: number;
  col: number;
}

/** Whether the caret sits at the start or the end of a field; a field selected whole counts as both. */
export function caretEdges(
  selectionStart: number | null,
  selectionEnd: number | null,
  length: number,
): { atStart: boolean; atEnd: boolean } {
  if (selectionStart === null || selectionEnd === null) return { atStart: true, atEnd: true };
  const whole = selectionStart === 0 && selectionEnd === length;
  return {
    atStart: whole || (selectionStart === 0 && selectionEnd === 0),
    atEnd: whole || (selectionStart === length && selectionEnd === length),
  };
}

export type MoveKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Enter';

/**
 * The cell a key moves to, skipping cells that cannot take focus (future days), or null to stay.
 * Left and Right move only with the caret at that end of the text; Up, Down and Enter always.
 */
export function moveTarget(
  from: CellPosition,
  key: MoveKey,
  grid: { rows: number; cols: number; isEnabled: (position: CellPosition) => boolean },
  caret: { atStart: boolean; atEnd: boolean },
): CellPosition | null {
  const step = (dRow: number, dCol: number): CellPosition | null => {
    let row = from.row + dRow;
    let col = from.col + dCol;
    while (row >= 0 && row < grid.rows && col >= 0 && col < grid.cols) {
      if (grid.isEnabled({ row, col })) return { row, col };
      row += dRow;
      col += dCol;
    }
    return null;
  };
  switch (key) {
    case 'ArrowLeft':
      return caret.atStart ? step(0, -1) : null;
    case 'ArrowRight':
      return caret.atEnd ? step(0, 1) : null;
    case 'ArrowUp':
      return step(-1, 0);
    case 'ArrowDown':
    case 'Enter':
      return step(1, 0);
  }
}

/** The (task, activity type) rows of a week, as seeds for another week (“copy last week's rows”). */
export function seedsOf(entries: readonly TimeEntry[]): RowSeed[] {
  const seen = new Map<string, RowSeed>();
  for (const entry of entries) {
    const key = rowKeyOf(entry.taskId, entry.activityTypeId);
    if (!seen.has(key)) {
      seen.set(key, {
        taskId: entry.taskId,
        taskReference: entry.taskReference,
        taskTitle: entry.taskTitle,
        activityTypeId: entry.activityTypeId,
      });
    }
  }
  return [...seen.values()];
}

/** Adds seeds not yet present (by row key) to a list, keeping the first of each. */
export function mergeSeeds(current: readonly RowSeed[], added: readonly RowSeed[]): RowSeed[] {
  const keys = new Set(current.map((seed) => rowKeyOf(seed.taskId, seed.activityTypeId)));
  const merged = [...current];
  for (const seed of added) {
    const key = rowKeyOf(seed.taskId, seed.activityTypeId);
    if (keys.has(key)) continue;
    keys.add(key);
    merged.push(seed);
  }
  return merged;
}
