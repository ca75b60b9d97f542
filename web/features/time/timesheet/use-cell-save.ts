/**
 * Saving one timesheet cell: create, change or delete the entry behind it. Saves of the same cell run
 * one after another and each plans against the week as the cache holds it then, so a second blur
 * while the first save is on its way never creates the entry twice.
 */
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { useCallback, useRef } from 'react';
import type { TimeEntry, Timesheet } from '../../../../shared/time.js';
import { useCreateTimeEntry, useDeleteTimeEntry, useUpdateTimeEntry } from '../use-time.js';
import { buildRows, type GridCell, planCellSave, type RowSeed, rowKeyOf } from './grid.js';
import { errorMessage } from '../../../components/errors.js';

export type CellSaveResult = { ok: true } | { ok: false; message: string };

/** The week with one entry added, replaced or removed (by id, so applying it twice changes nothing). */
function withEntry(sheet: Timesheet, change: { put?: TimeEntry; removeId?: number }): Timesheet {
  let entries = sheet.entries.filter((entry) => entry.id !== change.removeId);
  if (change.put) {
    const put = change.put;
    entries = entries.some((entry) => entry.id === put.id)
      ? entries.map((entry) => (entry.id === put.id ? put : entry))
      : [...entries, put];
  }
  return { ...sheet, entries };
}

export function useCellSave(queryKey: QueryKey) {
  const queryClient = useQueryClient();
  const create = useCreateTimeEntry();
  const update = useUpdateTimeEntry();
  const remove = useDeleteTimeEntry();
  const chains = useRef(new Map<string, Promise<CellSaveResult>>());

  const run = useCallback(
    async (row: RowSeed, date: string, text: string): Promise<CellSaveResult> => {
      const sheet = queryClient.getQueryData<Timesheet>(queryKey);
      if (!sheet) return { ok: false, message: i18next.t('problems.unexpected') };
      const key = rowKeyOf(row.taskId, row.activityTypeId);
      const cell: GridCell = buildRows(sheet.entries, [date], []).find((candidate) => candidate.key === key)?.cells[0] ?? {
        date,
        entries: [],
        minutes: 0,
      };
      const plan = planCellSave(cell, text);
      const patch = (change: { put?: TimeEntry; removeId?: number }) =>
        queryClient.setQueryData<Timesheet>(queryKey, (current) => (current ? withEntry(current, change) : current));
      try {
        switch (plan.kind) {
          case 'invalid':
            return { ok: false, message: i18next.t('timesheet.grid.invalidDuration') };
          case 'none':
            return { ok: true };
          case 'create': {
            const entry = await create.mutateAsync({
              taskId: row.taskId,
              date,
              duration: plan.minutes,
              activityTypeId: row.activityTypeId,
            });
            patch({ put: entry });
            return { ok: true };
          }
          case 'update': {
            const entry = await update.mutateAsync({ id: plan.id, duration: plan.minutes });
            patch({ put: entry });
            return { ok: true };
          }
          case 'delete':
            await remove.mutateAsync({ id: plan.id });
            patch({ removeId: plan.id });
            return { ok: true };
        }
      } catch (error) {
        return { ok: false, message: errorMessage(error) };
      }
    },
    [queryClient, queryKey, create.mutateAsync, update.mutateAsync, remove.mutateAsync],
  );

  return useCallback(
    (row: RowSeed, date: string, text: string): Promise<CellSaveResult> => {
      const key = `${rowKeyOf(row.taskId, row.activityTypeId)}|${date}`;
      const previous = chains.current.get(key) ?? Promise.resolve<CellSaveResult>({ ok: true });
      const next = previous.then(() => run(row, date, text));
      chains.current.set(key, next);
      void next.finally(() => {
        if (chains.current.get(key) === next) chains.current.delete(key);
      });
      return next;
    },
    [run],
  );
}
