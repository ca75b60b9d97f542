/**
 * One Server-Sent Events stream per signed-in tab (`GET /api/v1/events`), turned into precise
 * query invalidations: a change to task 42 refetches task 42 (and its history, comments or
 * documents) and the task lists on screen, nothing else. Inactive queries are only marked stale.
 */
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { EVENT_TYPES, RESET_EVENT, type RealtimeEvent, RealtimeEventSchema } from '../../shared/events.js';
import type { Task } from '../../shared/tasks.js';
import { API_BASE } from '../api/client.js';
import { taskKeys } from '../features/tasks/keys.js';
import { applyTimeEvent, isTimeEvent } from '../features/time/live-events.js';
import { useSession } from '../features/auth/use-session.js';

/** Reopening after the browser gave up (a non-200 answer, e.g. a proxy during a restart). */
const REOPEN_DELAYS_MS = [1_000, 3_000, 10_000, 30_000];

/** Our own change, already written into the cache from the mutation's answer. */
function alreadyApplied(queryClient: QueryClient, event: RealtimeEvent, myId: number): boolean {
  if (event.actorId !== myId || event.taskId === null) return false;
  if (event.type === 'task.moved' || event.type === 'task.commented' || event.type === 'task.attachments_changed') return true;
  const cached = queryClient.getQueryData<Task>(taskKeys.task(event.taskId));
  return cached !== undefined && event.data.version !== undefined && cached.version >= event.data.version;
}

export function applyEvent(queryClient: QueryClient, event: RealtimeEvent, myId: number): void {
  if (event.type.startsWith('project.')) {
    void queryClient.invalidateQueries({ queryKey: ['projects'] });
    return;
  }
  if (isTimeEvent(event)) {
    applyTimeEvent(queryClient, event);
    return;
  }
  if (!event.type.startsWith('task.')) {
    // Other families (notifications…) keep their cache under their own first key segment.
    const family = event.type.split('.')[0];
    if (family) void queryClient.invalidateQueries({ queryKey: [`${family}s`] });
    return;
  }
  if (alreadyApplied(queryClient, event, myId)) return;
  const id = event.taskId;
  const invalidate = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
  switch (event.type) {
    case 'task.created':
      invalidate(taskKeys.lists());
      break;
    case 'task.moved': {
      // Only lists ordered by the list that changed (a queue, or a project backlog).
      const list = typeof event.data.list === 'string' ? event.data.list : undefined;
      void queryClient.invalidateQueries({
        queryKey: taskKeys.lists(),
        predicate: (query) => list === undefined || (query.queryKey[2] as { sort?: string } | undefined)?.sort === list,
      });
      break;
    }
    case 'task.commented':
      if (id !== null) {
        invalidate(taskKeys.comments(id));
        invalidate(taskKeys.history(id));
      }
      break;
    case 'task.attachments_changed':
      if (id !== null) {
        invalidate(taskKeys.attachments(id));
        invalidate(taskKeys.history(id));
      }
      break;
    default:
      // task.updated, task.status_changed: the task, its history, and lists it may enter or leave.
      if (id !== null) {
        invalidate(taskKeys.task(id));
        invalidate(taskKeys.history(id));
      }
      invalidate(taskKeys.lists());
      if (event.projectId !== null) void queryClient.invalidateQueries({ queryKey: ['projects', 'detail', event.projectId] });
      break;
  }
}

/** Mounted once, in the signed-in frame. */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  const me = useSession();
  const myId = me.user.id;
  const organizationId = me.organization.id;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a switched organization needs a stream of its own
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let lastSeq: number | null = null;
    let attempts = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const onEvent = (message: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = RealtimeEventSchema.safeParse(payload);
      if (!parsed.success) return;
      attempts = 0;
      lastSeq = parsed.data.seq;
      applyEvent(queryClient, parsed.data, myId);
    };
    const onReset = (message: MessageEvent<string>) => {
      const seq = Number(message.lastEventId);
      if (Number.isInteger(seq)) lastSeq = seq;
      void queryClient.invalidateQueries();
    };

    const open = () => {
      // The browser resends Last-Event-ID on its own reconnects; a stream we reopen asks with `after`.
      source = new EventSource(lastSeq === null ? `${API_BASE}/events` : `${API_BASE}/events?after=${lastSeq}`);
      for (const type of EVENT_TYPES) source.addEventListener(type, onEvent);
      source.addEventListener(RESET_EVENT, onReset);
      source.onopen = () => {
        attempts = 0;
        // Lets tests (and the curious) see that live updates are flowing.
        document.documentElement.dataset.live = 'connected';
      };
      source.onerror = () => {
        document.documentElement.dataset.live = 'reconnecting';
        if (stopped || source?.readyState !== EventSource.CLOSED) return;
        const delay = REOPEN_DELAYS_MS[Math.min(attempts, REOPEN_DELAYS_MS.length - 1)]!;
        attempts += 1;
        timer = setTimeout(open, delay);
      };
    };
    open();

    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [queryClient, myId, organizationId]);
}
