/** Query keys of time tracking: the running timer, entries, timesheets and reports. */
export const timeKeys = {
  all: ['time'] as const,
  timer: () => [...timeKeys.all, 'timer'] as const,
  entries: () => [...timeKeys.all, 'entries'] as const,
  entryList: (query: Record<string, string | number | undefined>) => [...timeKeys.entries(), query] as const,
  timesheets: () => [...timeKeys.all, 'timesheets'] as const,
  timesheet: (week: string | undefined, userId: number | undefined) =>
    [...timeKeys.timesheets(), week ?? 'current', userId ?? 'me'] as const,
  pending: () => [...timeKeys.all, 'pending'] as const,
  reports: () => [...timeKeys.all, 'reports'] as const,
  report: (query: string) => [...timeKeys.reports(), query] as const,
};
