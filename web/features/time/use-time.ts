/**
 * Time tracking's server state: the running timer, time entries and timesheets. Every change
 * refreshes all time queries (timer, entries, weeks, reports) and the tasks whose tracked totals moved.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateTimeEntryBody,
  type DecideTimesheetBody,
  PendingTimesheetListSchema,
  RunningTimerSchema,
  StartedTimerSchema,
  type StartTimerBody,
  StoppedTimerSchema,
  TimeEntryListSchema,
  TimeEntrySchema,
  TimesheetSchema,
  type UpdateTimeEntryBody,
} from '../../../shared/time.js';
import { apiFetch } from '../../api/client.js';
import { taskKeys } from '../tasks/keys.js';
import { timeKeys } from './keys.js';

function toSearch(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** After any time change: time screens refetch, and so do tasks (their tracked minutes). */
function useTimeChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: timeKeys.all }), queryClient.invalidateQueries({ queryKey: taskKeys.all })]);
}

/** The caller's running timer, or null. */
export function useRunningTimer(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: timeKeys.timer(),
    queryFn: ({ signal }) => apiFetch('/timer', { schema: RunningTimerSchema, signal }),
    select: (data) => data.timer,
    enabled: options.enabled ?? true,
    // Another device may have started or stopped it: look again whenever the tab comes back.
    refetchOnWindowFocus: 'always',
  });
}

export function useStartTimer() {
  const changed = useTimeChanged();
  return useMutation({
    // Keyed under the timer, so every start/stop button can wait while any of them is pending.
    mutationKey: [...timeKeys.timer(), 'start'],
    mutationFn: (body: StartTimerBody) => apiFetch('/timer', { method: 'POST', body, schema: StartedTimerSchema }),
    onSettled: changed,
  });
}

export function useStopTimer() {
  const changed = useTimeChanged();
  return useMutation({
    mutationKey: [...timeKeys.timer(), 'stop'],
    mutationFn: (timerId: number) => apiFetch('/timer/stop', { method: 'POST', body: { timerId }, schema: StoppedTimerSchema }),
    onSettled: changed,
  });
}

export interface TimeEntryFilter {
  userId?: number | undefined;
  taskId?: number | undefined;
  projectId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function useTimeEntries(filter: TimeEntryFilter, options: { enabled?: boolean } = {}) {
  const query = { ...filter } as Record<string, string | number | undefined>;
  return useQuery({
    queryKey: timeKeys.entryList(query),
    queryFn: ({ signal }) => apiFetch(`/time-entries${toSearch(query)}`, { schema: TimeEntryListSchema, signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

export function useCreateTimeEntry() {
  const changed = useTimeChanged();
  return useMutation({
    mutationFn: (body: CreateTimeEntryBody) => apiFetch('/time-entries', { method: 'POST', body, schema: TimeEntrySchema }),
    onSettled: changed,
  });
}

export function useUpdateTimeEntry() {
  const changed = useTimeChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateTimeEntryBody & { id: number }) =>
      apiFetch(`/time-entries/${id}`, { method: 'PATCH', body, schema: TimeEntrySchema }),
    onSettled: changed,
  });
}

export function useDeleteTimeEntry() {
  const changed = useTimeChanged();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason?: string | undefined }) =>
      apiFetch(`/time-entries/${id}${toSearch({ reason })}`, { method: 'DELETE' }),
    onSettled: changed,
  });
}

/** The query of a person's week, for screens that need options of their own or read a week once (copying its rows). */
export function timesheetQuery(week: string | undefined, userId?: number) {
  return queryOptions({
    queryKey: timeKeys.timesheet(week, userId),
    queryFn: ({ signal }) => apiFetch(`/timesheets${toSearch({ week, userId })}`, { schema: TimesheetSchema, signal }),
  });
}

export function useSubmitTimesheet() {
  const changed = useTimeChanged();
  return useMutation({
    mutationFn: (weekStart: string) => apiFetch('/timesheets/submit', { method: 'POST', body: { weekStart }, schema: TimesheetSchema }),
    onSettled: changed,
  });
}

export function useWithdrawTimesheet() {
  const changed = useTimeChanged();
  return useMutation({
    mutationFn: (weekStart: string) => apiFetch('/timesheets/withdraw', { method: 'POST', body: { weekStart }, schema: TimesheetSchema }),
    onSettled: changed,
  });
}

export function useDecideTimesheet() {
  const changed = useTimeChanged();
  return useMutation({
    mutationFn: (body: DecideTimesheetBody) => apiFetch('/timesheets/decide', { method: 'POST', body, schema: TimesheetSchema }),
    onSettled: changed,
  });
}

/** Submitted weeks the caller may approve, oldest first. */
export function usePendingTimesheets(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: timeKeys.pending(),
    queryFn: ({ signal }) => apiFetch('/timesheets/pending', { schema: PendingTimesheetListSchema, signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}
