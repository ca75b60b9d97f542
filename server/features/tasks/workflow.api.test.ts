import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectTeam, createTask, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('the task workflow', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  const status = (as: TestPerson, id: number, body: Record<string, unknown>) =>
    context.request({ method: 'POST', url: `/api/v1/tasks/${id}/status`, as, body });
  const review = (as: TestPerson, id: number, body: Record<string, unknown>) =>
    context.request({ method: 'POST', url: `/api/v1/tasks/${id}/review`, as, body });

  it('runs a task from planned through waiting and review to done, recording each step', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-03-31' });
    expect(task).toMatchObject({ status: 'planned', reference: `${project.key}-1` });

    expect((await status(member, task.id, { status: 'in_progress' })).body.status).toBe('in_progress');
    const waiting = await status(member, task.id, {
      status: 'waiting',
      reason: 'Client sends the logo files',
      waitingOn: { external: 'ACME marketing' },
    });
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({
      status: 'waiting',
      reason: 'Client sends the logo files',
      waitingOn: { external: 'ACME marketing' },
    });
    expect(waiting.body.waitingSince).not.toBeNull();

    context.clock.advance(90 * 60_000);
    const resumed = await status(member, task.id, { status: 'in_progress' });
    expect(resumed.body).toMatchObject({ status: 'in_progress', reason: null, waitingOn: null, waitingSince: null });

    expect((await status(member, task.id, { status: 'review' })).body.status).toBe('review');
    const changes = await review(manager, task.id, { decision: 'request_changes', feedback: 'Use the brand blue, not navy.' });
    expect(changes.body).toMatchObject({ status: 'in_progress', feedback: 'Use the brand blue, not navy.' });
    await status(member, task.id, { status: 'review' });
    const approved = await review(manager, task.id, { decision: 'approve' });
    expect(approved.body.status).toBe('done');
    expect(approved.body.closedAt).not.toBeNull();

    const history = await context.request({ url: `/api/v1/tasks/${task.id}/history`, as: member });
    const steps = history.body.items.map((entry: { kind: string; data: { from?: string; to?: string } }) =>
      entry.kind === 'created' ? 'created' : `${entry.data.from}→${entry.data.to}`,
    );
    expect(steps).toEqual([
      'created',
      'planned→in_progress',
      'in_progress→waiting',
      'waiting→in_progress',
      'in_progress→review',
      'review→in_progress',
      'in_progress→review',
      'review→done',
    ]);
    const resume = history.body.items[3];
    expect(resume.data).toMatchObject({ waitedMinutes: 90, reason: 'Client sends the logo files' });
    expect(history.body.items[5].data.feedback).toBe('Use the brand blue, not navy.');
    expect(history.body.items[5].actorId).toBe(manager.id);
  });

  it('refuses to start a task without a captain or a deadline, naming what is missing', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const bare = await createTask(context, manager, { projectId: project.id });
    const response = await status(manager, bare.id, { status: 'in_progress' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('task_incomplete');
    expect(response.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/captainId', '/deadline']);
    const noDeadline = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const second = await status(member, noDeadline.id, { status: 'in_progress' });
    expect(second.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/deadline']);
    expect(second.body.detail).toContain('deadline');
  });

  it('answers 409 invalid_transition for a move the workflow forbids', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    const skip = await status(member, task.id, { status: 'review' });
    expect(skip.status).toBe(409);
    expect(skip.body.code).toBe('invalid_transition');
    const done = await status(manager, task.id, { status: 'done' });
    expect(done.status).toBe(409);
    const notReview = await review(manager, task.id, { decision: 'approve' });
    expect(notReview.status).toBe(409);
    expect((await context.request({ url: `/api/v1/tasks/${task.id}`, as: member })).body.status).toBe('planned');
  });

  it('requires a reason and whom the work waits on', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, task.id, { status: 'in_progress' });
    const missing = await status(member, task.id, { status: 'waiting' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/reason', '/waitingOn']);
    const blank = await status(member, task.id, { status: 'waiting', reason: '   ', waitingOn: { userId: manager.id } });
    expect(blank.status).toBe(422);
    const onPerson = await status(member, task.id, {
      status: 'waiting',
      reason: 'Needs the budget approved',
      waitingOn: { userId: manager.id },
    });
    expect(onPerson.body.waitingOn).toEqual({ userId: manager.id });
  });

  it('refuses to wait on someone outside the organization', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const other = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, task.id, { status: 'in_progress' });
    const response = await status(member, task.id, { status: 'waiting', reason: 'x', waitingOn: { userId: other.member.id } });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].pointer).toBe('/waitingOn/userId');
  });

  it('requires written feedback to request changes', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, task.id, { status: 'in_progress' });
    await status(member, task.id, { status: 'review' });
    const response = await review(manager, task.id, { decision: 'request_changes' });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].pointer).toBe('/feedback');
  });

  it('never lets the captain approve their own work while review is required, even as a manager', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const own = await createTask(context, member, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, own.id, { status: 'in_progress' });
    await status(member, own.id, { status: 'review' });
    const selfApproval = await review(member, own.id, { decision: 'approve' });
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body.detail).toContain('own work');

    const managersOwn = await createTask(context, manager, { projectId: project.id, captainId: manager.id, deadline: '2030-01-01' });
    await status(manager, managersOwn.id, { status: 'in_progress' });
    await status(manager, managersOwn.id, { status: 'review' });
    expect((await review(manager, managersOwn.id, { decision: 'approve' })).status).toBe(403);
    expect((await context.request({ url: `/api/v1/tasks/${managersOwn.id}`, as: manager })).body.status).toBe('review');
  });

  it('lets the creator review when they are not the captain', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    // The member creates a task for the manager, so the member (creator) reviews it.
    const task = await createTask(context, member, { projectId: project.id, captainId: manager.id, deadline: '2030-01-01' });
    await status(manager, task.id, { status: 'in_progress' });
    await status(manager, task.id, { status: 'review' });
    const approved = await review(member, task.id, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('done');
  });

  it('refuses review by a member who neither manages nor created the task', async () => {
    const { manager, member, project, owner } = await createProjectTeam(context);
    const colleague = await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${owner.id}`,
      as: manager,
      body: { role: 'member' },
    });
    expect(colleague.status).toBe(200);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, task.id, { status: 'in_progress' });
    await status(member, task.id, { status: 'review' });
    const third = (await createProjectTeam(context)).member;
    expect((await review(third, task.id, { decision: 'approve' })).status).toBe(404);
  });

  it('lets the captain close directly when the project does not require review', async () => {
    const { manager, member, project } = await createProjectTeam(context, { reviewRequired: false });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, task.id, { status: 'in_progress' });
    const closed = await status(member, task.id, { status: 'done' });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('done');
  });

  it('refuses closing without review when the project requires it', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, task.id, { status: 'in_progress' });
    const response = await status(member, task.id, { status: 'done' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('invalid_transition');
  });

  it('only managers reopen (with a reason), cancel (with a reason) and restore', async () => {
    const { manager, member, project } = await createProjectTeam(context, { reviewRequired: false });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, task.id, { status: 'in_progress' });
    await status(member, task.id, { status: 'done' });

    const memberReopen = await status(member, task.id, { status: 'in_progress', reason: 'I want to fix a typo' });
    expect(memberReopen.status).toBe(403);
    const noReason = await status(manager, task.id, { status: 'in_progress' });
    expect(noReason.status).toBe(422);
    const reopened = await status(manager, task.id, { status: 'in_progress', reason: 'Client found a broken link' });
    expect(reopened.body).toMatchObject({ status: 'in_progress', reason: 'Client found a broken link', closedAt: null });

    expect((await status(member, task.id, { status: 'cancelled', reason: 'not needed' })).status).toBe(403);
    expect((await status(manager, task.id, { status: 'cancelled' })).status).toBe(422);
    const cancelled = await status(manager, task.id, { status: 'cancelled', reason: 'Client dropped the page' });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await status(member, task.id, { status: 'planned' })).status).toBe(403);
    expect((await status(manager, task.id, { status: 'planned' })).body.status).toBe('planned');
  });

  it('answers 403 when a project member who is not the captain starts someone else’s task', async () => {
    const { manager, member, project, owner } = await createProjectTeam(context);
    await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${owner.id}`,
      as: manager,
      body: { role: 'member' },
    });
    const task = await createTask(context, manager, { projectId: project.id, captainId: manager.id, deadline: '2030-01-01' });
    const response = await status(member, task.id, { status: 'in_progress' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('forbidden');
  });

  it('answers 404 to people outside the project, whatever they try', async () => {
    const { manager, member, project, outsider } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    for (const request of [
      { url: `/api/v1/tasks/${task.id}` },
      { url: `/api/v1/tasks/${task.id}/history` },
      { method: 'POST' as const, url: `/api/v1/tasks/${task.id}/status`, body: { status: 'in_progress' } },
      { method: 'PATCH' as const, url: `/api/v1/tasks/${task.id}`, body: { title: 'Taken over', version: 1 } },
    ]) {
      const response = await context.request({ ...request, as: outsider });
      expect(response.status).toBe(404);
    }
    const list = await context.request({ url: `/api/v1/tasks?projectId=${project.id}`, as: outsider });
    expect(list.body.items).toEqual([]);
  });

  it('makes closed tasks read-only except for reopening', async () => {
    const { manager, member, project } = await createProjectTeam(context, { reviewRequired: false });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, task.id, { status: 'in_progress' });
    const done = await status(member, task.id, { status: 'done' });
    const edit = await context.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      as: manager,
      body: { title: 'Renamed later', version: done.body.version },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('task_closed');
  });

  it('blocks starting while a blocker is open, naming it, and refuses dependency cycles', async () => {
    const { manager, member, project } = await createProjectTeam(context, { reviewRequired: false });
    const first = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    const second = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    const third = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    expect(
      (
        await context.request({
          method: 'POST',
          url: `/api/v1/tasks/${second.id}/dependencies`,
          as: manager,
          body: { blockedById: first.id },
        })
      ).body.blockedByIds,
    ).toEqual([first.id]);
    await context.request({ method: 'POST', url: `/api/v1/tasks/${third.id}/dependencies`, as: manager, body: { blockedById: second.id } });

    const blocked = await status(member, second.id, { status: 'in_progress' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('task_blocked');
    expect(blocked.body.detail).toContain(first.reference);

    const cycle = await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${first.id}/dependencies`,
      as: manager,
      body: { blockedById: third.id },
    });
    expect(cycle.status).toBe(409);
    expect(cycle.body.code).toBe('dependency_cycle');
    const self = await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${first.id}/dependencies`,
      as: manager,
      body: { blockedById: first.id },
    });
    expect(self.status).toBe(409);

    await status(member, first.id, { status: 'in_progress' });
    await status(member, first.id, { status: 'done' });
    expect((await status(member, second.id, { status: 'in_progress' })).status).toBe(200);

    const removed = await context.request({ method: 'DELETE', url: `/api/v1/tasks/${third.id}/dependencies/${second.id}`, as: manager });
    expect(removed.status).toBe(204);
    expect((await context.request({ url: `/api/v1/tasks/${third.id}`, as: manager })).body.blockedByIds).toEqual([]);
  });
});
