import type { ProjectState } from '../../../shared/projects.js';
import { lookupKeys } from '../tasks/keys.js';

/**
 * Query keys of the projects feature. A project, its milestones, the directory and the activity
 * types share their keys with the task screens' lookups, so one request serves both.
 */
export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (state: ProjectState | 'all') => [...projectKeys.lists(), state] as const,
  detail: (id: number) => lookupKeys.project(id),
  milestones: (projectId: number) => lookupKeys.milestones(projectId),
  clients: () => ['clients'] as const,
  directory: () => lookupKeys.directory(),
  activityTypes: () => lookupKeys.activityTypes(),
  savedFilters: () => ['saved-filters'] as const,
};
