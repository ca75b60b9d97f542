import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDuration, type Timesheet } from '../../../../shared/time.js';
import { caretEdges, cellMode, cellText, type GridRow, type MoveKey, moveTarget, planCellSave } from './grid.js';
import { dayHeading, dayName } from './labels.js';
import type { CellSaveResult } from './use-cell-save.js';

const MOVE_KEYS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter'];

export interface TimesheetGridProps {
  sheet: Timesheet;
  rows: readonly GridRow[];
  /** Cells take input; otherwise the grid is a plain table of numbers. */
  editable: boolean;
  /** The organization's today: later days take no time. */
  today: string;
  activityNames: ReadonlyMap<number, string>;
  caption: string;
  save: (row: GridRow, date: string, text: string) => Promise<CellSaveResult>;
  /** Rows added on the page and still without time can be taken off again. */
  onRemoveRow: (row: GridRow) => void;
  /** Focus goes to this row's first open cell once it is on screen (after “Add a row”). */
  focusRowKey: string | null;
  onFocused: () => void;
}

function rowName(row: GridRow, activityNames: ReadonlyMap<number, string>): string {
  const activity = row.activityTypeId === null ? undefined : activityNames.get(row.activityTypeId);
  return `${row.taskReference} ${row.taskTitle}${activity ? ` (${activity})` : ''}`;
}

/**
 * The week as a table: a row per task and activity type, a column per day. Cells save on blur and
 * Enter, Escape undoes what was typed, arrow keys move like a spreadsheet; what the server refuses
 * stays typed in the cell with the reason listed under the table.
 */
