import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { RealtimeEvent } from '../../../shared/events.js';
import { taskKeys } from '../tasks/keys.js';
import { timeKeys } from './keys.js';
import { applyTimeEvent } from './live-events.js';

function event(type: RealtimeEvent['type'], taskId: number | null): RealtimeEvent {
  return { seq: 1, type, projectId: 3, taskId, actorId: 9, data: {}, at: '2026-03-31T09:00:00.000Z' };
}

/** A cache holding the queries time screens use, all fresh; answers which of them an event made stale. */
function staleAfter(type: RealtimeEvent['type'], taskId: number | null): string[] {
  const client = new QueryClient();
  const keys: Record<string, readonly unknown[]> = {
    timer: timeKeys.timer(),
    entries: timeKeys.entryList({ taskId: 7 }),
    timesheet: timeKeys.timesheet(undefined, undefined),
    task7: taskKeys.task(7),
    history7: taskKeys.history(7),
    task8: taskKeys.task(8),
    lists: taskKeys.lists({ projectId: 3 }),
    notifications: ['notifications'],
  };
  for (const key of Object.values(keys)) client.setQueryData(key, {});
  applyTimeEvent(client, event(type, taskId));
  return Object.entries(keys)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name);
}

describe('live time events', () => {
  it('refreshes time screens, the task whose total moved and task lists when time changes', () => {
    expect(staleAfter('time.changed', 7)).toEqual(['timer', 'entries', 'timesheet', 'task7', 'history7', 'lists']);
  });

  it('refreshes only the timer when it starts or stops on another device', () => {
    expect(staleAfter('timer.changed', null)).toEqual(['timer']);
  });

  it('refreshes time screens when a week is submitted or decided', () => {
    expect(staleAfter('timesheet.changed', null)).toEqual(['timer', 'entries', 'timesheet']);
  });
});
