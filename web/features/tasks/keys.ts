import type { TaskStatus } from '../../../shared/workflow.js';

/** What a task list asks the server for (GET /tasks); the same filter gives the same cache entry. */
export interface TaskFilter {
  projectId?: number;
  captainId?: number;
  collaboratorId?: number;
  status?: readonly TaskStatus[];
  milestoneId?: number;
  label?: string;
  overdue?: boolean;
  deadlineFrom?: string;
  deadlineTo?: string;
  q?: string;
  sort?: 'queue' | 'project' | 'deadline' | 'updated';
  limit?: number;
}

/** Drops empty values and orders statuses, so equal filters share one cache entry. */
export function normalizeFilter(filter: TaskFilter): TaskFilter {
  const normal: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    normal[key] = Array.isArray(value) ? [...value].sort() : value;
  }
  return normal as TaskFilter;
}

/** Query keys of everything task-shaped; live updates invalidate these precisely. */
export const taskKeys = {
  all: ['tasks'] as const,
  details: () => [...taskKeys.all, 'detail'] as const,
  task: (id: number) => [...taskKeys.details(), id] as const,
  /** Without a filter: every list (to invalidate them all); with one: that list. */
  lists: (filter?: TaskFilter) =>
    filter ? ([...taskKeys.all, 'list', normalizeFilter(filter)] as const) : ([...taskKeys.all, 'list'] as const),
  history: (id: number) => [...taskKeys.all, 'history', id] as const,
  comments: (id: number) => [...taskKeys.all, 'comments', id] as const,
  attachments: (id: number) => [...taskKeys.all, 'attachments', id] as const,
};

/** Lookups the task screens share with the projects area (same keys, so one request serves both). */
export const lookupKeys = {
  project: (id: number) => ['projects', 'detail', id] as const,
  milestones: (projectId: number) => ['projects', 'detail', projectId, 'milestones'] as const,
  directory: () => ['directory'] as const,
  activityTypes: () => ['activity-types'] as const,
};
