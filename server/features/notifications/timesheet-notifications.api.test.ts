import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectTeam, createTask, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { decideWeek, logTimeOk, setNow, submitWeek, THIS_WEEK, TODAY } from '../time/time.fixtures.js';

describe('timesheet decision notifications', () => {
  let context: TestContext;
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
    context = await createTestContext({ config: { smtpUrl: smtp.url } });
    setNow(context, `${TODAY}T12:00:00Z`);
  });
  afterEach(async () => {
    await context.close();
    await smtp.stop();
  });

  const inbox = async (person: TestPerson) => (await context.request({ url: '/api/v1/notifications', as: person })).body;

  async function submittedWeek() {
    const team = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, team.manager, { projectId: team.project.id });
    await logTimeOk(context, team.member, { taskId, duration: '2h' });
    expect((await submitWeek(context, team.member)).status).toBe(200);
    await context.jobs.runDue();
    smtp.messages.length = 0;
    return team;
  }

  it('tells the person their week was returned, with the comment, in the app and by email in their language', async () => {
    const { manager, member } = await submittedWeek();
    await context.request({ method: 'PATCH', url: '/api/v1/me', as: member, body: { locale: 'tr' } });
    const before = await inbox(member);

    expect(
      (await decideWeek(context, manager, { userId: member.id, decision: 'reject', comment: 'Split the workshop from the review.' }))
        .status,
    ).toBe(200);
    await context.jobs.runDue();

    const after = await inbox(member);
    expect(after.unreadCount).toBe(before.unreadCount + 1);
    const returned = after.items.filter((item: { kind: string }) => item.kind === 'timesheet_returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({
      kind: 'timesheet_returned',
      taskId: null,
      actorId: manager.id,
      actorName: manager.name,
      readAt: null,
      data: { weekStart: THIS_WEEK, comment: 'Split the workshop from the review.' },
    });
    expect((await inbox(manager)).items.some((item: { kind: string }) => item.kind.startsWith('timesheet_'))).toBe(false);

    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0]!;
    expect(mail.to).toEqual([member.email]);
    expect(mail.subject).toContain('geri gönderildi');
    expect(mail.text).toContain(manager.name);
    expect(mail.text).toContain('Split the workshop from the review.');
    expect(mail.text).toContain(`http://spine.test/time?week=${THIS_WEEK}`);
    expect(mail.html).toContain(`href="http://spine.test/time?week=${THIS_WEEK}"`);
  });

  it('tells the person their week was approved', async () => {
    const { manager, member } = await submittedWeek();
    expect((await decideWeek(context, manager, { userId: member.id, decision: 'approve', comment: 'Thanks' })).status).toBe(200);
    await context.jobs.runDue();

    const approved = (await inbox(member)).items.filter((item: { kind: string }) => item.kind.startsWith('timesheet_'));
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({
      kind: 'timesheet_approved',
      taskId: null,
      actorName: manager.name,
      data: { weekStart: THIS_WEEK, comment: 'Thanks' },
    });
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toEqual([member.email]);
    expect(smtp.messages[0]!.subject).toMatch(/^Your week of Mar 1\s*–\s*7, 2027 was approved$/);
    expect(smtp.messages[0]!.text).toContain(`http://spine.test/time?week=${THIS_WEEK}`);
  });

  it('honours the person’s settings for the kind: no email when they turned it off, nothing when both are off', async () => {
    const { manager, member } = await submittedWeek();
    const settings = (await context.request({ url: '/api/v1/me/notification-settings', as: member })).body;
    const saved = await context.request({
      method: 'PUT',
      url: '/api/v1/me/notification-settings',
      as: member,
      body: {
        ...settings,
        kinds: {
          ...settings.kinds,
          timesheet_returned: { inApp: true, email: false, digestOnly: false },
          timesheet_approved: { inApp: false, email: false, digestOnly: false },
        },
      },
    });
    expect(saved.status).toBe(200);

    await decideWeek(context, manager, { userId: member.id, decision: 'reject', comment: 'Fix Tuesday' });
    await context.jobs.runDue();
    expect((await inbox(member)).items.filter((item: { kind: string }) => item.kind === 'timesheet_returned')).toHaveLength(1);
    expect(smtp.messages).toHaveLength(0);

    await submitWeek(context, member);
    await decideWeek(context, manager, { userId: member.id, decision: 'approve' });
    await context.jobs.runDue();
    expect((await inbox(member)).items.filter((item: { kind: string }) => item.kind === 'timesheet_approved')).toHaveLength(0);
    expect(smtp.messages).toHaveLength(0);
  });

  it('tells nobody of their own decision: an admin deciding their own week', async () => {
    const { admin, manager, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    await logTimeOk(context, admin, { taskId });
    await submitWeek(context, admin);
    await context.jobs.runDue();
    smtp.messages.length = 0;
    const before = await inbox(admin);

    expect((await decideWeek(context, admin, { userId: admin.id, decision: 'approve' })).body.status).toBe('approved');
    await context.jobs.runDue();

    const after = await inbox(admin);
    expect(after.unreadCount).toBe(before.unreadCount);
    expect(after.items.some((item: { kind: string }) => item.kind.startsWith('timesheet_'))).toBe(false);
    expect(smtp.messages).toHaveLength(0);
  });
});
