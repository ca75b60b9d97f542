import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app.js';
import { createProject, createProjectTeam, createTask, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { logTimeOk, setNow, submitWeek, task, TODAY } from './time.fixtures.js';

const MINUTE = 60_000;

describe('timer', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
    setNow(context, `${TODAY}T09:00:00Z`);
  });
  afterEach(() => context.close());

  const start = (as: TestPerson, body: Record<string, unknown>) => context.request({ method: 'POST', url: '/api/v1/timer', as, body });
  const stop = (as: TestPerson, timerId: number) => context.request({ method: 'POST', url: '/api/v1/timer/stop', as, body: { timerId } });
  const running = async (as: TestPerson) => (await context.request({ url: '/api/v1/timer', as })).body.timer;
  const timerRows = async () => (await context.deps.database.db.selectFrom('timers').selectAll().execute()).length;
  const entriesOf = async (as: TestPerson) =>
    (await context.request({ url: '/api/v1/time-entries', as })).body.items as Record<string, unknown>[];

  it('runs one timer per person: a double click answers the running timer, another task stops and records the first', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const first = await createTask(context, manager, { projectId: project.id, activityType: 'design' });
    const second = await createTask(context, manager, { projectId: project.id });

    const started = await start(member, { taskId: first.id, note: 'Hero image' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      timer: {
        taskId: first.id,
        taskReference: first.reference,
        projectId: project.id,
        billable: true,
        note: 'Hero image',
        startedAt: `${TODAY}T09:00:00.000Z`,
      },
      stopped: null,
    });
    context.clock.advance(MINUTE);
    const again = await start(member, { taskId: first.id });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ timer: started.body.timer, stopped: null });
    expect(await timerRows()).toBe(1);

    context.clock.advance(89 * MINUTE + 20_000);
    const switched = await start(member, { taskId: second.id });
    expect(switched.status).toBe(201);
    expect(switched.body.timer).toMatchObject({ taskId: second.id, startedAt: `${TODAY}T10:30:20.000Z` });
    expect(switched.body.stopped).toMatchObject({
      userId: member.id,
      taskId: first.id,
      date: TODAY,
      startTime: '09:00',
      minutes: 90,
      source: 'timer',
      note: 'Hero image',
      activityTypeId: started.body.timer.activityTypeId,
      billable: true,
    });
    expect(await timerRows()).toBe(1);
    expect(await running(member)).toMatchObject({ taskId: second.id });
    expect((await task(context, member, first.id)).trackedMinutes).toBe(90);
    expect(await entriesOf(member)).toEqual([switched.body.stopped]);
  });

  it('stops once: a retried stop answers the same entry, and nobody else stops your timer', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const { timer } = (await start(member, { taskId })).body;

    expect((await stop(manager, timer.id)).status).toBe(404);
    context.clock.advance(25 * MINUTE);
    const stopped = await stop(member, timer.id);
    expect(stopped.status).toBe(200);
    expect(stopped.body.entry).toMatchObject({ taskId, minutes: 25, source: 'timer' });
    context.clock.advance(10 * MINUTE);
    const retried = await stop(member, timer.id);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(stopped.body);
    expect(await entriesOf(member)).toHaveLength(1);
    expect((await task(context, member, taskId)).trackedMinutes).toBe(25);
    expect(await running(member)).toBeNull();

    expect((await stop(manager, timer.id)).status).toBe(404);
    expect((await stop(member, 987_654)).status).toBe(404);
  });

  it('records at least a minute, on the local day it started, and never a new timer with an old timer’s id', async () => {
    const { owner, manager, member, project } = await createProjectTeam(context);
    expect(
      (await context.request({ method: 'PATCH', url: '/api/v1/organization', as: owner, body: { timeZone: 'Europe/Istanbul' } })).status,
    ).toBe(200);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    setNow(context, '2027-03-02T22:30:00Z');
    const first = (await start(member, { taskId })).body.timer;
    context.clock.advance(10_000);
    const entry = (await stop(member, first.id)).body.entry;
    expect(entry).toMatchObject({ date: '2027-03-03', startTime: '01:30', minutes: 1 });

    const second = (await start(member, { taskId })).body.timer;
    expect(second.id).not.toBe(first.id);
    context.clock.advance(2 * MINUTE);
    const later = (await stop(member, second.id)).body.entry;
    expect(later).toMatchObject({ minutes: 2, date: '2027-03-03', startTime: '01:30' });
    expect((await entriesOf(member)).map((item) => item.id)).toEqual([later.id, entry.id]);
  });

  it('keeps the day within 24 hours: a timer is cut to what fits, and discarded when nothing does', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    await logTimeOk(context, member, { taskId, duration: '12h' });
    await logTimeOk(context, member, { taskId, duration: '11h' });

    const { timer } = (await start(member, { taskId })).body;
    context.clock.advance(2 * 60 * MINUTE);
    expect((await stop(member, timer.id)).body.entry).toMatchObject({ minutes: 60 });

    const full = (await start(member, { taskId })).body.timer;
    context.clock.advance(30 * MINUTE);
    const discarded = await stop(member, full.id);
    expect(discarded.status).toBe(200);
    expect(discarded.body).toEqual({ entry: null });
    expect(await running(member)).toBeNull();
    expect((await task(context, member, taskId)).trackedMinutes).toBe(24 * 60);
  });

  it('survives a restart: the running timer is a row the next process reads', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const { timer } = (await start(member, { taskId })).body;

    const restarted = await buildApp(context.deps, { logger: false, webRoot: path.join(context.deps.config.dataDir, 'no-web') });
    try {
      const response = await restarted.inject({
        method: 'GET',
        url: '/api/v1/timer',
        headers: { cookie: `spine_session=${member.cookie}` },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ timer });
    } finally {
      await restarted.close();
    }
  });

  it('answers simultaneous starts with one timer, never a 500', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const first = await createTask(context, manager, { projectId: project.id });
    const second = await createTask(context, manager, { projectId: project.id });
    const responses = await Promise.all([
      start(member, { taskId: first.id }),
      start(member, { taskId: first.id }),
      start(member, { taskId: second.id }),
    ]);
    for (const response of responses) expect([200, 201]).toContain(response.status);
    expect(await timerRows()).toBe(1);
    const again = await Promise.all([start(member, { taskId: first.id }), start(member, { taskId: first.id })]);
    for (const response of again) expect([200, 201]).toContain(response.status);
    expect(await timerRows()).toBe(1);
  });

  it('refuses tasks out of sight (404), closed tasks (409), client accounts (403) and a submitted week (409)', async () => {
    const { manager, member, client, project } = await createProjectTeam(context, { reviewRequired: false });
    const open = await createTask(context, manager, { projectId: project.id });
    const cancelled = await createTask(context, manager, { projectId: project.id });
    expect(
      (
        await context.request({
          method: 'POST',
          url: `/api/v1/tasks/${cancelled.id}/status`,
          as: manager,
          body: { status: 'cancelled', reason: 'Dropped' },
        })
      ).status,
    ).toBe(200);
    const hidden = await createTask(context, manager, {
      projectId: (await createProject(context, manager, [{ userId: manager.id, role: 'manager' }])).id,
    });

    expect((await start(member, { taskId: hidden.id })).status).toBe(404);
    expect((await start(member, { taskId: 999_999 })).status).toBe(404);
    const closed = await start(member, { taskId: cancelled.id });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('task_closed');
    expect((await start(client, { taskId: open.id })).status).toBe(403);
    expect((await context.request({ url: '/api/v1/timer', as: client })).status).toBe(403);

    expect((await submitWeek(context, member)).status).toBe(200);
    const locked = await start(member, { taskId: open.id });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('timesheet_locked');
    expect(await timerRows()).toBe(0);
  });

  it('starts with the task’s activity type and the billable default, or what the person chose', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const adminTask = await createTask(context, manager, { projectId: project.id, activityType: 'admin' });
    const { timer } = (await start(member, { taskId: adminTask.id })).body;
    expect(timer).toMatchObject({ billable: false, activityTypeId: expect.any(Number) });
    const other = await createTask(context, manager, { projectId: project.id });
    const chosen = await start(member, { taskId: other.id, activityTypeId: null, billable: false, note: 'Call' });
    expect(chosen.body.timer).toMatchObject({ activityTypeId: null, billable: false, note: 'Call' });
    expect(chosen.body.stopped).toMatchObject({ taskId: adminTask.id, billable: false, activityTypeId: timer.activityTypeId });
  });
});
