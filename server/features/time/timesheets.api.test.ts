import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPerson, createProject, createProjectTeam, createTask, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import {
  decideWeek,
  deleteTime,
  editTime,
  LAST_WEEK,
  logTime,
  logTimeOk,
  setNow,
  submitWeek,
  task,
  THIS_WEEK,
  TODAY,
  timeHistory,
} from './time.fixtures.js';

describe('timesheets', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
    setNow(context, `${TODAY}T12:00:00Z`);
  });
  afterEach(() => context.close());

  const sheet = (as: TestPerson, query = '') => context.request({ url: `/api/v1/timesheets${query}`, as });
  const withdraw = (as: TestPerson, weekStart = THIS_WEEK) =>
    context.request({ method: 'POST', url: '/api/v1/timesheets/withdraw', as, body: { weekStart } });
  const pending = async (as: TestPerson) => {
    const response = await context.request({ url: '/api/v1/timesheets/pending', as });
    expect(response.status).toBe(200);
    return response.body.items as { userId: number; weekStart: string; totalMinutes: number; capacityMinutes: number }[];
  };

  it('shows this week by default: days with capacity spread over the working days, entries and totals, open without a submission', async () => {
    const { owner, manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    await logTimeOk(context, member, { taskId, date: '2027-03-01', duration: '7:30' });
    await logTimeOk(context, member, { taskId, date: TODAY, duration: '1h' });
    await logTimeOk(context, member, { taskId, date: '2027-02-28', duration: '2h' });

    const week = await sheet(member);
    expect(week.status).toBe(200);
    expect(week.body).toMatchObject({
      userId: member.id,
      userName: member.name,
      weekStart: THIS_WEEK,
      weekEnd: '2027-03-07',
      status: 'open',
      submittedAt: null,
      decidedBy: null,
      comment: null,
      capacityMinutes: 2400,
      totalMinutes: 510,
      canEdit: true,
      canDecide: false,
    });
    expect(week.body.days).toEqual([
      { date: '2027-03-01', capacityMinutes: 480, minutes: 450 },
      { date: '2027-03-02', capacityMinutes: 480, minutes: 0 },
      { date: '2027-03-03', capacityMinutes: 480, minutes: 60 },
      { date: '2027-03-04', capacityMinutes: 480, minutes: 0 },
      { date: '2027-03-05', capacityMinutes: 480, minutes: 0 },
      { date: '2027-03-06', capacityMinutes: 0, minutes: 0 },
      { date: '2027-03-07', capacityMinutes: 0, minutes: 0 },
    ]);
    expect(week.body.entries.map((entry: { date: string }) => entry.date)).toEqual(['2027-03-01', TODAY]);

    const organization = await context.request({
      method: 'PATCH',
      url: '/api/v1/organization',
      as: owner,
      body: { weekStart: 7, workingDays: [1, 2, 3, 4, 6, 7] },
    });
    expect(organization.status).toBe(200);
    const sundayWeek = await sheet(member, '?week=2027-03-01');
    expect(sundayWeek.body).toMatchObject({ weekStart: '2027-02-28', weekEnd: '2027-03-06', totalMinutes: 630 });
    expect(sundayWeek.body.days.map((day: { capacityMinutes: number }) => day.capacityMinutes)).toEqual([400, 400, 400, 400, 400, 0, 400]);
  });

  it('submits, answers a repeated submit unchanged, locks the week for its person, and withdraws', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const entry = await logTimeOk(context, member, { taskId });

    const submitted = await submitWeek(context, member);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedAt: `${TODAY}T12:00:00.000Z`, canEdit: false });
    expect(submitted.body.entries[0]).toMatchObject({ id: entry.id, weekStatus: 'submitted' });
    context.clock.advance(60_000);
    const again = await submitWeek(context, member);
    expect(again.status).toBe(200);
    expect(again.body.submittedAt).toBe(submitted.body.submittedAt);

    for (const response of [
      await logTime(context, member, { taskId, date: '2027-03-02' }),
      await editTime(context, member, entry.id, { duration: 30 }),
      await deleteTime(context, member, entry.id),
    ]) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('timesheet_locked');
    }
    expect((await logTime(context, member, { taskId, date: '2027-02-26' })).status).toBe(201);

    const withdrawn = await withdraw(member);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'open', submittedAt: null, canEdit: true });
    expect((await editTime(context, member, entry.id, { duration: 30 })).status).toBe(200);
    const notSubmitted = await withdraw(member);
    expect(notSubmitted.status).toBe(409);
    expect(notSubmitted.body.code).toBe('timesheet_not_submitted');
  });

  it('refuses to submit a date that does not start a week, a week ahead, a week with the timer running in it, and others’ weeks', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const notStart = await submitWeek(context, member, '2027-03-02');
    expect(notStart.status).toBe(422);
    expect(notStart.body.errors[0].pointer).toBe('/weekStart');
    const ahead = await submitWeek(context, member, '2027-03-08');
    expect(ahead.status).toBe(422);
    expect(ahead.body.errors[0].pointer).toBe('/weekStart');

    const started = await context.request({ method: 'POST', url: '/api/v1/timer', as: member, body: { taskId } });
    expect(started.status).toBe(201);
    const running = await submitWeek(context, member);
    expect(running.status).toBe(409);
    expect(running.body.code).toBe('timer_running');
    expect((await submitWeek(context, member, LAST_WEEK)).status).toBe(200);
    expect((await sheet(member)).body.status).toBe('open');

    const unknownField = await context.request({
      method: 'POST',
      url: '/api/v1/timesheets/submit',
      as: member,
      body: { weekStart: THIS_WEEK, userId: manager.id },
    });
    expect(unknownField.status).toBe(422);
  });

  it('rejects with a comment, reopening the week; approves, locking it for the person and managers', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const entry = await logTimeOk(context, member, { taskId, duration: '2h' });
    await submitWeek(context, member);

    const noComment = await decideWeek(context, manager, { userId: member.id, decision: 'reject', comment: '  ' });
    expect(noComment.status).toBe(422);
    expect(noComment.body.errors[0].pointer).toBe('/comment');

    const rejected = await decideWeek(context, manager, {
      userId: member.id,
      decision: 'reject',
      comment: 'Split the workshop from the review.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decidedBy: { id: manager.id, name: manager.name },
      comment: 'Split the workshop from the review.',
    });
    const seen = await sheet(member);
    expect(seen.body).toMatchObject({ status: 'rejected', comment: 'Split the workshop from the review.', canEdit: true });
    expect((await editTime(context, member, entry.id, { duration: '1h' })).status).toBe(200);
    expect((await logTime(context, member, { taskId, duration: '1h', note: 'Review' })).status).toBe(201);

    await submitWeek(context, member);
    const approved = await decideWeek(context, manager, { userId: member.id, decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', comment: null, canDecide: false, canEdit: false });
    expect((await sheet(member)).body.entries.every((item: { weekStatus: string }) => item.weekStatus === 'approved')).toBe(true);

    for (const person of [member, manager]) {
      const response = await editTime(context, person, entry.id, { duration: '3h' });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('timesheet_locked');
    }
    expect((await deleteTime(context, manager, entry.id)).body.code).toBe('timesheet_locked');
    const withdrawn = await withdraw(member);
    expect(withdrawn.body.code).toBe('timesheet_not_submitted');
    const resubmitted = await submitWeek(context, member);
    expect(resubmitted.status).toBe(409);
    expect(resubmitted.body.code).toBe('timesheet_locked');
  });

  it('lets only admins change an approved week, with a reason recorded in the task history', async () => {
    const { admin, owner, manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const entry = await logTimeOk(context, member, { taskId, duration: '2h' });
    const other = await logTimeOk(context, member, { taskId, duration: '1h', date: '2027-03-02' });
    await submitWeek(context, member);
    expect((await decideWeek(context, owner, { userId: member.id, decision: 'approve' })).status).toBe(200);

    const noReason = await editTime(context, admin, entry.id, { duration: '1:45' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0].pointer).toBe('/reason');
    expect((await deleteTime(context, admin, other.id)).body.errors[0].pointer).toBe('/reason');

    const changed = await editTime(context, admin, entry.id, { duration: '1:45', reason: 'Client disputed 15 minutes' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ minutes: 105, weekStatus: 'approved' });
    expect((await deleteTime(context, admin, other.id, 'Logged twice')).status).toBe(204);
    expect((await task(context, member, taskId)).trackedMinutes).toBe(105);

    expect(await timeHistory(context, member, taskId)).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        data: {
          entryId: entry.id,
          userId: member.id,
          userName: member.name,
          action: 'updated',
          changes: { minutes: { from: 120, to: 105 } },
          reason: 'Client disputed 15 minutes',
        },
      }),
      expect.objectContaining({
        actorId: admin.id,
        data: expect.objectContaining({ entryId: other.id, action: 'deleted', reason: 'Logged twice' }),
      }),
    ]);
  });

  it('lets managers correct a submitted week before approval, recorded in history', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const entry = await logTimeOk(context, member, { taskId, duration: '2h' });
    await submitWeek(context, member);
    const corrected = await editTime(context, manager, entry.id, { billable: false, reason: 'Internal rework' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ billable: false, weekStatus: 'submitted' });
    expect((await timeHistory(context, member, taskId))[0]).toMatchObject({
      data: { action: 'updated', changes: { billable: { from: true, to: false } }, reason: 'Internal rework' },
    });
  });

  it('decides only as an approver of a submitted week: no self-approval for managers, admins may', async () => {
    const { admin, manager, member, project, organization } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const otherManager = await createPerson(context, organization.id, 'manager');
    await createProject(context, otherManager, [{ userId: otherManager.id, role: 'manager' }]);
    await logTimeOk(context, member, { taskId });
    await logTimeOk(context, manager, { taskId });
    await logTimeOk(context, admin, { taskId });

    const open = await decideWeek(context, manager, { userId: member.id, decision: 'approve' });
    expect(open.status).toBe(409);
    expect(open.body.code).toBe('timesheet_not_submitted');

    for (const person of [member, manager, admin]) expect((await submitWeek(context, person)).status).toBe(200);
    const self = await decideWeek(context, manager, { userId: manager.id, decision: 'approve' });
    expect(self.status).toBe(403);
    expect((await decideWeek(context, member, { userId: manager.id, decision: 'approve' })).status).toBe(403);
    expect((await decideWeek(context, otherManager, { userId: member.id, decision: 'approve' })).status).toBe(403);
    expect((await decideWeek(context, manager, { userId: member.id, decision: 'approve', weekStart: '2027-03-02' })).status).toBe(422);
    expect((await decideWeek(context, manager, { userId: 999_999, decision: 'approve' })).status).toBe(404);

    expect((await decideWeek(context, admin, { userId: admin.id, decision: 'approve' })).body.status).toBe('approved');
    expect((await decideWeek(context, admin, { userId: manager.id, decision: 'approve', comment: 'Thanks' })).body).toMatchObject({
      status: 'approved',
      comment: 'Thanks',
    });
    const twice = await decideWeek(context, admin, { userId: manager.id, decision: 'reject', comment: 'Too late' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('timesheet_not_submitted');
  });

  it('lists the submitted weeks each approver may decide, oldest first, with total and capacity', async () => {
    const { admin, manager, member, project, organization } = await createProjectTeam(context);
    const otherManager = await createPerson(context, organization.id, 'manager');
    const colleague = await createPerson(context, organization.id, 'member');
    const otherProject = await createProject(context, otherManager, [
      { userId: otherManager.id, role: 'manager' },
      { userId: colleague.id, role: 'member' },
      { userId: member.id, role: 'member' },
    ]);
    const ours = await createTask(context, manager, { projectId: project.id });
    const theirs = await createTask(context, otherManager, { projectId: otherProject.id });
    await logTimeOk(context, member, { taskId: ours.id, duration: '3h' });
    await logTimeOk(context, member, { taskId: theirs.id, duration: '1h' });
    await logTimeOk(context, colleague, { taskId: theirs.id, date: '2027-02-23', duration: '5h' });
    await logTimeOk(context, manager, { taskId: ours.id, duration: '2h' });
    await submitWeek(context, member);
    await submitWeek(context, colleague, LAST_WEEK);
    await submitWeek(context, manager);

    const weeks = (items: { userId: number; weekStart: string }[]) => items.map((item) => [item.userId, item.weekStart]);
    expect(await pending(admin)).toEqual([
      {
        userId: colleague.id,
        userName: colleague.name,
        weekStart: LAST_WEEK,
        submittedAt: `${TODAY}T12:00:00.000Z`,
        totalMinutes: 300,
        capacityMinutes: 2400,
      },
      expect.objectContaining({ userId: member.id, weekStart: THIS_WEEK, totalMinutes: 240 }),
      expect.objectContaining({ userId: manager.id, weekStart: THIS_WEEK, totalMinutes: 120 }),
    ]);
    expect(await pending(manager)).toEqual([expect.objectContaining({ userId: member.id, weekStart: THIS_WEEK, totalMinutes: 180 })]);
    expect(weeks(await pending(otherManager))).toEqual([
      [colleague.id, LAST_WEEK],
      [member.id, THIS_WEEK],
    ]);
    expect(await pending(member)).toEqual([]);

    await decideWeek(context, manager, { userId: member.id, decision: 'approve' });
    expect(await pending(manager)).toEqual([]);
    expect(weeks(await pending(otherManager))).toEqual([[colleague.id, LAST_WEEK]]);
  });

  it('shows another person’s week to admins and to managers (their projects’ entries only); members get 403', async () => {
    const { admin, manager, member, project, organization, client } = await createProjectTeam(context);
    const otherManager = await createPerson(context, organization.id, 'manager');
    const otherProject = await createProject(context, otherManager, [
      { userId: otherManager.id, role: 'manager' },
      { userId: member.id, role: 'member' },
    ]);
    const ours = await logTimeOk(context, member, {
      taskId: (await createTask(context, manager, { projectId: project.id })).id,
      duration: '3h',
    });
    await logTimeOk(context, member, {
      taskId: (await createTask(context, otherManager, { projectId: otherProject.id })).id,
      duration: '1h',
    });

    const managerView = await sheet(manager, `?userId=${member.id}`);
    expect(managerView.status).toBe(200);
    expect(managerView.body.entries.map((entry: { id: number }) => entry.id)).toEqual([ours.id]);
    expect(managerView.body).toMatchObject({ totalMinutes: 180, canDecide: false, canEdit: true });
    expect((await sheet(admin, `?userId=${member.id}`)).body.totalMinutes).toBe(240);
    expect((await sheet(member, `?userId=${manager.id}`)).status).toBe(403);
    expect((await sheet(otherManager, `?userId=${manager.id}`)).status).toBe(403);
    expect((await sheet(client)).status).toBe(403);
    expect((await sheet(admin, '?userId=999999')).status).toBe(404);

    await submitWeek(context, member);
    expect((await sheet(manager, `?userId=${member.id}`)).body.canDecide).toBe(true);
  });
});
