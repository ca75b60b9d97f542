import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPerson, createProject, createProjectTeam, createTask, createTeam } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { activityTypeId } from '../../test/time-factories.js';
import { deleteTime, editTime, LAST_WEEK, logTime, logTimeOk, setNow, submitWeek, task, timeHistory, TODAY } from './time.fixtures.js';

describe('time entries', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
    setNow(context, `${TODAY}T12:00:00Z`);
  });
  afterEach(() => context.close());

  const list = (as: { cookie: string }, query = '') => context.request({ url: `/api/v1/time-entries${query}`, as });

  it('records durations typed as 1:30, 1.5h or 90m, and refuses text that is no duration', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId, reference } = await createTask(context, manager, { projectId: project.id });
    for (const duration of ['1:30', '1.5h', '90m']) {
      const created = await logTime(context, member, { taskId, date: '2027-03-01', duration, note: `as ${duration}` });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        userId: member.id,
        userName: member.name,
        taskId,
        taskReference: reference,
        projectId: project.id,
        date: '2027-03-01',
        minutes: 90,
        source: 'manual',
        weekStart: '2027-03-01',
        weekStatus: 'open',
        note: `as ${duration}`,
      });
    }
    const refused = await logTime(context, member, { taskId, duration: 'abc' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/duration']);
    expect((await list(member)).body.items).toHaveLength(3);
  });

  it('refuses a future date, a day over 24 hours, a task out of sight and an inactive or foreign activity type, on their fields', async () => {
    const { manager, member, project, organization } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const pointers = async (body: Record<string, unknown>, as = member) => {
      const response = await logTime(context, as, body);
      expect(response.status).toBe(422);
      return response.body.errors.map((error: { pointer: string; detail: string }) => [error.pointer, error.detail]);
    };

    expect(await pointers({ taskId, date: '2027-03-04' })).toEqual([['/date', expect.stringContaining('2027-03-03')]]);

    await logTimeOk(context, member, { taskId, duration: '22:30' });
    expect(await pointers({ taskId, duration: '2h' })).toEqual([['/duration', expect.stringContaining('1:30 is left')]]);
    expect((await logTime(context, member, { taskId, duration: '1:30' })).status).toBe(201);
    expect(await pointers({ taskId, duration: 1 })).toEqual([['/duration', expect.stringContaining('already holds 24 hours')]]);

    const other = await createProjectTeam(context);
    const foreignTask = await createTask(context, other.manager, { projectId: other.project.id });
    const hiddenTask = await createTask(context, manager, {
      projectId: (await createProject(context, manager, [{ userId: manager.id, role: 'manager' }])).id,
    });
    const invisible = await pointers({ taskId: hiddenTask.id, date: '2027-03-02' });
    expect(invisible).toEqual([['/taskId', expect.any(String)]]);
    expect(await pointers({ taskId: foreignTask.id, date: '2027-03-02' })).toEqual(invisible);
    expect(await pointers({ taskId: 999_999, date: '2027-03-02' })).toEqual(invisible);

    const design = await activityTypeId(context, organization.id, 'design');
    await context.deps.database.db.updateTable('activity_types').set({ active: false }).where('id', '=', design).execute();
    expect(await pointers({ taskId, date: '2027-03-02', activityTypeId: design })).toEqual([['/activityTypeId', expect.any(String)]]);
    const foreignType = await activityTypeId(context, other.organization.id, 'writing');
    expect(await pointers({ taskId, date: '2027-03-02', activityTypeId: foreignType })).toEqual([['/activityTypeId', expect.any(String)]]);
  });

  it('defaults the activity type to the task’s (while active) and billable to the project and activity', async () => {
    const { manager, member, project, organization } = await createProjectTeam(context);
    const { db } = context.deps.database;
    const design = await activityTypeId(context, organization.id, 'design');
    const admin = await activityTypeId(context, organization.id, 'admin');
    const designTask = await createTask(context, manager, { projectId: project.id, activityType: 'design' });
    const adminTask = await createTask(context, manager, { projectId: project.id, activityType: 'admin' });
    const plainTask = await createTask(context, manager, { projectId: project.id });

    expect(await logTimeOk(context, member, { taskId: designTask.id })).toMatchObject({ activityTypeId: design, billable: true });
    expect(await logTimeOk(context, member, { taskId: adminTask.id })).toMatchObject({ activityTypeId: admin, billable: false });
    expect(await logTimeOk(context, member, { taskId: plainTask.id })).toMatchObject({ activityTypeId: null, billable: true });
    expect(await logTimeOk(context, member, { taskId: designTask.id, activityTypeId: admin })).toMatchObject({
      activityTypeId: admin,
      billable: false,
    });
    expect(await logTimeOk(context, member, { taskId: designTask.id, activityTypeId: null })).toMatchObject({
      activityTypeId: null,
      billable: true,
    });
    expect(await logTimeOk(context, member, { taskId: adminTask.id, billable: true })).toMatchObject({ billable: true });

    await db.updateTable('projects').set({ billable: false }).where('id', '=', project.id).execute();
    expect(await logTimeOk(context, member, { taskId: designTask.id })).toMatchObject({ activityTypeId: design, billable: false });
    await db.updateTable('activity_types').set({ active: false }).where('id', '=', design).execute();
    expect(await logTimeOk(context, member, { taskId: designTask.id, date: '2027-03-02' })).toMatchObject({
      activityTypeId: null,
      billable: false,
    });
  });

  it('keeps the task’s tracked minutes through create, change, move and delete, without changing its version', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const first = await createTask(context, manager, { projectId: project.id });
    const second = await createTask(context, manager, { projectId: project.id });
    const entry = await logTimeOk(context, member, { taskId: first.id, duration: '1:30' });
    await logTimeOk(context, member, { taskId: first.id, duration: 30, date: '2027-03-01' });
    expect(await task(context, member, first.id)).toMatchObject({ trackedMinutes: 120, version: first.version });

    expect((await editTime(context, member, entry.id, { duration: '2h' })).status).toBe(200);
    expect((await task(context, member, first.id)).trackedMinutes).toBe(150);

    const moved = await editTime(context, member, entry.id, { taskId: second.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ taskId: second.id, taskReference: second.reference, minutes: 120 });
    expect((await task(context, member, first.id)).trackedMinutes).toBe(30);
    expect(await task(context, member, second.id)).toMatchObject({ trackedMinutes: 120, version: second.version });

    expect((await deleteTime(context, member, entry.id)).status).toBe(204);
    expect((await task(context, member, second.id)).trackedMinutes).toBe(0);
    expect((await list(member)).body.items.map((item: { id: number }) => item.id)).not.toContain(entry.id);
  });

  it('keeps the 24-hour day and the tracked total right under simultaneous requests', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const created = await Promise.all([
      logTime(context, member, { taskId, duration: '13h' }),
      logTime(context, member, { taskId, duration: '13h' }),
    ]);
    expect(created.map((response) => response.status).sort()).toEqual([201, 422]);
    const entry = created.find((response) => response.status === 201)!.body;

    const deleted = await Promise.all([deleteTime(context, member, entry.id), deleteTime(context, manager, entry.id)]);
    expect(deleted.map((response) => response.status).sort()).toEqual([204, 404]);
    expect((await task(context, member, taskId)).trackedMinutes).toBe(0);
  });

  it('checks the 24-hour rule, the future and the target week again when an entry moves', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const entry = await logTimeOk(context, member, { taskId, duration: '3h' });
    await logTimeOk(context, member, { taskId, date: '2027-03-02', duration: '22h' });
    await logTimeOk(context, member, { taskId, date: '2027-02-24', duration: '1h' });

    const full = await editTime(context, member, entry.id, { date: '2027-03-02' });
    expect(full.status).toBe(422);
    expect(full.body.errors[0].pointer).toBe('/date');
    const longer = await editTime(context, member, entry.id, { date: '2027-03-02', duration: '2h' });
    expect(longer.status).toBe(200);
    expect(longer.body).toMatchObject({ date: '2027-03-02', minutes: 120 });

    expect((await editTime(context, member, entry.id, { date: '2027-03-05' })).body.errors[0].pointer).toBe('/date');

    expect((await submitWeek(context, member, LAST_WEEK)).status).toBe(200);
    const intoLocked = await editTime(context, member, entry.id, { date: '2027-02-24' });
    expect(intoLocked.status).toBe(409);
    expect(intoLocked.body.code).toBe('timesheet_locked');

    const other = await createTask(context, manager, {
      projectId: (await createProject(context, manager, [{ userId: manager.id, role: 'manager' }])).id,
    });
    const hidden = await editTime(context, member, entry.id, { taskId: other.id });
    expect(hidden.status).toBe(422);
    expect(hidden.body.errors[0].pointer).toBe('/taskId');
  });

  it('lists your own time newest first, with task, project, date and limit filters', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const first = await createTask(context, manager, { projectId: project.id });
    const second = await createTask(context, manager, { projectId: project.id });
    const older = await logTimeOk(context, member, { taskId: first.id, date: '2027-02-20' });
    const newer = await logTimeOk(context, member, { taskId: second.id, date: '2027-03-02' });
    const newest = await logTimeOk(context, member, { taskId: first.id, date: TODAY });
    await logTimeOk(context, manager, { taskId: first.id });

    const ids = async (query = '') => (await list(member, query)).body.items.map((item: { id: number }) => item.id);
    expect(await ids()).toEqual([newest.id, newer.id, older.id]);
    expect(await ids(`?taskId=${first.id}`)).toEqual([newest.id, older.id]);
    expect(await ids(`?projectId=${project.id}&from=2027-03-01&to=2027-03-02`)).toEqual([newer.id]);
    expect(await ids('?limit=1')).toEqual([newest.id]);
  });

  it('shows another person’s time to admins (all of it) and to managers (their projects only); others get 403', async () => {
    const { owner, admin, manager, member, client, project, organization } = await createProjectTeam(context);
    const otherManager = await createPerson(context, organization.id, 'manager');
    const otherProject = await createProject(context, otherManager, [
      { userId: otherManager.id, role: 'manager' },
      { userId: member.id, role: 'member' },
    ]);
    const managed = await logTimeOk(context, member, { taskId: (await createTask(context, manager, { projectId: project.id })).id });
    const elsewhere = await logTimeOk(context, member, {
      taskId: (await createTask(context, otherManager, { projectId: otherProject.id })).id,
    });

    const ids = async (as: typeof member, query: string) => {
      const response = await list(as, query);
      expect(response.status).toBe(200);
      return response.body.items.map((item: { id: number }) => item.id).sort();
    };
    expect(await ids(manager, `?userId=${member.id}`)).toEqual([managed.id]);
    expect(await ids(manager, `?userId=${member.id}&projectId=${otherProject.id}`)).toEqual([]);
    expect(await ids(otherManager, `?userId=${member.id}`)).toEqual([elsewhere.id]);
    expect(await ids(admin, `?userId=${member.id}`)).toEqual([managed.id, elsewhere.id].sort());
    expect(await ids(owner, `?userId=${member.id}`)).toEqual([managed.id, elsewhere.id].sort());

    const refused = await list(member, `?userId=${manager.id}`);
    expect(refused.status).toBe(403);
    expect((await list(client)).status).toBe(403);
    const stranger = await createTeam(context);
    expect(await ids(stranger.owner, `?userId=${member.id}`)).toEqual([]);
  });

  it('answers a task’s entries of everyone the caller may see: all of them for its managers and admins, only their own for members', async () => {
    const { admin, manager, member, project, organization } = await createProjectTeam(context);
    const colleague = await createPerson(context, organization.id, 'member');
    await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${colleague.id}`,
      as: manager,
      body: { role: 'member' },
    });
    const { id: taskId } = await createTask(context, manager, {
      projectId: project.id,
      captainId: member.id,
      collaboratorIds: [colleague.id],
    });
    const mine = await logTimeOk(context, member, { taskId });
    const theirs = await logTimeOk(context, colleague, { taskId });
    const managers = await logTimeOk(context, manager, { taskId });

    const ids = async (as: typeof member) => (await list(as, `?taskId=${taskId}`)).body.items.map((item: { id: number }) => item.id).sort();
    expect(await ids(manager)).toEqual([mine.id, theirs.id, managers.id].sort());
    expect(await ids(admin)).toEqual([mine.id, theirs.id, managers.id].sort());
    expect(await ids(member)).toEqual([mine.id]);
    expect(await ids(colleague)).toEqual([theirs.id]);
    expect((await list(member, `?projectId=${project.id}`)).body.items.map((item: { id: number }) => item.id)).toEqual([mine.id]);
  });

  it('lets a manager correct someone’s time on their project, recording each correction in the task history', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const entry = await logTimeOk(context, member, { taskId, duration: 60, note: 'Copy review' });
    const second = await logTimeOk(context, member, { taskId, duration: 30 });

    const corrected = await editTime(context, manager, entry.id, { duration: 45, note: 'Copy review (shortened)' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ userId: member.id, minutes: 45 });
    expect((await deleteTime(context, manager, second.id)).status).toBe(204);

    expect(await timeHistory(context, member, taskId)).toEqual([
      expect.objectContaining({
        actorId: manager.id,
        data: {
          entryId: entry.id,
          userId: member.id,
          userName: member.name,
          action: 'updated',
          changes: { minutes: { from: 60, to: 45 }, note: { from: 'Copy review', to: 'Copy review (shortened)' } },
          reason: null,
        },
      }),
      expect.objectContaining({
        actorId: manager.id,
        data: expect.objectContaining({
          entryId: second.id,
          action: 'deleted',
          changes: { date: { from: TODAY, to: null }, minutes: { from: 30, to: null } },
        }),
      }),
    ]);
    expect((await task(context, member, taskId)).trackedMinutes).toBe(45);

    // A person's changes to their own time are not corrections.
    expect((await editTime(context, member, entry.id, { duration: 50 })).status).toBe(200);
    expect(await timeHistory(context, member, taskId)).toHaveLength(2);
  });

  it('answers 404 to people who cannot see the entry, whatever they try', async () => {
    const { manager, member, project, outsider, client } = await createProjectTeam(context);
    const entry = await logTimeOk(context, member, { taskId: (await createTask(context, manager, { projectId: project.id })).id });
    const stranger = await createTeam(context);
    for (const person of [outsider, stranger.owner]) {
      expect((await editTime(context, person, entry.id, { duration: 1 })).status).toBe(404);
      expect((await deleteTime(context, person, entry.id)).status).toBe(404);
    }
    expect((await editTime(context, client, entry.id, { duration: 1 })).status).toBe(403);
    expect((await list(member)).body.items[0]).toMatchObject({ id: entry.id, minutes: 60 });
  });

  it('refuses client accounts', async () => {
    const { manager, client, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    expect((await logTime(context, client, { taskId })).status).toBe(403);
  });
});
