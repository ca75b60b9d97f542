import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPerson, createProjectTeam, createTask, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('task comments', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  const comment = (as: TestPerson, taskId: number, body: string, headers?: Record<string, string>) =>
    context.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/comments`, as, body: { body }, ...(headers && { headers }) });
  const edit = (as: TestPerson, commentId: number, body: string) =>
    context.request({ method: 'PATCH', url: `/api/v1/comments/${commentId}`, as, body: { body } });
  const remove = (as: TestPerson, commentId: number) => context.request({ method: 'DELETE', url: `/api/v1/comments/${commentId}`, as });
  const list = (as: TestPerson, taskId: number) => context.request({ url: `/api/v1/tasks/${taskId}/comments`, as });
  const history = async (as: TestPerson, taskId: number) =>
    (await context.request({ url: `/api/v1/tasks/${taskId}/history`, as })).body.items as {
      kind: string;
      actorId: number;
      data: Record<string, unknown>;
    }[];
  const addToProject = (manager: TestPerson, projectId: number, person: TestPerson) =>
    context.request({ method: 'PUT', url: `/api/v1/projects/${projectId}/members/${person.id}`, as: manager, body: { role: 'member' } });

  it('adds, lists oldest first, edits and deletes comments, recording each in the task history', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });

    const first = await comment(member, task.id, '**Draft** is in the shared folder.');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      taskId: task.id,
      authorId: member.id,
      authorName: member.name,
      body: '**Draft** is in the shared folder.',
      mentionedUserIds: [],
      editedAt: null,
    });
    context.clock.advance(60_000);
    const second = await comment(manager, task.id, 'Thanks, reviewing today.');
    expect((await list(member, task.id)).body.items.map((item: { id: number }) => item.id)).toEqual([first.body.id, second.body.id]);

    context.clock.advance(60_000);
    const edited = await edit(member, first.body.id, '**Draft v2** is in the shared folder.');
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe('**Draft v2** is in the shared folder.');
    expect(edited.body.editedAt).not.toBeNull();
    expect(edited.body.createdAt).toBe(first.body.createdAt);

    expect((await remove(manager, second.body.id)).status).toBe(204);
    expect((await list(member, task.id)).body.items.map((item: { id: number }) => item.id)).toEqual([first.body.id]);

    const events = (await history(member, task.id)).filter((event) => event.kind.startsWith('comment_'));
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'comment_added',
        actorId: member.id,
        data: { commentId: first.body.id, excerpt: '**Draft** is in the shared folder.' },
      }),
      expect.objectContaining({
        kind: 'comment_added',
        actorId: manager.id,
        data: { commentId: second.body.id, excerpt: 'Thanks, reviewing today.' },
      }),
      expect.objectContaining({
        kind: 'comment_edited',
        actorId: member.id,
        data: { commentId: first.body.id, excerpt: '**Draft v2** is in the shared folder.' },
      }),
      expect.objectContaining({ kind: 'comment_deleted', actorId: manager.id, data: { commentId: second.body.id } }),
    ]);
  });

  it('keeps a short one-line excerpt of long comments in the history', async () => {
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    await comment(manager, task.id, `First line\n\n${'word '.repeat(100)}`);
    const added = (await history(manager, task.id)).find((event) => event.kind === 'comment_added')!;
    const excerpt = added.data.excerpt as string;
    expect(excerpt.startsWith('First line word word')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(140);
  });

  it('resolves @Full Name (longest match, any case) and @email mentions among project members only', async () => {
    const { manager, member, project, outsider, organization } = await createProjectTeam(context);
    const ann = await createPerson(context, organization.id, 'member', { name: 'Ann', email: 'ann@example.com' });
    const annLee = await createPerson(context, organization.id, 'member', { name: 'Ann Lee', email: 'ann.lee@example.com' });
    const ayse = await createPerson(context, organization.id, 'member', { name: 'Ayşe Yılmaz' });
    const byEmail = await createPerson(context, organization.id, 'member', { name: 'Bo Chen', email: 'bo.chen@example.com' });
    for (const person of [ann, annLee, ayse, byEmail]) expect((await addToProject(manager, project.id, person)).status).toBe(200);
    const task = await createTask(context, manager, { projectId: project.id });

    const created = await comment(
      member,
      task.id,
      [
        '@ann lee please check the copy, then @ayşe yılmaz the layout.',
        `Ping @bo.chen@example.com, and @${outsider.name} (not on the project).`,
        'Code stays code: `@Ann` and',
        '```',
        '@Ann',
        '```',
        'Mail ann@example.com is not a mention; @Annabel is nobody; @Ann Leeway is Ann.',
      ].join('\n'),
    );
    expect(created.status).toBe(201);
    expect(created.body.mentionedUserIds).toEqual([annLee.id, ayse.id, byEmail.id, ann.id]);

    const edited = await edit(member, created.body.id, 'Only @Ann. now, and @ANN again');
    expect(edited.body.mentionedUserIds).toEqual([ann.id]);
    expect((await list(manager, task.id)).body.items[0].mentionedUserIds).toEqual([ann.id]);
  });

  it('lets an organization admin outside the project comment, since they see every task', async () => {
    const { manager, admin, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    const response = await comment(admin, task.id, 'Budget approved.');
    expect(response.status).toBe(201);
  });

  it('answers 404 to people who cannot see the task, whatever they try', async () => {
    const { manager, project, outsider, client } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    const created = await comment(manager, task.id, 'Internal note');
    for (const person of [outsider, client]) {
      expect((await list(person, task.id)).status).toBe(404);
      expect((await comment(person, task.id, 'Hello')).status).toBe(404);
      expect((await edit(person, created.body.id, 'Changed')).status).toBe(404);
      expect((await remove(person, created.body.id)).status).toBe(404);
    }
    const other = await createProjectTeam(context);
    expect((await edit(other.owner, created.body.id, 'Changed')).status).toBe(404);
    expect((await list(manager, task.id)).body.items[0].body).toBe('Internal note');
  });

  it('answers 403 when anyone but the author edits or deletes a comment, managers and owners included', async () => {
    const { manager, member, owner, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    const created = await comment(member, task.id, 'My words');
    for (const person of [manager, owner]) {
      const change = await edit(person, created.body.id, 'Their words');
      expect(change.status).toBe(403);
      expect(change.body.code).toBe('forbidden');
      expect((await remove(person, created.body.id)).status).toBe(403);
    }
    expect((await list(member, task.id)).body.items[0].body).toBe('My words');
  });

  it('makes comments of closed tasks read-only with 409 task_closed, still listing them', async () => {
    const { manager, member, project } = await createProjectTeam(context, { reviewRequired: false });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    const created = await comment(member, task.id, 'Before closing');
    await context.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/status`, as: member, body: { status: 'in_progress' } });
    expect(
      (await context.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/status`, as: member, body: { status: 'done' } })).status,
    ).toBe(200);

    for (const response of [
      await comment(member, task.id, 'After closing'),
      await edit(member, created.body.id, 'Changed'),
      await remove(member, created.body.id),
    ]) {
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('task_closed');
    }
    expect((await list(member, task.id)).body.items.map((item: { body: string }) => item.body)).toEqual(['Before closing']);
  });

  it('finds a task by a word only its comments contain, with a highlight, until the comment goes', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, title: 'Homepage hero', description: 'New visual' });
    await createTask(context, manager, { projectId: project.id, title: 'Footer links' });
    const search = (q: string) => context.request({ url: `/api/v1/tasks?q=${encodeURIComponent(q)}`, as: member });
    expect((await search('zanzibar')).body.items).toEqual([]);

    const created = await comment(member, task.id, 'The client wants the Zanzibar photo instead.');
    const found = await search('zanzibar');
    expect(found.body.items.map((item: { id: number }) => item.id)).toEqual([task.id]);
    expect(found.body.items[0].highlight).toContain('«Zanzibar»');

    await edit(member, created.body.id, 'The client wants the Lisbon photo instead.');
    expect((await search('zanzibar')).body.items).toEqual([]);
    expect((await search('lisbon')).body.items.map((item: { id: number }) => item.id)).toEqual([task.id]);
    await remove(member, created.body.id);
    expect((await search('lisbon')).body.items).toEqual([]);
    expect((await search('hero')).body.items.map((item: { id: number }) => item.id)).toEqual([task.id]);
  });

  it('creates a comment once per Idempotency-Key', async () => {
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    const first = await comment(manager, task.id, 'Only once', { 'idempotency-key': 'comment-1' });
    const retry = await comment(manager, task.id, 'Only once', { 'idempotency-key': 'comment-1' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect((await list(manager, task.id)).body.items).toHaveLength(1);
  });

  it('refuses an empty comment with 422 pointing at /body', async () => {
    const { manager, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id });
    const response = await comment(manager, task.id, '   ');
    expect(response.status).toBe(422);
    expect(response.body.errors[0].pointer).toBe('/body');
    expect((await edit(manager, 999_999, 'x')).status).toBe(404);
  });
});
