/**
 * Query keys of the notifications feature. The list lives under `notifications` because the live
 * stream invalidates that family on `notification.created`; settings and failed jobs sit apart so
 * a new notification does not refetch them.
 */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
  settings: () => ['notification-settings'] as const,
  failedJobs: () => ['failed-jobs'] as const,
};
