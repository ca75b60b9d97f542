/**
 * Tasks as server state: one hook per resource or use case. Mutations write what the server
 * answered into the caches (the task itself, its row in loaded lists) and invalidate only what
 * the answer cannot tell (history, list membership).
 */
import {
  type InfiniteData,
  type QueryClient,
  type QueryKey,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type ChangeStatusBody,
  type CreateTaskBody,
  HistorySchema,
  type MoveTaskBody,
  type ReviewBody,
  type Task,
  type TaskPage,
  TaskPageSchema,
  TaskSchema,
  type TaskSummary,
  type UpdateTaskBody,
} from '../../../shared/tasks.js';
import { ApiError, apiFetch } from '../../api/client.js';
import { type TaskFilter, normalizeFilter, taskKeys } from './keys.js';

/** A random key for `Idempotency-Key` (getRandomValues works on plain-HTTP installs; randomUUID does not). */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function useTask(id: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: taskKeys.task(id),
    queryFn: ({ signal }) => apiFetch(`/tasks/${id}`, { schema: TaskSchema, signal }),
    enabled: (options.enabled ?? true) && Number.isInteger(id) && id > 0,
  });
}

export function taskListPath(filter: TaskFilter, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(normalizeFilter(filter))) {
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (cursor) params.set('cursor', cursor);
  return `/tasks?${params}`;
}

/** A filtered, sorted list of tasks, page by page (`fetchNextPage` while `hasNextPage`). */
export function useTaskList(filter: TaskFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: taskKeys.lists(filter),
    queryFn: ({ signal, pageParam }) => apiFetch(taskListPath(filter, pageParam), { schema: TaskPageSchema, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last: TaskPage) => last.nextCursor,
    enabled: options.enabled ?? true,
  });
}

/** All loaded rows of a paged list, in order. */
export function listItems(data: InfiniteData<TaskPage> | undefined): TaskSummary[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

export function toSummary(task: Task): TaskSummary {
  const { description: _description, ...summary } = task;
  return summary;
}

type ListData = InfiniteData<TaskPage, string | null>;

/** Stores a task the server answered with: its detail, and its row wherever a loaded list shows it. */
export function storeTask(queryClient: QueryClient, task: Task): void {
  const cached = queryClient.getQueryData<Task>(taskKeys.task(task.id));
  // An older answer arriving late must not overwrite a newer one.
  if (!cached || cached.version <= task.version) queryClient.setQueryData(taskKeys.task(task.id), task);
  const summary = toSummary(task);
  queryClient.setQueriesData<ListData>({ queryKey: taskKeys.lists() }, (data) => {
    if (!data?.pages.some((page) => page.items.some((item) => item.id === task.id))) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => (item.id === task.id ? { ...summary, highlight: item.highlight } : item)),
      })),
    };
  });
}

/** After a status or assignment change, lists may gain or lose the task: refetch those on screen only. */
function refreshListsAndHistory(queryClient: QueryClient, taskId: number): void {
  void queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: taskKeys.history(taskId) });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateTaskBody; idempotencyKey?: string }) =>
      apiFetch('/tasks', {
        method: 'POST',
        body,
        schema: TaskSchema,
        // A retried create (lost answer, double click) returns the first task instead of a copy.
        headers: { 'Idempotency-Key': idempotencyKey ?? newIdempotencyKey() },
      }),
    onSuccess: (task) => {
      queryClient.setQueryData(taskKeys.task(task.id), task);
      void queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
    },
  });
}

/** The task as it is now, when a save was refused because someone changed it meanwhile (412). */
export function conflictOf(error: unknown): Task | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = TaskSchema.safeParse(error.extensions.current);
  return current.success ? current.data : null;
}

export interface UpdateTaskInput {
  id: number;
  /** The version the person edited; the server refuses (412) if the task moved on since. */
  version: number;
  changes: Omit<UpdateTaskBody, 'version'>;
}

/**
 * Saves field changes with the version they were made on. On 412 the error carries the current
 * task: read it with `conflictOf(error)` to show what changed and offer reload or re-apply.
 */
export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: UpdateTaskInput) =>
      apiFetch(`/tasks/${id}`, {
        method: 'PATCH',
        body: { ...changes, version },
        headers: { 'If-Match': `"${version}"` },
        schema: TaskSchema,
      }),
    onSuccess: (task, { changes }) => {
      storeTask(queryClient, task);
      void queryClient.invalidateQueries({ queryKey: taskKeys.history(task.id) });
      // Captain, deadline, milestone and labels decide which lists show the task.
      const listed = ['captainId', 'collaboratorIds', 'deadline', 'milestoneId', 'labels', 'parentId'] as const;
      if (listed.some((field) => changes[field] !== undefined)) {
        void queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
      }
    },
  });
}

