import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type FailedJob,
  FailedJobListSchema,
  type NotificationPage,
  NotificationPageSchema,
  type NotificationSettings,
  NotificationSettingsSchema,
} from '../../../shared/notifications.js';
import { apiFetch } from '../../api/client.js';
import { notificationKeys } from './keys.js';

const PAGE_SIZE = 20;

type Pages = InfiniteData<NotificationPage>;

/** The signed-in user's notifications, newest first, a page at a time (cursor: the oldest id seen). */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(`/notifications?limit=${PAGE_SIZE}${pageParam === undefined ? '' : `&before=${pageParam}`}`, {
        schema: NotificationPageSchema,
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Unread count from the freshest page (every refetch starts from the newest). */
export function unreadCount(data: Pages | undefined): number {
  return data?.pages[0]?.unreadCount ?? 0;
}

function markInCache(data: Pages | undefined, id: number | 'all', now: string): Pages | undefined {
  if (!data) return data;
  let newlyRead = 0;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((item) => {
      if (item.readAt !== null || (id !== 'all' && item.id !== id)) return item;
      newlyRead += 1;
      return { ...item, readAt: now };
    }),
  }));
  const first = pages[0];
  if (first) pages[0] = { ...first, unreadCount: id === 'all' ? 0 : Math.max(0, first.unreadCount - newlyRead) };
  return { ...data, pages };
}

function useMarkRead<V extends number | 'all'>(request: (value: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  const key = notificationKeys.list();
  return useMutation({
    mutationFn: request,
    onMutate: async (value: V) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Pages>(key);
      queryClient.setQueryData<Pages>(key, (data) => markInCache(data, value, new Date().toISOString()));
      return { previous };
    },
    onError: (_error, _value, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useMarkNotificationRead() {
  return useMarkRead((id: number) => apiFetch(`/notifications/${id}/read`, { method: 'POST' }));
}

export function useMarkAllNotificationsRead() {
  return useMarkRead((_all: 'all') => apiFetch('/notifications/read-all', { method: 'POST' }));
}

/** Which notices reach the user, and how. */
export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings(),
    queryFn: ({ signal }) => apiFetch('/me/notification-settings', { schema: NotificationSettingsSchema, signal }),
  });
}

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettings) =>
      apiFetch('/me/notification-settings', { method: 'PUT', body, schema: NotificationSettingsSchema }),
    onSuccess: (settings) => queryClient.setQueryData(notificationKeys.settings(), settings),
  });
}

/** Background work that failed for good; owners and admins only. */
export function useFailedJobs(options: { enabled: boolean }) {
  return useQuery({
    queryKey: notificationKeys.failedJobs(),
    queryFn: async ({ signal }) => (await apiFetch('/admin/failed-jobs', { schema: FailedJobListSchema, signal })).items,
    enabled: options.enabled,
  });
}

export function useRetryFailedJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch(`/admin/failed-jobs/${id}/retry`, { method: 'POST' }),
    onSuccess: (_result, id) => {
      queryClient.setQueryData<FailedJob[]>(notificationKeys.failedJobs(), (jobs) => jobs?.filter((job) => job.id !== id));
      void queryClient.invalidateQueries({ queryKey: notificationKeys.failedJobs() });
    },
  });
}

export type { FailedJob };
