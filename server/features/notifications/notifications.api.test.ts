import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectTeam, createTask, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { backoffMs } from '../../jobs/queue.js';
import { scheduleDailyWork } from '../../jobs/scheduler.js';

describe('notifications', () => {
  let context: TestContext;
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
    context = await createTestContext({ config: { smtpUrl: smtp.url } });
  });
  afterEach(async () => {
    await context.close();
    await smtp.stop();
  });

  const inbox = async (person: TestPerson) => (await context.request({ url: '/api/v1/notifications', as: person })).body;
  const status = (as: TestPerson, id: number, body: Record<string, unknown>) =>
    context.request({ method: 'POST', url: `/api/v1/tasks/${id}/status`, as, body });

  it('tells a named captain in the app and by email, in their language, with a link; never the actor', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    await context.request({ method: 'PATCH', url: '/api/v1/me', as: member, body: { locale: 'tr' } });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, title: 'Teklif hazırlığı' });
    await context.jobs.runDue();

    const memberInbox = await inbox(member);
    expect(memberInbox.unreadCount).toBe(1);
    expect(memberInbox.items[0]).toMatchObject({
      kind: 'assigned',
      taskId: task.id,
      taskReference: task.reference,
      actorName: manager.name,
      data: { role: 'captain' },
    });
    expect((await inbox(manager)).items).toEqual([]);

    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.to).toEqual([member.email]);
    expect(mail.subject).toBe(`${task.reference}: kaptan sizsiniz`);
    expect(mail.text).toContain(`http://spine.test/tasks/${task.id}`);
    expect(mail.text).toContain('Teklif hazırlığı');
    expect(mail.html).toContain(`href="http://spine.test/tasks/${task.id}"`);
  });

  it('follows the review loop: reviewers on submit, the captain on the decision with feedback', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, task.id, { status: 'in_progress' });
    await status(member, task.id, { status: 'review' });
    await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/review`,
      as: manager,
      body: { decision: 'request_changes', feedback: 'Logo is too small' },
    });
    await context.jobs.runDue();

    expect((await inbox(manager)).items.map((item: { kind: string }) => item.kind)).toEqual(['review_requested']);
    const memberKinds = (await inbox(member)).items.map((item: { kind: string; data: { feedback?: string } }) => [
      item.kind,
      item.data.feedback,
    ]);
    expect(memberKinds).toEqual([
      ['reviewed', 'Logo is too small'],
      ['assigned', undefined],
    ]);
    const feedbackMail = smtp.messages.find((mail) => mail.subject.includes('changes requested'))!;
    expect(feedbackMail.to).toEqual([member.email]);
    expect(feedbackMail.text).toContain('Logo is too small');
  });

  it('tells the managers and the person waited on when work stops', async () => {
    const { manager, member, project, owner } = await createProjectTeam(context);
    await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${project.id}/members/${owner.id}`,
      as: manager,
      body: { role: 'member' },
    });
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2030-01-01' });
    await status(member, task.id, { status: 'in_progress' });
    await status(member, task.id, { status: 'waiting', reason: 'Needs the signed contract', waitingOn: { userId: owner.id } });
    await context.jobs.runDue();
    expect((await inbox(manager)).items[0]).toMatchObject({ kind: 'waiting', data: { reason: 'Needs the signed contract' } });
    expect((await inbox(owner)).items[0]).toMatchObject({ kind: 'waiting', data: { onYou: true } });
    expect((await inbox(member)).items.map((item: { kind: string }) => item.kind)).toEqual(['assigned']);
  });

  it('tells mentioned people and the task’s people about comments, except the author', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const task = await createTask(context, manager, { projectId: project.id, captainId: member.id });
    await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/comments`,
      as: member,
      body: { body: `Question for @${manager.name}: which size?` },
    });
    await context.jobs.runDue();
    expect((await inbox(manager)).items[0]).toMatchObject({ kind: 'mentioned' });
    expect((await inbox(member)).items.map((item: { kind: string }) => item.kind)).toEqual(['assigned']);
  });

  it('marks one or all read', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    await createTask(context, manager, { projectId: project.id, captainId: member.id });
    await createTask(context, manager, { projectId: project.id, captainId: member.id });
    await context.jobs.runDue();
    const [first] = (await inbox(member)).items;
    expect((await context.request({ method: 'POST', url: `/api/v1/notifications/${first.id}/read`, as: member })).status).toBe(204);
    expect((await inbox(member)).unreadCount).toBe(1);
    expect((await context.request({ method: 'POST', url: `/api/v1/notifications/${first.id}/read`, as: manager })).status).toBe(404);
    await context.request({ method: 'POST', url: '/api/v1/notifications/read-all', as: member });
    expect((await inbox(member)).unreadCount).toBe(0);
  });

  it('respects each person’s channels: in-app only, no email', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    const settings = (await context.request({ url: '/api/v1/me/notification-settings', as: member })).body;
    settings.kinds.assigned = { inApp: true, email: false, digestOnly: false };
    expect((await context.request({ method: 'PUT', url: '/api/v1/me/notification-settings', as: member, body: settings })).status).toBe(
      200,
    );
    await createTask(context, manager, { projectId: project.id, captainId: member.id });
    await context.jobs.runDue();
    expect((await inbox(member)).items).toHaveLength(1);
    expect(smtp.messages).toEqual([]);
  });

  it('sends nothing for a change that rolled back', async () => {
    const { manager, project, outsider } = await createProjectTeam(context);
    const refused = await context.request({
      method: 'POST',
      url: '/api/v1/tasks',
      as: manager,
      body: { projectId: project.id, title: 'For an outsider', captainId: outsider.id },
    });
    expect(refused.status).toBe(422);
    await context.jobs.runDue();
    expect((await inbox(outsider)).items).toEqual([]);
    expect(smtp.messages).toEqual([]);
  });

  it('delivers every email exactly once after the SMTP server was down', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    smtp.refuse(true);
    await createTask(context, manager, { projectId: project.id, captainId: member.id, title: 'First while down' });
    await createTask(context, manager, { projectId: project.id, captainId: member.id, title: 'Second while down' });
    await context.jobs.runDue();
    expect(smtp.messages).toEqual([]);
    smtp.refuse(false);
    await context.jobs.runDue();
    expect(smtp.messages).toEqual([]); // not due yet: backing off
    context.clock.advance(backoffMs(1) + 1000);
    await context.jobs.runDue();
    expect(smtp.messages.map((mail) => mail.text.includes('First while down') || mail.text.includes('Second while down'))).toEqual([
      true,
      true,
    ]);
    context.clock.advance(3600_000);
    await context.jobs.runDue();
    expect(smtp.messages).toHaveLength(2);
  });

  it('emails the invitation link when a person is invited', async () => {
    const { owner } = await createProjectTeam(context);
    const created = await context.request({
      method: 'POST',
      url: '/api/v1/users',
      as: owner,
      body: { name: 'Nadia', email: 'nadia@example.com', role: 'member' },
    });
    await context.jobs.runDue();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toEqual(['nadia@example.com']);
    expect(smtp.messages[0]!.text).toContain(created.body.invitation.url);
  });

  it('queues the daily digest and deadline reminders once per organization and day', async () => {
    const { manager, member, project } = await createProjectTeam(context);
    await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2020-01-01', title: 'Long overdue' });
    await context.jobs.runDue();
    smtp.messages.length = 0;
    // 08:00 UTC: after the 07:30 digest time of a UTC organization.
    const now = context.clock.now();
    const eight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 8, 0));
    context.clock.advance(eight.getTime() - now.getTime());
    const queuedBefore = await scheduleDailyWork(context.deps);
    expect(queuedBefore).toBeGreaterThan(0);
    expect(await scheduleDailyWork(context.deps)).toBe(0);
    await context.jobs.runDue();
    expect((await inbox(member)).items[0]).toMatchObject({ kind: 'overdue' });
    const digest = smtp.messages.find((mail) => mail.to.includes(member.email) && mail.subject.startsWith('Your day in Spine'));
    expect(digest?.text).toContain('Long overdue');
    expect(digest?.text).toContain('Your overdue tasks');
    const managerDigest = smtp.messages.find((mail) => mail.to.includes(manager.email) && mail.subject.startsWith('Your day in Spine'));
    expect(managerDigest?.text).toContain('Overdue in your projects');
  });

  it('sends the digest at the organization’s own digest time', async () => {
    const { owner } = await createProjectTeam(context);
    const changed = await context.request({ method: 'PATCH', url: '/api/v1/organization', as: owner, body: { digestTime: '09:45' } });
    expect(changed.body.digestTime).toBe('09:45');
    const now = context.clock.now();
    const nineThirty = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 9, 30));
    context.clock.advance(nineThirty.getTime() - now.getTime());
    expect(await scheduleDailyWork(context.deps)).toBe(0);
    context.clock.advance(20 * 60_000);
    expect(await scheduleDailyWork(context.deps)).toBe(2);
  });
});