export function TimesheetGrid({
  sheet,
  rows,
  editable,
  today,
  activityNames,
  caption,
  save,
  onRemoveRow,
  focusRowKey,
  onFocused,
}: TimesheetGridProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const table = useRef<HTMLTableElement>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string>>(new Map());
  const draftsRef = useRef(drafts);
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  /** The text each cell last sent, while it is on its way or after it failed: not sent twice. */
  const tried = useRef(new Map<string, string>());
  const dates = sheet.days.map((day) => day.date);
  const isOpenDay = useCallback((col: number) => (dates[col] ?? '') <= today, [dates, today]);

  const setDraft = (key: string, text: string | undefined) => {
    const next = new Map(draftsRef.current);
    if (text === undefined) next.delete(key);
    else next.set(key, text);
    draftsRef.current = next;
    setDrafts(next);
  };
  const setError = (key: string, message: string | undefined) =>
    setErrors((current) => {
      const next = new Map(current);
      if (message === undefined) next.delete(key);
      else next.set(key, message);
      return next;
    });

  const cellKey = (row: GridRow, col: number) => `${row.key}|${dates[col]}`;
  const cellId = (rowIndex: number, col: number) => `${id}-cell-${rowIndex}-${col}`;

  const focusCell = (rowIndex: number, col: number) => {
    const input = table.current?.querySelector<HTMLInputElement>(`[data-cell="${rowIndex}-${col}"]`);
    input?.focus();
  };

  useEffect(() => {
    if (!focusRowKey) return;
    const rowIndex = rows.findIndex((row) => row.key === focusRowKey);
    if (rowIndex < 0) return;
    const todayCol = dates.indexOf(today);
    const col = todayCol >= 0 ? todayCol : dates.findIndex((_date, index) => isOpenDay(index));
    // After the dialog that added the row has handed focus back to its button.
    if (col >= 0) requestAnimationFrame(() => focusCell(rowIndex, col));
    onFocused();
  });

  const commit = (row: GridRow, col: number) => {
    const key = cellKey(row, col);
    const date = dates[col];
    const text = draftsRef.current.get(key);
    if (text === undefined || date === undefined || tried.current.get(key) === text) return;
    const cell = row.cells[col];
    if (!cell) return;
    const plan = planCellSave(cell, text);
    if (plan.kind === 'invalid') {
      setError(key, t('timesheet.grid.invalidDuration'));
      return;
    }
    if (plan.kind === 'none') {
      setDraft(key, undefined);
      setError(key, undefined);
      return;
    }
    tried.current.set(key, text);
    setSaving((current) => new Set(current).add(key));
    void save(row, date, text).then((result) => {
      setSaving((current) => {
        const next = new Set(current);
        next.delete(key);
        return next;
      });
      if (result.ok) {
        tried.current.delete(key);
        setError(key, undefined);
        if (draftsRef.current.get(key) === text) setDraft(key, undefined);
      } else {
        setError(key, result.message);
      }
    });
  };

  const revert = (key: string) => {
    tried.current.delete(key);
    setDraft(key, undefined);
    setError(key, undefined);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>, row: GridRow, rowIndex: number, col: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'Escape') {
      const key = cellKey(row, col);
      if (drafts.has(key) || errors.has(key)) {
        event.preventDefault();
        revert(key);
        // Select the restored value, as after arriving in the cell.
        const input = event.currentTarget;
        requestAnimationFrame(() => input.select());
      }
      return;
    }
    if (!MOVE_KEYS.includes(event.key)) return;
    const input = event.currentTarget;
    const target = moveTarget(
      { row: rowIndex, col },
      event.key as MoveKey,
      { rows: rows.length, cols: dates.length, isEnabled: (position) => isOpenDay(position.col) },
      caretEdges(input.selectionStart, input.selectionEnd, input.value.length),
    );
    if (event.key === 'Enter') {
      event.preventDefault();
      // Moving on blurs the cell, which saves it; in the last row Enter saves in place.
      if (target) focusCell(target.row, target.col);
      else commit(row, col);
      return;
    }
    if (target) {
      event.preventDefault();
      focusCell(target.row, target.col);
    }
  };

  const errorList = rows.flatMap((row, rowIndex) =>
    dates.flatMap((date, col) => {
      const message = errors.get(`${row.key}|${date}`);
      return message ? [{ rowIndex, col, row, date, message }] : [];
    }),
  );
  const weekOver = sheet.capacityMinutes > 0 && sheet.totalMinutes > sheet.capacityMinutes;

  return (
    <>
      <div className="ts-grid-wrap">
        <table ref={table} className="ts-grid">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="ts-grid__task">
                {t('timesheet.grid.task')}
              </th>
              {sheet.days.map((day) => {
                const heading = dayHeading(i18n.language, day.date);
                const isToday = day.date === today;
                const classes = ['ts-grid__day', isToday ? 'ts-grid__day--today' : '', day.date > today ? 'ts-grid__day--ahead' : ''];
                return (
                  <th key={day.date} scope="col" className={classes.filter(Boolean).join(' ')}>
                    <span className="ts-grid__weekday">{heading.weekday}</span>
                    <span className="ts-grid__date">{heading.day}</span>
                    {isToday ? <span className="visually-hidden">{t('timesheet.grid.today')}</span> : null}
                  </th>
                );
              })}
              <th scope="col" className="ts-grid__total">
                {t('timesheet.grid.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={dates.length + 2} className="ts-grid__empty">
                  {editable ? t('timesheet.grid.empty') : t('timesheet.grid.emptyReadOnly')}
                </td>
              </tr>
            ) : null}
            {rows.map((row, rowIndex) => {
              const name = rowName(row, activityNames);
              const activity = row.activityTypeId === null ? t('timesheet.grid.noActivity') : activityNames.get(row.activityTypeId);
              return (
                <tr key={row.key}>
                  <th scope="row" className="ts-grid__task">
                    <div className="ts-row-head">
                      <Link to={`/tasks/${row.taskId}`} className="ts-row-head__task">
                        <span className="task-ref">{row.taskReference}</span> <span className="ts-row-head__title">{row.taskTitle}</span>
                      </Link>
                      {editable && row.totalMinutes === 0 ? (
                        <button
                          type="button"
                          className="icon-button icon-button--small ts-row-head__remove"
                          aria-label={t('timesheet.grid.removeRow', { task: name })}
                          onClick={() => onRemoveRow(row)}
                        >
                          <span aria-hidden="true">×</span>
                        </button>
                      ) : null}
                    </div>
                    {activity ? <span className="ts-row-head__activity">{activity}</span> : null}
                  </th>
                  {row.cells.map((cell, col) => {
                    const key = `${row.key}|${cell.date}`;
                    const label = t('timesheet.grid.cellLabel', { task: name, day: dayName(i18n.language, cell.date) });
                    if (!editable) {
                      return (
                        <td key={cell.date} className="ts-cell ts-cell--static">
                          {cellText(cell)}
                        </td>
                      );
                    }
                    const open = isOpenDay(col);
                    const multiple = cellMode(cell) === 'multiple';
                    const error = errors.get(key);
                    const errorId = `${cellId(rowIndex, col)}-error`;
                    const describedBy = [multiple ? `${id}-several` : '', !open ? `${id}-future` : '', error ? errorId : '']
                      .filter(Boolean)
                      .join(' ');
                    const classes = [
                      'ts-cell',
                      multiple ? 'ts-cell--several' : '',
                      error ? 'ts-cell--invalid' : '',
                      saving.has(key) ? 'ts-cell--saving' : '',
                      cell.date === today ? 'ts-cell--today' : '',
                    ];
                    return (
                      <td key={cell.date} className={classes.filter(Boolean).join(' ')}>
                        <input
                          className="ts-input"
                          type="text"
                          autoComplete="off"
                          spellCheck={false}
                          data-cell={`${rowIndex}-${col}`}
                          aria-label={label}
                          aria-describedby={describedBy || undefined}
                          aria-invalid={error ? true : undefined}
                          aria-busy={saving.has(key) || undefined}
                          title={multiple ? t('timesheet.grid.several') : undefined}
                          disabled={!open}
                          readOnly={multiple}
                          value={drafts.get(key) ?? cellText(cell)}
                          onFocus={(event) => event.currentTarget.select()}
                          onChange={(event) => setDraft(key, event.target.value)}
                          onBlur={() => commit(row, col)}
                          onKeyDown={(event) => onKeyDown(event, row, rowIndex, col)}
                        />
                      </td>
                    );
                  })}
                  <td className="ts-grid__row-total">{row.totalMinutes > 0 ? formatDuration(row.totalMinutes) : ''}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="ts-grid__task">
                {t('timesheet.grid.dayTotal')}
              </th>
              {sheet.days.map((day) => {
                const over = day.minutes > day.capacityMinutes && day.minutes > 0;
                return (
                  <td key={day.date} className={over ? 'ts-day-total ts-day-total--over' : 'ts-day-total'}>
                    <span className="ts-day-total__value">{formatDuration(day.minutes)}</span>
                    {day.capacityMinutes > 0 ? (
                      <span className="ts-day-total__capacity">
                        {t('timesheet.grid.ofCapacity', { capacity: formatDuration(day.capacityMinutes) })}
                      </span>
                    ) : null}
                    {over ? <span className="visually-hidden">{t('timesheet.grid.over')}</span> : null}
                  </td>
                );
              })}
              <td className={weekOver ? 'ts-day-total ts-week-total ts-day-total--over' : 'ts-day-total ts-week-total'}>
                <span className="ts-day-total__value">{formatDuration(sheet.totalMinutes)}</span>
                <span className="ts-day-total__capacity">
                  {t('timesheet.grid.ofCapacity', { capacity: formatDuration(sheet.capacityMinutes) })}
                </span>
                {weekOver ? <span className="visually-hidden">{t('timesheet.grid.over')}</span> : null}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p hidden id={`${id}-several`}>
        {t('timesheet.grid.several')}
      </p>
      <p hidden id={`${id}-future`}>
        {t('timesheet.grid.future')}
      </p>
      <div role="alert" className="ts-errors">
        {errorList.length > 0 ? (
          <>
            <p className="ts-errors__title">{t('timesheet.grid.notSaved')}</p>
            <ul className="ts-errors__list">
              {errorList.map((item) => (
                <li key={`${item.row.key}|${item.date}`} id={`${cellId(item.rowIndex, item.col)}-error`}>
                  <button type="button" className="ts-link-button" onClick={() => focusCell(item.rowIndex, item.col)}>
                    {t('timesheet.grid.cellLabel', { task: rowName(item.row, activityNames), day: dayName(i18n.language, item.date) })}
                  </button>
                  {': '}
                  {item.message}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </>
  );
}
