import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProject, createProjectTeam, createTask } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('milestones', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  it('milestones show progress as closed tasks over all tasks', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const milestone = await context.request({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/milestones`,
      as: manager,
      body: { title: 'Design sign-off', dueDate: '2030-02-01', deliverables: 'Homepage and two inner pages' },
    });
    expect(milestone.status).toBe(201);
    expect(milestone.body.progress).toEqual({ closed: 0, total: 0 });
    const first = await createTask(context, manager, {
      projectId: project.id,
      captainId: member.id,
      deadline: '2030-01-10',
      milestoneId: milestone.body.id,
    });
    await createTask(context, manager, { projectId: project.id, milestoneId: milestone.body.id });
    await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${first.id}/status`,
      as: manager,
      body: { status: 'cancelled', reason: 'Merged into the other task' },
    });
    const list = await context.request({ url: `/api/v1/projects/${project.id}/milestones`, as: member });
    expect(list.body.items[0]).toMatchObject({ title: 'Design sign-off', progress: { closed: 1, total: 2 } });
    expect(
      (await context.request({ method: 'PATCH', url: `/api/v1/milestones/${milestone.body.id}`, as: member, body: { title: 'x' } })).status,
    ).toBe(403);
    const renamed = await context.request({
      method: 'PATCH',
      url: `/api/v1/milestones/${milestone.body.id}`,
      as: manager,
      body: { title: 'Design approved' },
    });
    expect(renamed.body.title).toBe('Design approved');
  });

  it('a task’s milestone must belong to its project', async () => {
    const { manager, project } = await createProjectTeam(context);
    const other = await createProject(context, manager, []);
    const foreign = await context.request({
      method: 'POST',
      url: `/api/v1/projects/${other.id}/milestones`,
      as: manager,
      body: { title: 'Elsewhere' },
    });
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'Wrong milestone', milestoneId: foreign.body.id },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].pointer).toBe('/milestoneId');
  });
});
