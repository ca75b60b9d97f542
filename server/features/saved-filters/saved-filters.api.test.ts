import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrganization, createPerson, createProjectTeam, createTask, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { insertMembership } from '../users/users.repository.js';
import { startSession } from '../auth/auth.service.js';

describe('saved filters', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  const save = (as: TestPerson, body: Record<string, unknown>) =>
    context.request({ method: 'POST', url: '/api/v1/saved-filters', as, body });
  const list = (as: TestPerson) => context.request({ url: '/api/v1/saved-filters', as });
  const remove = (as: TestPerson, id: number) => context.request({ method: 'DELETE', url: `/api/v1/saved-filters/${id}`, as });

  it('saves, lists and deletes your own filters, whose query works on the task list', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const mine = await createTask(context, manager, { projectId: project.id, captainId: member.id, labels: ['Design'] });
    await createTask(context, manager, { projectId: project.id, captainId: manager.id });

    const created = await save(member, {
      name: '  My design work ',
      query: { captainId: String(member.id), status: 'planned,in_progress', label: 'design', sort: 'deadline' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'My design work',
      query: { captainId: String(member.id), status: 'planned,in_progress', label: 'design', sort: 'deadline' },
    });
    expect(created.body.createdAt).toEqual(expect.any(String));
    const second = await save(member, { name: 'Everything overdue', query: { overdue: 'true' } });
    expect((await list(member)).body.items.map((filter: { id: number }) => filter.id)).toEqual([created.body.id, second.body.id]);

    const tasks = await context.request({ url: `/api/v1/tasks?${new URLSearchParams(created.body.query)}`, as: member });
    expect(tasks.body.items.map((task: { id: number }) => task.id)).toEqual([mine.id]);

    expect((await remove(member, created.body.id)).status).toBe(204);
    expect((await list(member)).body.items.map((filter: { id: number }) => filter.id)).toEqual([second.body.id]);
    expect((await remove(member, created.body.id)).status).toBe(404);
  });

  it('keeps filters private: others neither see nor delete them (404)', async () => {
    const { manager, member, owner } = await createProjectTeam(context);
    const created = await save(member, { name: 'Mine', query: {} });
    expect((await list(manager)).body.items).toEqual([]);
    for (const person of [manager, owner]) {
      const response = await remove(person, created.body.id);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
    }
    expect((await list(member)).body.items).toHaveLength(1);
  });

  it('keeps a person’s filters apart per organization', async () => {
    const { member } = await createProjectTeam(context);
    await save(member, { name: 'First company', query: {} });
    const second = await createOrganization(context);
    await insertMembership(
      context.deps.database.db,
      { organizationId: second.id, userId: member.id, role: 'member', capacityMinutes: 2400 },
      context.clock.now(),
    );
    const elsewhere: TestPerson = { ...member, organizationId: second.id, cookie: await startSession(context.deps, member.id, second.id) };
    expect((await list(elsewhere)).body.items).toEqual([]);
    const created = await save(elsewhere, { name: 'Second company', query: {} });
    expect((await remove(member, created.body.id)).status).toBe(404);
  });

  it('refuses parameters the task list does not take, pointing at /query/<key>', async () => {
    const { organization } = await createProjectTeam(context);
    const person = await createPerson(context, organization.id, 'member');
    const unknown = await save(person, { name: 'Odd', query: { assignee: '3', 'a/b': 'x', q: 'logo' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/query/assignee', '/query/a~1b']);
    expect(unknown.body.errors[0].detail).toContain('captainId');

    const cursor = await save(person, { name: 'Page two', query: { cursor: 'abc' } });
    expect(cursor.status).toBe(422);
    expect(cursor.body.errors[0].pointer).toBe('/query/cursor');

    const badValues = await save(person, { name: 'Bad', query: { status: 'finished', limit: '0', sort: 'deadline' } });
    expect(badValues.status).toBe(422);
    expect(badValues.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['/query/limit', '/query/status']);

    const noName = await save(person, { name: ' ', query: {} });
    expect(noName.status).toBe(422);
    expect(noName.body.errors[0].pointer).toBe('/name');
    expect((await list(person)).body.items).toEqual([]);
  });
});