export interface ChangeStatusInput extends ChangeStatusBody {
  id: number;
}

export function useChangeStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ChangeStatusInput) => apiFetch(`/tasks/${id}/status`, { method: 'POST', body, schema: TaskSchema }),
    onSuccess: (task) => {
      storeTask(queryClient, task);
      refreshListsAndHistory(queryClient, task.id);
    },
  });
}

export interface ReviewInput extends ReviewBody {
  id: number;
}

export function useReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ReviewInput) => apiFetch(`/tasks/${id}/review`, { method: 'POST', body, schema: TaskSchema }),
    onSuccess: (task) => {
      storeTask(queryClient, task);
      refreshListsAndHistory(queryClient, task.id);
    },
  });
}

export type MoveTaskInput = MoveTaskBody & { id: number };

/** Moves `id` before or after the target in a flat list; unchanged when either is missing. */
export function reorder<T extends { id: number }>(items: readonly T[], move: MoveTaskInput): T[] {
  const moving = items.find((item) => item.id === move.id);
  const targetId = move.beforeId ?? move.afterId;
  if (!moving || targetId === undefined || targetId === move.id) return [...items];
  const rest = items.filter((item) => item.id !== move.id);
  const at = rest.findIndex((item) => item.id === targetId);
  if (at < 0) return [...items];
  rest.splice(move.beforeId !== undefined ? at : at + 1, 0, moving);
  return rest;
}

/** Keeps page sizes: the reordered rows are poured back into the pages they came in. */
function reorderPages(data: ListData, move: MoveTaskInput): ListData {
  const flat = reorder(
    data.pages.flatMap((page) => page.items),
    move,
  );
  let offset = 0;
  return {
    ...data,
    pages: data.pages.map((page) => {
      const items = flat.slice(offset, offset + page.items.length);
      offset += page.items.length;
      return { ...page, items };
    }),
  };
}

function isOrderedBy(key: QueryKey, list: MoveTaskBody['list']): boolean {
  const filter = key[2] as TaskFilter | undefined;
  return filter?.sort === list;
}

/**
 * Places a task before or after another in a queue or a project backlog. Loaded lists sorted that
 * way are reordered at once and put back as they were if the server refuses.
 */
export function useMoveTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: MoveTaskInput) => apiFetch(`/tasks/${id}/move`, { method: 'POST', body, schema: TaskSchema }),
    onMutate: async (move) => {
      const predicate = (query: { queryKey: QueryKey }) => isOrderedBy(query.queryKey, move.list);
      await queryClient.cancelQueries({ queryKey: taskKeys.lists(), predicate });
      const snapshot = queryClient.getQueriesData<ListData>({ queryKey: taskKeys.lists(), predicate });
      for (const [key, data] of snapshot) {
        if (data) queryClient.setQueryData<ListData>(key, reorderPages(data, move));
      }
      return { snapshot };
    },
    onError: (_error, move, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      void queryClient.invalidateQueries({
        queryKey: taskKeys.lists(),
        predicate: (query) => isOrderedBy(query.queryKey, move.list),
      });
    },
  });
}

export function useAddDependency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, blockedById }: { id: number; blockedById: number }) =>
      apiFetch(`/tasks/${id}/dependencies`, { method: 'POST', body: { blockedById }, schema: TaskSchema }),
    onSuccess: (task) => {
      storeTask(queryClient, task);
      void queryClient.invalidateQueries({ queryKey: taskKeys.history(task.id) });
    },
  });
}

export function useRemoveDependency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, blockedById }: { id: number; blockedById: number }) =>
      apiFetch(`/tasks/${id}/dependencies/${blockedById}`, { method: 'DELETE' }),
    onSuccess: (_nothing, { id, blockedById }) => {
      // The answer is empty and the version unchanged: drop the blocker from what is cached.
      queryClient.setQueryData<Task>(taskKeys.task(id), (task) =>
        task ? { ...task, blockedByIds: task.blockedByIds.filter((other) => other !== blockedById) } : task,
      );
      void queryClient.invalidateQueries({ queryKey: taskKeys.history(id) });
    },
  });
}

export function useHistory(id: number, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: taskKeys.history(id),
    queryFn: async ({ signal }) => (await apiFetch(`/tasks/${id}/history`, { schema: HistorySchema, signal })).items,
    enabled: options.enabled ?? true,
  });
}
