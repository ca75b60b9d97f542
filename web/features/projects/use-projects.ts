/**
 * Projects, members, milestones, clients and saved filters as server state. Mutations store what
 * the server answered (the project, the milestone, the client) and invalidate only lists whose
 * membership the answer cannot tell.
 */
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Client,
  ClientListSchema,
  ClientSchema,
  type CreateClientBody,
  type CreateMilestoneBody,
  type CreateProjectBody,
  type Milestone,
  MilestoneSchema,
  type Project,
  ProjectListSchema,
  type ProjectRole,
  ProjectSchema,
  type ProjectState,
  type UpdateClientBody,
  type UpdateMilestoneBody,
  type UpdateProjectBody,
} from '../../../shared/projects.js';
import { type CreateSavedFilterBody, type SavedFilter, SavedFilterListSchema, SavedFilterSchema } from '../../../shared/tasks.js';
import { apiFetch } from '../../api/client.js';
import { taskKeys } from '../tasks/keys.js';
import { newIdempotencyKey } from '../tasks/use-tasks.js';
import { projectKeys } from './keys.js';

export function useProjects(state: ProjectState | 'all') {
  return useQuery({
    queryKey: projectKeys.list(state),
    queryFn: async ({ signal }) => {
      const query = state === 'all' ? '' : `?state=${state}`;
      return (await apiFetch(`/projects${query}`, { schema: ProjectListSchema, signal })).items;
    },
  });
}

/** Writes a project the server answered into its detail and into every loaded list showing it. */
function storeProject(queryClient: QueryClient, project: Project): void {
  queryClient.setQueryData(projectKeys.detail(project.id), project);
  queryClient.setQueriesData<Project[]>({ queryKey: projectKeys.lists() }, (list) =>
    list?.some((item) => item.id === project.id) ? list.map((item) => (item.id === project.id ? project : item)) : list,
  );
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateProjectBody; idempotencyKey: string }) =>
      apiFetch('/projects', { method: 'POST', body, schema: ProjectSchema, headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
    },
  });
}

export function useUpdateProject(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProjectBody) => apiFetch(`/projects/${projectId}`, { method: 'PATCH', body, schema: ProjectSchema }),
    onSuccess: (project, body) => {
      storeProject(queryClient, project);
      // A new state moves the project between the filtered lists.
      if (body.state !== undefined) void queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
    },
  });
}

export function useSetMember(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: number; role: ProjectRole }) =>
      apiFetch(`/projects/${projectId}/members/${userId}`, { method: 'PUT', body: { role }, schema: ProjectSchema }),
    onSuccess: (project) => storeProject(queryClient, project),
  });
}

export function useRemoveMember(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => apiFetch(`/projects/${projectId}/members/${userId}`, { method: 'DELETE' }),
    onSuccess: (_nothing, userId) => {
      const project = queryClient.getQueryData<Project>(projectKeys.detail(projectId));
      if (project) storeProject(queryClient, { ...project, members: project.members.filter((member) => member.userId !== userId) });
      else void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId), exact: true });
    },
  });
}

/** A new task changes its project's open count and its milestone's progress (task lists are the task layer's). */
export function useInvalidateAfterTaskCreated() {
  const queryClient = useQueryClient();
  return (projectId: number, milestoneId: number | null) => {
    void queryClient.invalidateQueries({ queryKey: projectKeys.detail(projectId), exact: true });
    void queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
    if (milestoneId !== null) void queryClient.invalidateQueries({ queryKey: projectKeys.milestones(projectId) });
  };
}

/* ---------- Milestones ---------- */

function sortMilestones(list: Milestone[]): Milestone[] {
  return [...list].sort((a, b) => a.position - b.position || a.id - b.id);
}

export function useCreateMilestone(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateMilestoneBody; idempotencyKey: string }) =>
      apiFetch(`/projects/${projectId}/milestones`, {
        method: 'POST',
        body,
        schema: MilestoneSchema,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: (milestone) => {
      queryClient.setQueryData<Milestone[]>(projectKeys.milestones(projectId), (list) =>
        list ? sortMilestones([...list.filter((item) => item.id !== milestone.id), milestone]) : list,
      );
    },
  });
}

export function useUpdateMilestone(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateMilestoneBody }) =>
      apiFetch(`/milestones/${id}`, { method: 'PATCH', body, schema: MilestoneSchema }),
    onSuccess: (milestone) => {
      queryClient.setQueryData<Milestone[]>(projectKeys.milestones(projectId), (list) =>
        list ? sortMilestones(list.map((item) => (item.id === milestone.id ? milestone : item))) : list,
      );
    },
  });
}

export function useDeleteMilestone(projectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch(`/milestones/${id}`, { method: 'DELETE' }),
    onSuccess: (_nothing, id) => {
      queryClient.setQueryData<Milestone[]>(projectKeys.milestones(projectId), (list) => list?.filter((item) => item.id !== id));
      // Its tasks stay, without a milestone: lists filtered by it or showing it change.
      void queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
    },
  });
}

/* ---------- Clients ---------- */

export function useClients(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: projectKeys.clients(),
    queryFn: async ({ signal }) => (await apiFetch('/clients', { schema: ClientListSchema, signal })).items,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

function byName(a: Client, b: Client): number {
  return a.name.localeCompare(b.name);
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateClientBody; idempotencyKey?: string }) =>
      apiFetch('/clients', {
        method: 'POST',
        body,
        schema: ClientSchema,
        headers: { 'Idempotency-Key': idempotencyKey ?? newIdempotencyKey() },
      }),
    onSuccess: (client) => {
      queryClient.setQueryData<Client[]>(projectKeys.clients(), (list) =>
        list ? [...list.filter((item) => item.id !== client.id), client].sort(byName) : list,
      );
    },
  });
}

export function useUpdateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateClientBody }) =>
      apiFetch(`/clients/${id}`, { method: 'PATCH', body, schema: ClientSchema }),
    onSuccess: (client) => {
      queryClient.setQueryData<Client[]>(projectKeys.clients(), (list) =>
        list ? list.map((item) => (item.id === client.id ? client : item)).sort(byName) : list,
      );
    },
  });
}

/* ---------- Saved filters ---------- */

export function useSavedFilters() {
  return useQuery({
    queryKey: projectKeys.savedFilters(),
    queryFn: async ({ signal }) => (await apiFetch('/saved-filters', { schema: SavedFilterListSchema, signal })).items,
    staleTime: 5 * 60_000,
  });
}

export function useCreateSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSavedFilterBody) =>
      apiFetch('/saved-filters', {
        method: 'POST',
        body,
        schema: SavedFilterSchema,
        headers: { 'Idempotency-Key': newIdempotencyKey() },
      }),
    onSuccess: (filter) => {
      queryClient.setQueryData<SavedFilter[]>(projectKeys.savedFilters(), (list) =>
        list ? [...list.filter((item) => item.id !== filter.id), filter] : list,
      );
    },
  });
}

export function useDeleteSavedFilter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch(`/saved-filters/${id}`, { method: 'DELETE' }),
    onSuccess: (_nothing, id) => {
      queryClient.setQueryData<SavedFilter[]>(projectKeys.savedFilters(), (list) => list?.filter((item) => item.id !== id));
    },
  });
}
