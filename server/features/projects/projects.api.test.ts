import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProject, createProjectTeam, createTask, createTeam } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('projects and their members', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  it('a manager creates a project with a client and members, and runs it', async () => {
    const { manager, member } = await createTeam(context);
    const client = await context.request({
      method: 'POST',
      url: '/api/v1/clients',
      as: manager,
      body: { name: 'ACME Corp', contact: 'ceo@acme.example' },
    });
    expect(client.status).toBe(201);
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/projects',
      as: manager,
      body: {
        name: 'ACME website',
        key: 'acme',
        clientId: client.body.id,
        members: [{ userId: member.id, role: 'member' }],
        startDate: '2026-01-05',
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      key: 'ACME',
      clientId: client.body.id,
      state: 'active',
      reviewRequired: true,
      myRole: 'manager',
      openTaskCount: 0,
    });
    expect(response.body.members).toEqual(
      expect.arrayContaining([
        { userId: manager.id, name: manager.name, role: 'manager' },
        { userId: member.id, name: member.name, role: 'member' },
      ]),
    );
  });

  it('answers 403 to members and clients creating projects', async () => {
    const { member, client } = await createTeam(context);
    for (const person of [member, client]) {
      expect(
        (await context.request({ method: 'POST', url: '/api/v1/projects', as: person, body: { name: 'Mine', key: 'MINE' } })).status,
      ).toBe(403);
    }
  });

  it('refuses a key already used in the organization, and malformed keys', async () => {
    const { manager } = await createTeam(context);
    await createProject(context, manager, [], { key: 'WEB' });
    const duplicate = await context.request({ method: 'POST', url: '/api/v1/projects', as: manager, body: { name: 'Other', key: 'web' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('key_taken');
    const malformed = await context.request({
      method: 'POST',
      url: '/api/v1/projects',
      as: manager,
      body: { name: 'Other', key: '1-bad key' },
    });
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors[0].pointer).toBe('/key');
    // Another organization may use the same key.
    const other = await createTeam(context);
    expect(
      (await context.request({ method: 'POST', url: '/api/v1/projects', as: other.manager, body: { name: 'Web', key: 'WEB' } })).status,
    ).toBe(201);
  });

  it('refuses members who are not active people of the organization, or are client accounts', async () => {
    const { manager, client } = await createTeam(context);
    const stranger = (await createTeam(context)).member;
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/projects',
      as: manager,
      body: {
        name: 'P',
        key: 'PQ',
        members: [
          { userId: stranger.id, role: 'member' },
          { userId: client.id, role: 'member' },
        ],
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors.map((error: { pointer: string; code: string }) => `${error.pointer} ${error.code}`)).toEqual([
      '/members/0/userId not_found',
      '/members/1/userId client_account',
    ]);
  });

  it('members see only their projects; owners and admins see all; others get 404', async () => {
    const { manager, member, project, outsider, admin } = await createProjectTeam(context);
    const mine = await context.request({ url: '/api/v1/projects', as: member });
    expect(mine.body.items.map((item: { id: number }) => item.id)).toEqual([project.id]);
    expect(mine.body.items[0].myRole).toBe('member');
    expect((await context.request({ url: '/api/v1/projects', as: outsider })).body.items).toEqual([]);
    expect((await context.request({ url: `/api/v1/projects/${project.id}`, as: outsider })).status).toBe(404);
    const adminView = await context.request({ url: `/api/v1/projects/${project.id}`, as: admin });
    expect(adminView.body.myRole).toBe('admin');
    expect((await context.request({ url: `/api/v1/projects/${project.id}`, as: manager })).body.myRole).toBe('manager');
  });

  it('only project managers and admins change a project; members get 403', async () => {
    const { manager, member, project, admin } = await createProjectTeam(context);
    expect(
      (await context.request({ method: 'PATCH', url: `/api/v1/projects/${project.id}`, as: member, body: { name: 'Renamed' } })).status,
    ).toBe(403);
    const paused = await context.request({
      method: 'PATCH',
      url: `/api/v1/projects/${project.id}`,
      as: manager,
      body: { state: 'on_hold', reviewRequired: false },
    });
    expect(paused.body).toMatchObject({ state: 'on_hold', reviewRequired: false });
    expect(
      (await context.request({ method: 'PATCH', url: `/api/v1/projects/${project.id}`, as: admin, body: { state: 'active' } })).body.state,
    ).toBe('active');
  });

  it('projects are billable by default; their managers and admins may turn it off, members may not', async () => {
    const { manager, member, project, admin } = await createProjectTeam(context);
    expect((await context.request({ url: `/api/v1/projects/${project.id}`, as: member })).body.billable).toBe(true);
    const internal = await context.request({
      method: 'POST',
      url: '/api/v1/projects',
      as: manager,
      body: { name: 'Internal', key: 'INT', billable: false },
    });
    expect(internal.status).toBe(201);
    expect(internal.body.billable).toBe(false);
    expect((await context.request({ url: `/api/v1/projects/${internal.body.id}`, as: manager })).body.billable).toBe(false);

    const refused = await context.request({
      method: 'PATCH',
      url: `/api/v1/projects/${project.id}`,
      as: member,
      body: { billable: false },
    });
    expect(refused.status).toBe(403);
    expect((await context.request({ url: `/api/v1/projects/${project.id}`, as: member })).body.billable).toBe(true);
    const off = await context.request({ method: 'PATCH', url: `/api/v1/projects/${project.id}`, as: manager, body: { billable: false } });
    expect(off.status).toBe(200);
    expect(off.body.billable).toBe(false);
    const listed = await context.request({ url: '/api/v1/projects', as: member });
    expect(listed.body.items.find((item: { id: number }) => item.id === project.id).billable).toBe(false);
    const on = await context.request({ method: 'PATCH', url: `/api/v1/projects/${project.id}`, as: admin, body: { billable: true } });
    expect(on.body.billable).toBe(true);
    const bad = await context.request({ method: 'PATCH', url: `/api/v1/projects/${project.id}`, as: manager, body: { billable: 'no' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/billable');
  });

  it('adds, changes and removes members, keeping at least one manager', async () => {
    const { manager, member, project, outsider } = await createProjectTeam(context);
    const added = await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${outsider.id}`,
      as: manager,
      body: { role: 'member' },
    });
    expect(added.body.members.map((m: { userId: number }) => m.userId)).toContain(outsider.id);
    expect((await context.request({ url: `/api/v1/projects/${project.id}`, as: outsider })).status).toBe(200);
    const lastManager = await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${manager.id}`,
      as: manager,
      body: { role: 'member' },
    });
    expect(lastManager.status).toBe(409);
    expect(lastManager.body.code).toBe('last_manager');
    expect(
      (await context.request({ method: 'DELETE', url: `/api/v1/projects/${project.id}/members/${outsider.id}`, as: member })).status,
    ).toBe(403);
    expect(
      (await context.request({ method: 'DELETE', url: `/api/v1/projects/${project.id}/members/${outsider.id}`, as: manager })).status,
    ).toBe(204);
    expect((await context.request({ url: `/api/v1/projects/${project.id}`, as: outsider })).status).toBe(404);
  });

  it('refuses new tasks in an archived project', async () => {
    const { manager, project } = await createProjectTeam(context);
    await context.request({ method: 'PATCH', url: `/api/v1/projects/${project.id}`, as: manager, body: { state: 'archived' } });
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'Too late' },
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('project_archived');
  });

  it('keeps projects of another organization invisible', async () => {
    const a = await createProjectTeam(context);
    const b = await createProjectTeam(context);
    expect((await context.request({ url: `/api/v1/projects/${b.project.id}`, as: a.owner })).status).toBe(404);
    expect((await context.request({ url: '/api/v1/projects', as: a.owner })).body.items.map((p: { id: number }) => p.id)).toEqual([
      a.project.id,
    ]);
    const task = await createTask(context, b.manager, { projectId: b.project.id });
    expect((await context.request({ url: `/api/v1/tasks/${task.id}`, as: a.owner })).status).toBe(404);
    expect(
      (await context.request({ method: 'POST', url: '/api/v1/tasks', as: a.owner, body: { projectId: b.project.id, title: 'Sneaky' } }))
        .status,
    ).toBe(422);
    expect(
      (await context.request({ method: 'PATCH', url: `/api/v1/projects/${b.project.id}`, as: a.owner, body: { name: 'Hijacked' } })).status,
    ).toBe(404);
  });
});
