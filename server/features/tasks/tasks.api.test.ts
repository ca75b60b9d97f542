import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectTeam, createTask } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('tasks: fields, versions, queues, lists and search', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  it('creates a clear task with its node fields and numbers it per project', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: {
        projectId: project.id,
        title: '  ACME Corp – March 2026 revised proposal  ',
        description: '## Goal\nA revised proposal with the new scope.',
        captainId: member.id,
        collaboratorIds: [manager.id],
        deadline: '2030-03-31T17:00',
        estimateMinutes: 240,
        activityType: 'writing',
        labels: ['Proposal', 'proposal', 'urgent'],
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      reference: `${project.key}-1`,
      title: 'ACME Corp – March 2026 revised proposal',
      status: 'planned',
      captainId: member.id,
      collaboratorIds: [manager.id],
      createdById: manager.id,
      deadline: '2030-03-31T17:00',
      deadlineAt: '2030-03-31T17:00:00.000Z',
      isOverdue: false,
      estimateMinutes: 240,
      activityType: 'writing',
      labels: ['proposal', 'urgent'],
      version: 1,
    });
    const second = await createTask(context, member, { projectId: project.id });
    expect(second.reference).toBe(`${project.key}-2`);
  });

  it('names each invalid field when creating', async () => {
    const { manager, project, outsider } = await createProjectTeam(context);
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'ab', deadline: '2030-02-30', estimateMinutes: -5 },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/deadline',
      '/estimateMinutes',
      '/title',
    ]);
    const notMember = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'Valid title', captainId: outsider.id },
    });
    expect(notMember.status).toBe(422);
    expect(notMember.body.errors[0]).toMatchObject({ pointer: '/captainId', code: 'not_project_member' });
    const badType = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'Valid title', activityType: 'juggling' },
    });
    expect(badType.body.errors[0].pointer).toBe('/activityType');
    const long = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'x'.repeat(201) },
    });
    expect(long.status).toBe(422);
    const list = await context.request({ url: `/api/v1/tasks?projectId=${project.id}`, as: manager });
    expect(list.body.items).toEqual([]);
  });

  it('stores a date-only deadline as passing at the end of the day in the organization’s time zone', async () => {
    const { manager, owner, project } = await createProjectTeam(context);
    await context.request({ method: 'PATCH', url: '/api/v1/organization', as: owner, body: { timeZone: 'Europe/Istanbul' } });
    const task = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'Ship it', deadline: '2030-03-31' },
    });
    expect(task.body.deadlineAt).toBe('2030-03-31T21:00:00.000Z');
  });

  it('needs the edited version: 428 without it, 412 with the current task when stale', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const missing = await context.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      as: manager,
      body: { title: 'No version given' },
    });
    expect(missing.status).toBe(428);
    const first = await context.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      as: manager,
      body: { title: 'Edited by the manager' },
      headers: { 'if-match': '"1"' },
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    expect(first.headers.etag).toBe('"2"');
    const stale = await context.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      as: member,
      body: { title: 'Edited by the member', version: 1 },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('stale_version');
    expect(stale.body.current).toMatchObject({ title: 'Edited by the manager', version: 2 });
    expect((await context.request({ url: `/api/v1/tasks/${task.id}`, as: member })).body.title).toBe('Edited by the manager');
  });

  it('records field changes with old and new values in the history', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, title: 'First title' });
    await context.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      as: manager,
      body: { version: 1, title: 'Second title', captainId: member.id, deadline: '2030-05-01' },
    });
    const history = await context.request({ url: `/api/v1/tasks/${task.id}/history`, as: member });
    const updated = history.body.items.find((entry: { kind: string }) => entry.kind === 'updated');
    expect(updated.data.changes).toEqual(
      expect.arrayContaining([
        { field: 'title', from: 'First title', to: 'Second title' },
        { field: 'captainId', from: null, to: member.id },
        { field: 'deadline', from: null, to: '2030-05-01' },
      ]),
    );
    expect(updated.actorName).toBe(manager.name);
  });

  it('lets only managers and the creator choose the captain; a started task keeps one', async () => {
    const { manager, member, project, owner } = await createProjectTeam(context);
    await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${owner.id}`,
      as: manager,
      body: { role: 'member' },
    });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    const byCaptain = await context.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      as: member,
      body: { version: 1, captainId: owner.id },
    });
    expect(byCaptain.status).toBe(403);
    const ownEdit = await context.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      as: member,
      body: { version: 1, description: 'Notes from the captain' },
    });
    expect(ownEdit.status).toBe(200);
    await context.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/status`, as: member, body: { status: 'in_progress' } });
    const current = await context.request({ url: `/api/v1/tasks/${task.id}`, as: manager });
    const unassign = await context.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      as: manager,
      body: { version: current.body.version, captainId: null },
    });
    expect(unassign.status).toBe(409);
    expect(unassign.body.code).toBe('task_incomplete');
  });

  it('refuses a parent that would make a cycle', async () => {
    const { manager, project } = await createProjectTeam(context);
    const parent = await createTask(context, manager, { projectId: project.id });
    const child = await createTask(context, manager, { projectId: project.id, parentId: parent.id });
    const grandchild = await createTask(context, manager, { projectId: project.id, parentId: child.id });
    const cycle = await context.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${parent.id}`,
      as: manager,
      body: { version: 1, parentId: grandchild.id },
    });
    expect(cycle.status).toBe(409);
    expect(cycle.body.code).toBe('parent_cycle');
  });

  it('keeps each person’s queue in manual order; new tasks join the end', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const a = await createTask(context, manager, { projectId: project.id, captainId: member.id, title: 'Task A' });
    const b = await createTask(context, manager, { projectId: project.id, captainId: member.id, title: 'Task B' });
    const c = await createTask(context, manager, { projectId: project.id, captainId: member.id, title: 'Task C' });
    const queue = async () =>
      (
        await context.request({
          url: `/api/v1/tasks?captainId=${member.id}&sort=queue&status=planned,in_progress,waiting,review`,
          as: member,
        })
      ).body.items.map((task: { title: string }) => task.title);
    expect(await queue()).toEqual(['Task A', 'Task B', 'Task C']);
    const moved = await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${c.id}/move`,
      as: member,
      body: { list: 'queue', beforeId: a.id },
    });
    expect(moved.status).toBe(200);
    expect(await queue()).toEqual(['Task C', 'Task A', 'Task B']);
    await context.request({ method: 'POST', url: `/api/v1/tasks/${c.id}/move`, as: manager, body: { list: 'queue', afterId: b.id } });
    expect(await queue()).toEqual(['Task A', 'Task B', 'Task C']);
    await context.request({ method: 'POST', url: `/api/v1/tasks/${a.id}/move`, as: member, body: { list: 'queue', afterId: b.id } });
    expect(await queue()).toEqual(['Task B', 'Task A', 'Task C']);
    const d = await createTask(context, manager, { projectId: project.id, captainId: member.id, title: 'Task D' });
    expect(await queue()).toEqual(['Task B', 'Task A', 'Task C', 'Task D']);
    expect(d.version).toBe(1);
  });

  it('moves a task with one row written and without bumping its version', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const a = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const b = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const { db } = context.deps.database;
    const before = await db.selectFrom('tasks').select(['id', 'queue_rank', 'updated_at', 'version']).orderBy('id').execute();
    await context.request({ method: 'POST', url: `/api/v1/tasks/${b.id}/move`, as: member, body: { list: 'queue', beforeId: a.id } });
    const after = await db.selectFrom('tasks').select(['id', 'queue_rank', 'updated_at', 'version']).orderBy('id').execute();
    expect(after[0]).toEqual(before[0]);
    expect(after[1]!.queue_rank).not.toBe(before[1]!.queue_rank);
    expect(after[1]!.version).toBe(before[1]!.version);
  });

  it('refuses queue moves by others and across queues', async () => {
    const { manager, member, project, owner } = await createProjectTeam(context);
    await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${owner.id}`,
      as: manager,
      body: { role: 'member' },
    });
    const mine = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const mine2 = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const theirs = await createTask(context, manager, { projectId: project.id, captainId: manager.id });
    const colleague = await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${mine.id}/move`,
      as: { cookie: owner.cookie },
      body: { list: 'queue', afterId: mine2.id },
    });
    // The owner administers the organization, so may reorder; a plain member may not:
    expect(colleague.status).toBe(200);
    const other = (await createProjectTeam(context)).member;
    expect(
      (
        await context.request({
          method: 'POST',
          url: `/api/v1/tasks/${mine.id}/move`,
          as: other,
          body: { list: 'queue', afterId: mine2.id },
        })
      ).status,
    ).toBe(404);
    const across = await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${mine.id}/move`,
      as: member,
      body: { list: 'queue', afterId: theirs.id },
    });
    expect(across.status).toBe(422);
    const backlog = await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${mine.id}/move`,
      as: member,
      body: { list: 'project', afterId: theirs.id },
    });
    expect(backlog.status).toBe(403);
    const both = await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${mine.id}/move`,
      as: member,
      body: { list: 'queue', afterId: mine2.id, beforeId: mine2.id },
    });
    expect(both.status).toBe(422);
  });

  it('a project member who is not the captain cannot reorder someone’s queue', async () => {
    const { manager, member, project, outsider } = await createProjectTeam(context);
    await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${outsider.id}`,
      as: manager,
      body: { role: 'member' },
    });
    const a = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const b = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const response = await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${b.id}/move`,
      as: outsider,
      body: { list: 'queue', beforeId: a.id },
    });
    expect(response.status).toBe(403);
  });

  it('returns the first result for a retried create with the same Idempotency-Key', async () => {
    const { manager, project } = await createProjectTeam(context);
    const send = (title: string) =>
      context.request({
        method: 'POST',
        url: '/api/v1/tasks',
        as: manager,
        body: { projectId: project.id, title },
        headers: { 'idempotency-key': 'create-42' },
      });
    const first = await send('Only once please');
    const retry = await send('Only once please');
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const reused = await send('A different request');
    expect(reused.status).toBe(422);
    expect(reused.body.errors[0].code).toBe('idempotency_key_reused');
    const list = await context.request({ url: `/api/v1/tasks?projectId=${project.id}`, as: manager });
    expect(list.body.items).toHaveLength(1);
  });

  it('filters by status, captain, label, overdue and deadline range, and pages with a cursor', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    context.clock.advance(0);
    const overdue = await createTask(context, manager, {
      projectId: project.id,
      captainId: member.id,
      deadline: '2020-01-01',
      labels: ['print'],
    });
    const later = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-06-15' });
    const unassigned = await createTask(context, manager, { projectId: project.id });
    await context.request({ method: 'POST', url: `/api/v1/tasks/${later.id}/status`, as: member, body: { status: 'in_progress' } });
    const ids = async (query: string) =>
      (await context.request({ url: `/api/v1/tasks?projectId=${project.id}&${query}`, as: member })).body.items
        .map((task: { id: number }) => task.id)
        .sort();

    expect(await ids('status=in_progress')).toEqual([later.id]);
    expect(await ids('status=planned,in_progress')).toEqual([overdue.id, later.id, unassigned.id].sort());
    expect(await ids(`captainId=${member.id}`)).toEqual([overdue.id, later.id].sort());
    expect(await ids('label=print')).toEqual([overdue.id]);
    expect(await ids('overdue=true')).toEqual([overdue.id]);
    expect(await ids('deadlineFrom=2030-01-01&deadlineTo=2030-12-31')).toEqual([later.id]);
    const overdueTask = await context.request({ url: `/api/v1/tasks/${overdue.id}`, as: member });
    expect(overdueTask.body.isOverdue).toBe(true);

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: number }[]; nextCursor: string | null } } = await context.request({
        url: `/api/v1/tasks?projectId=${project.id}&sort=deadline&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        as: member,
      });
      seen.push(...page.body.items.map((task) => task.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([overdue.id, later.id, unassigned.id]);
    const bad = await context.request({ url: '/api/v1/tasks?cursor=garbage', as: member });
    expect(bad.status).toBe(422);
    const badStatus = await context.request({ url: '/api/v1/tasks?status=finished', as: member });
    expect(badStatus.status).toBe(422);
  });

  it('searches titles and descriptions, including closed tasks, with highlighted matches', async () => {
    const { manager, member, project } = await createProjectTeam(context, { reviewRequired: false });
    const closed = await createTask(context, manager, {
      projectId: project.id,
      captainId: member.id,
      deadline: '2030-01-01',
      title: 'Brochure for the trade fair',
      description: 'Print run of 500 copies on recycled paper.',
    });
    await createTask(context, manager, { projectId: project.id, title: 'Website hosting renewal' });
    await context.request({ method: 'POST', url: `/api/v1/tasks/${closed.id}/status`, as: member, body: { status: 'in_progress' } });
    await context.request({ method: 'POST', url: `/api/v1/tasks/${closed.id}/status`, as: member, body: { status: 'done' } });
    const byDescription = await context.request({ url: '/api/v1/tasks?q=recycled', as: member });
    expect(byDescription.body.items.map((task: { id: number }) => task.id)).toEqual([closed.id]);
    expect(byDescription.body.items[0].status).toBe('done');
    expect(byDescription.body.items[0].highlight).toContain('«recycled»');
    const prefix = await context.request({ url: '/api/v1/tasks?q=broch', as: member });
    expect(prefix.body.items.map((task: { id: number }) => task.id)).toEqual([closed.id]);
    const none = await context.request({ url: '/api/v1/tasks?q=nonexistentword', as: member });
    expect(none.body.items).toEqual([]);
    const other = (await createProjectTeam(context)).member;
    expect((await context.request({ url: '/api/v1/tasks?q=recycled', as: other })).body.items).toEqual([]);
  });

  it('finds subtasks, tasks waiting on a person, and a task by its reference', async () => {
    const { manager, member, project, owner } = await createProjectTeam(context);
    const parent = await createTask(context, manager, { projectId: project.id, title: 'Parent task' });
    const child = await createTask(context, manager, {
      projectId: project.id,
      parentId: parent.id,
      captainId: member.id,
      deadline: '2030-01-01',
    });
    await context.request({ method: 'POST', url: `/api/v1/tasks/${child.id}/status`, as: member, body: { status: 'in_progress' } });
    await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${child.id}/status`,
      as: member,
      body: { status: 'waiting', reason: 'Contract', waitingOn: { userId: owner.id } },
    });
    const ids = async (query: string) =>
      (await context.request({ url: `/api/v1/tasks?${query}`, as: manager })).body.items.map((task: { id: number }) => task.id);
    expect(await ids(`parentId=${parent.id}`)).toEqual([child.id]);
    expect(await ids(`waitingOnUserId=${owner.id}`)).toEqual([child.id]);
    expect(await ids(`q=${child.reference.toLowerCase()}`)).toEqual([child.id]);
  });

  it('counts a new or removed blocker as a change of the task’s version', async () => {
    const { manager, project } = await createProjectTeam(context);
    const first = await createTask(context, manager, { projectId: project.id });
    const second = await createTask(context, manager, { projectId: project.id });
    const added = await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${second.id}/dependencies`,
      as: manager,
      body: { blockedById: first.id },
    });
    expect(added.body.version).toBe(2);
    await context.request({ method: 'DELETE', url: `/api/v1/tasks/${second.id}/dependencies/${first.id}`, as: manager });
    expect((await context.request({ url: `/api/v1/tasks/${second.id}`, as: manager })).body.version).toBe(3);
  });
});
