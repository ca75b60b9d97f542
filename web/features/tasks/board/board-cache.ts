/** Optimistic moves of a card between board columns, in the task lists' cache, with a way back. */
import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { TaskPage, TaskSummary } from '../../../../shared/tasks.js';
import type { TaskStatus } from '../../../../shared/workflow.js';
import { type TaskFilter, taskKeys } from '../keys.js';

export const BOARD_PAGE_SIZE = 100;

/** Open columns follow the backlog order; closed ones show the latest first. */
export function columnFilter(projectId: number, status: TaskStatus): TaskFilter {
  return {
    projectId,
    status: [status],
    sort: status === 'done' || status === 'cancelled' ? 'updated' : 'project',
    limit: BOARD_PAGE_SIZE,
  };
}

export function columnKey(projectId: number, status: TaskStatus): QueryKey {
  return taskKeys.lists(columnFilter(projectId, status));
}

type ListData = InfiniteData<TaskPage, string | null>;

export function columnItems(queryClient: QueryClient, projectId: number, status: TaskStatus): TaskSummary[] {
  const data = queryClient.getQueryData<ListData>(columnKey(projectId, status));
  return data?.pages.flatMap((page) => page.items) ?? [];
}

function without(data: ListData, taskId: number): ListData {
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== taskId) })) };
}

function inserted(data: ListData, task: TaskSummary, index: number): ListData {
  let offset = 0;
  let placed = false;
  const pages = data.pages.map((page, pageIndex) => {
    const last = pageIndex === data.pages.length - 1;
    if (!placed && (index <= offset + page.items.length || last)) {
      placed = true;
      const at = Math.max(0, Math.min(index - offset, page.items.length));
      const items = [...page.items.slice(0, at), task, ...page.items.slice(at)];
      offset += page.items.length;
      return { ...page, items };
    }
    offset += page.items.length;
    return page;
  });
  return { ...data, pages };
}

/**
 * Shows the card in its new column at once. Returns the way back, for a refused move or a
 * dialog closed without confirming.
 */
export async function moveCard(
  queryClient: QueryClient,
  projectId: number,
  task: TaskSummary,
  to: TaskStatus,
  index: number,
): Promise<() => void> {
  const fromKey = columnKey(projectId, task.status);
  const toKey = columnKey(projectId, to);
  await Promise.all([
    queryClient.cancelQueries({ queryKey: fromKey, exact: true }),
    queryClient.cancelQueries({ queryKey: toKey, exact: true }),
  ]);
  const before = queryClient.getQueryData<ListData>(fromKey);
  const target = queryClient.getQueryData<ListData>(toKey);
  if (before) queryClient.setQueryData<ListData>(fromKey, without(before, task.id));
  if (target) queryClient.setQueryData<ListData>(toKey, inserted(without(target, task.id), { ...task, status: to }, index));
  return () => {
    if (before) queryClient.setQueryData(fromKey, before);
    if (target) queryClient.setQueryData(toKey, target);
  };
}
