/** What task screens look up besides tasks: the project (members, review rule, my role), people, activity types. */
import { useQuery } from '@tanstack/react-query';
import { ActivityTypeListSchema, DirectorySchema, MilestoneListSchema, ProjectSchema } from '../../../shared/projects.js';
import { apiFetch } from '../../api/client.js';
import { lookupKeys } from './keys.js';

export function useProject(id: number | null | undefined) {
  return useQuery({
    queryKey: lookupKeys.project(id ?? 0),
    queryFn: ({ signal }) => apiFetch(`/projects/${id}`, { schema: ProjectSchema, signal }),
    enabled: typeof id === 'number' && id > 0,
    staleTime: 60_000,
  });
}

export function useMilestones(projectId: number | null | undefined) {
  return useQuery({
    queryKey: lookupKeys.milestones(projectId ?? 0),
    queryFn: async ({ signal }) => (await apiFetch(`/projects/${projectId}/milestones`, { schema: MilestoneListSchema, signal })).items,
    enabled: typeof projectId === 'number' && projectId > 0,
    staleTime: 60_000,
  });
}

/** Everyone in the organization: whom work may wait on, and names for ids. */
export function useDirectory(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: lookupKeys.directory(),
    queryFn: async ({ signal }) => (await apiFetch('/directory', { schema: DirectorySchema, signal })).items,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

export function useActivityTypes(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: lookupKeys.activityTypes(),
    queryFn: async ({ signal }) => (await apiFetch('/activity-types', { schema: ActivityTypeListSchema, signal })).items,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
