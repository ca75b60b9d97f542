import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectTeam, createTask, createTeam, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

interface Type {
  id: number;
  key: string;
  name: string;
  color: string;
  billable: boolean;
  active: boolean;
  position: number;
}

describe('activity types', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  async function list(as: TestPerson): Promise<Type[]> {
    const response = await context.request({ url: '/api/v1/activity-types', as });
    expect(response.status).toBe(200);
    return response.body.items;
  }

  async function create(as: TestPerson, body: Record<string, unknown>) {
    return context.request({ method: 'POST', url: '/api/v1/activity-types', as, body });
  }

  it('lists the default activity types to organization members', async () => {
    const { member } = await createTeam(context);
    const types = await context.request({ url: '/api/v1/activity-types', as: member });
    expect(types.body.items.map((type: { key: string }) => type.key)).toEqual([
      'design',
      'development',
      'writing',
      'meeting',
      'support',
      'admin',
    ]);
  });

  it('an admin adds a type; it gets a key from its name and goes to the end of the list', async () => {
    const { admin, member } = await createTeam(context);
    const response = await create(admin, { name: 'Code review', color: '#10B981', billable: false });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      key: 'code-review',
      name: 'Code review',
      color: '#10b981',
      billable: false,
      active: true,
      position: 6,
    });
    const types = await list(member);
    expect(types.map((type) => type.key)).toEqual(['design', 'development', 'writing', 'meeting', 'support', 'admin', 'code-review']);
  });

  it('an owner may add an inactive type, and a new task cannot use it', async () => {
    const { owner, manager, project } = await createProjectTeam(context);
    const response = await create(owner, { name: 'Research', color: '#123456', billable: true, active: false });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ key: 'research', active: false });
    const task = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'Read up', activityType: 'research' },
    });
    expect(task.status).toBe(422);
    expect(task.body.errors[0].pointer).toBe('/activityType');
  });

  it('renames a type but keeps its key, so its tasks still point at it', async () => {
    const { owner, manager, project } = await createProjectTeam(context);
    const design = (await list(owner)).find((type) => type.key === 'design')!;
    const task = await createTask(context, manager, { projectId: project.id, activityType: 'design' });
    const renamed = await context.request({
      method: 'PATCH',
      url: `/api/v1/activity-types/${design.id}`,
      as: owner,
      body: { name: 'UX design', color: '#000000', billable: false },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id: design.id,
      key: 'design',
      name: 'UX design',
      color: '#000000',
      billable: false,
      active: true,
    });
    expect((await context.request({ url: `/api/v1/tasks/${task.id}`, as: manager })).body.activityType).toBe('design');
    // A new type named like the old one gets a key of its own.
    const again = await create(owner, { name: 'Design', color: '#8b5cf6', billable: true });
    expect(again.status).toBe(201);
    expect(again.body.key).toBe('design-2');
  });

  it('a deactivated type stays listed and on its tasks, but new tasks cannot choose it until it is active again', async () => {
    const { admin, manager, project } = await createProjectTeam(context);
    const meeting = (await list(admin)).find((type) => type.key === 'meeting')!;
    const task = await createTask(context, manager, { projectId: project.id, activityType: 'meeting' });
    const off = await context.request({ method: 'PATCH', url: `/api/v1/activity-types/${meeting.id}`, as: admin, body: { active: false } });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const types = await list(manager);
    expect(types.find((type) => type.id === meeting.id)).toMatchObject({ name: 'Meeting', active: false, position: meeting.position });
    expect((await context.request({ url: `/api/v1/tasks/${task.id}`, as: manager })).body.activityType).toBe('meeting');
    const refused = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'Kick-off', activityType: 'meeting' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].pointer).toBe('/activityType');
    await context.request({ method: 'PATCH', url: `/api/v1/activity-types/${meeting.id}`, as: admin, body: { active: true } });
    const allowed = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'Kick-off', activityType: 'meeting' },
    });
    expect(allowed.status).toBe(201);
  });

  it('moves a type up, down and to either end; the others close up', async () => {
    const { owner } = await createTeam(context);
    const byKey = new Map((await list(owner)).map((type) => [type.key, type.id]));
    const move = (key: string, position: number) =>
      context.request({ method: 'PATCH', url: `/api/v1/activity-types/${byKey.get(key)}`, as: owner, body: { position } });
    const moved = await move('meeting', 1);
    expect(moved.status).toBe(200);
    expect(moved.body.position).toBe(1);
    expect((await list(owner)).map((type) => type.key)).toEqual(['design', 'meeting', 'development', 'writing', 'support', 'admin']);
    await move('design', 1);
    expect((await list(owner)).map((type) => type.key)).toEqual(['meeting', 'design', 'development', 'writing', 'support', 'admin']);
    await move('admin', 0);
    await move('meeting', 99);
    const types = await list(owner);
    expect(types.map((type) => type.key)).toEqual(['admin', 'design', 'development', 'writing', 'support', 'meeting']);
    expect(types.map((type) => type.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('refuses a name already used in the organization, whatever its case and even when inactive', async () => {
    const { owner, admin } = await createTeam(context);
    const duplicate = await create(owner, { name: '  DESIGN ', color: '#111111', billable: true });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('activity_type_name_taken');
    expect(duplicate.body.errors[0].pointer).toBe('/name');
    const support = (await list(owner)).find((type) => type.key === 'support')!;
    await context.request({ method: 'PATCH', url: `/api/v1/activity-types/${support.id}`, as: owner, body: { active: false } });
    expect((await create(admin, { name: 'support', color: '#111111', billable: true })).body.code).toBe('activity_type_name_taken');
    const design = (await list(owner)).find((type) => type.key === 'design')!;
    const rename = await context.request({
      method: 'PATCH',
      url: `/api/v1/activity-types/${design.id}`,
      as: owner,
      body: { name: 'Meeting' },
    });
    expect(rename.status).toBe(409);
    expect(rename.body.code).toBe('activity_type_name_taken');
    // Changing only the case of a type's own name is fine.
    const recased = await context.request({
      method: 'PATCH',
      url: `/api/v1/activity-types/${design.id}`,
      as: owner,
      body: { name: 'DESIGN' },
    });
    expect(recased.status).toBe(200);
    expect(recased.body.name).toBe('DESIGN');
    // Another organization may use the same name.
    const other = await createTeam(context);
    expect((await create(other.owner, { name: 'Code review', color: '#111111', billable: true })).status).toBe(201);
    expect((await create(owner, { name: 'Code review', color: '#111111', billable: true })).status).toBe(201);
  });

  it('of two people adding the same name at once, one succeeds and the other is refused', async () => {
    const { owner, admin } = await createTeam(context);
    const responses = await Promise.all([
      create(owner, { name: 'Travel', color: '#111111', billable: false }),
      create(admin, { name: 'travel', color: '#222222', billable: false }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    expect((await list(owner)).filter((type) => type.name.toLowerCase() === 'travel')).toHaveLength(1);
  });

  it('refuses a colour that is not #rrggbb, and an empty name', async () => {
    const { owner } = await createTeam(context);
    for (const color of ['red', '#fff', '#12345g', '']) {
      const response = await create(owner, { name: 'Research', color, billable: true });
      expect(response.status).toBe(422);
      expect(response.body.errors[0].pointer).toBe('/color');
    }
    const design = (await list(owner)).find((type) => type.key === 'design')!;
    const patch = await context.request({
      method: 'PATCH',
      url: `/api/v1/activity-types/${design.id}`,
      as: owner,
      body: { color: 'blue' },
    });
    expect(patch.status).toBe(422);
    expect(patch.body.errors[0].pointer).toBe('/color');
    const unnamed = await create(owner, { name: '   ', color: '#123456', billable: true });
    expect(unnamed.status).toBe(422);
    expect(unnamed.body.errors[0].pointer).toBe('/name');
    expect((await list(owner)).map((type) => type.name)).not.toContain('Research');
  });

  it('answers 403 to managers, members and clients adding or changing types, and changes nothing', async () => {
    const { owner, manager, member, client } = await createTeam(context);
    const design = (await list(owner)).find((type) => type.key === 'design')!;
    for (const person of [manager, member, client]) {
      const created = await create(person, { name: 'Mine', color: '#123456', billable: true });
      expect(created.status).toBe(403);
      const changed = await context.request({
        method: 'PATCH',
        url: `/api/v1/activity-types/${design.id}`,
        as: person,
        body: { active: false },
      });
      expect(changed.status).toBe(403);
    }
    const types = await list(owner);
    expect(types.map((type) => type.name)).not.toContain('Mine');
    expect(types.find((type) => type.id === design.id)!.active).toBe(true);
  });

  it('answers 404 for another organization’s type, and leaves it alone', async () => {
    const a = await createTeam(context);
    const b = await createTeam(context);
    const theirs = (await list(b.owner)).find((type) => type.key === 'design')!;
    const response = await context.request({
      method: 'PATCH',
      url: `/api/v1/activity-types/${theirs.id}`,
      as: a.owner,
      body: { name: 'Hijacked' },
    });
    expect(response.status).toBe(404);
    expect((await list(b.owner)).find((type) => type.id === theirs.id)!.name).toBe('Design');
    expect((await list(a.owner)).map((type) => type.id)).not.toContain(theirs.id);
  });
});
