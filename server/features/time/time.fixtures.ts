/** Helpers the time API tests share: a fixed "today", recording time, and reading tasks and history back. */
import type { TestPerson } from '../../test/factories.js';
import type { TestContext } from '../../test/harness.js';

/** Wednesday; its week (Monday start) runs 2027-03-01 … 2027-03-07. */
export const TODAY = '2027-03-03';
export const THIS_WEEK = '2027-03-01';
export const LAST_WEEK = '2027-02-22';

/** Moves the test clock to an instant (call before creating people, so sessions start then too). */
export function setNow(context: TestContext, iso: string): void {
  context.clock.advance(new Date(iso).getTime() - context.clock.now().getTime());
}

export function logTime(context: TestContext, as: TestPerson, body: Record<string, unknown>) {
  return context.request({ method: 'POST', url: '/api/v1/time-entries', as, body: { date: TODAY, duration: 60, ...body } });
}

export async function logTimeOk(context: TestContext, as: TestPerson, body: Record<string, unknown>) {
  const response = await logTime(context, as, body);
  if (response.status !== 201) throw new Error(`logTime: ${response.status} ${response.text}`);
  return response.body as { id: number; minutes: number; date: string; taskId: number; projectId: number; weekStatus: string };
}

export function editTime(context: TestContext, as: TestPerson, entryId: number, body: Record<string, unknown>) {
  return context.request({ method: 'PATCH', url: `/api/v1/time-entries/${entryId}`, as, body });
}

export function deleteTime(context: TestContext, as: TestPerson, entryId: number, reason?: string) {
  const query = reason === undefined ? '' : `?reason=${encodeURIComponent(reason)}`;
  return context.request({ method: 'DELETE', url: `/api/v1/time-entries/${entryId}${query}`, as });
}

export function submitWeek(context: TestContext, as: TestPerson, weekStart = THIS_WEEK) {
  return context.request({ method: 'POST', url: '/api/v1/timesheets/submit', as, body: { weekStart } });
}

export function decideWeek(
  context: TestContext,
  as: TestPerson,
  body: { userId: number; weekStart?: string; decision: 'approve' | 'reject'; comment?: string },
) {
  return context.request({ method: 'POST', url: '/api/v1/timesheets/decide', as, body: { weekStart: THIS_WEEK, ...body } });
}

export async function task(context: TestContext, as: TestPerson, taskId: number) {
  const response = await context.request({ url: `/api/v1/tasks/${taskId}`, as });
  return response.body as { trackedMinutes: number; version: number };
}

export async function timeHistory(context: TestContext, as: TestPerson, taskId: number) {
  const response = await context.request({ url: `/api/v1/tasks/${taskId}/history`, as });
  if (response.status !== 200) throw new Error(`history: ${response.status} ${response.text}`);
  return (response.body.items as { kind: string; actorId: number; data: Record<string, unknown> }[]).filter(
    (item) => item.kind === 'time_entry_changed',
  );
}
