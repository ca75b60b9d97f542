import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/time.js';
import { createProjectTeam, createTask, type TestPerson } from '../test/factories.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import { startSmtp, type TestSmtp } from '../test/smtp.js';
import { checkDeadlinesJob } from './check-deadlines.job.js';
import { dailyDigestJob } from './daily-digest.job.js';
import { notifyTimesheetJob, queueTimesheetNotice } from './notify-timesheet.job.js';
import { notifyJob } from './notify.job.js';
import { sendEmailJob } from './send-email.job.js';

describe('background jobs', () => {
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
  /** The payloads of the queued jobs of one type, oldest first. */
  const queued = async (type: string) =>
    (await context.deps.database.db.selectFrom('jobs').select('payload').where('type', '=', type).orderBy('id').execute()).map((row) =>
      JSON.parse(row.payload),
    );

  describe('failed jobs', () => {
    /** A team whose captain's assignment email the SMTP server refuses through every attempt. */
    async function failAnEmail() {
      const team = await createProjectTeam(context);
      smtp.refuse(true);
      await createTask(context, team.manager, { projectId: team.project.id, captainId: team.member.id });
      for (let attempt = 0; attempt < 12; attempt += 1) {
        await context.jobs.runDue();
        context.clock.advance(3600_000);
      }
      return team;
    }

    it('keeps permanently failing jobs visible to admins, who can retry them', async () => {
      const { manager, owner } = await failAnEmail();
      const failed = await context.request({ url: '/api/v1/admin/failed-jobs', as: owner });
      expect(failed.body.items).toHaveLength(1);
      expect(failed.body.items[0]).toMatchObject({ type: 'send-email', attempts: 10 });
      expect((await context.request({ url: '/api/v1/admin/failed-jobs', as: manager })).status).toBe(403);
      smtp.refuse(false);
      expect(
        (await context.request({ method: 'POST', url: `/api/v1/admin/failed-jobs/${failed.body.items[0].id}/retry`, as: owner })).status,
      ).toBe(204);
      await context.jobs.runDue();
      expect(smtp.messages).toHaveLength(1);
    });

    it('gives each job type its own number of attempts', async () => {
      await failAnEmail();
      const attempts = await context.deps.database.db.selectFrom('jobs').select(['type', 'max_attempts']).orderBy('id').execute();
      const byType = Object.fromEntries(attempts.map((row) => [row.type, row.max_attempts]));
      expect(byType).toMatchObject({ notify: notifyJob.maxAttempts, 'send-email': sendEmailJob.maxAttempts });
      expect(notifyJob.maxAttempts).toBe(5);
    });

    it('answers 404 to retrying a job that has not failed, or another organization’s, and 403 to managers', async () => {
      const { manager, owner } = await failAnEmail();
      const [failed] = (await context.request({ url: '/api/v1/admin/failed-jobs', as: owner })).body.items;
      const retry = (as: TestPerson, id: number) => context.request({ method: 'POST', url: `/api/v1/admin/failed-jobs/${id}/retry`, as });
      expect((await retry(manager, failed.id)).status).toBe(403);
      expect((await retry(owner, failed.id - 1)).status).toBe(404);
      const other = await createProjectTeam(context);
      expect((await retry(other.owner, failed.id)).status).toBe(404);
      expect((await context.request({ url: '/api/v1/admin/failed-jobs', as: owner })).body.items).toHaveLength(1);
    });
  });

  describe('each handler alone', () => {
    it('send-email sends its payload as one email carrying the message id', async () => {
      const payload = { to: 'ada@example.com', subject: 'Hello', text: 'Plain words', html: '<p>Plain words</p>', messageId: 'm1.abc' };
      await sendEmailJob.handle(context.deps, payload, context.deps.database.db);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.messages[0]).toMatchObject({ to: ['ada@example.com'], subject: 'Hello' });
      expect(smtp.messages[0]!.text).toContain('Plain words');
      expect(smtp.messages[0]!.messageId).toContain('m1.abc');
    });

    it('notify tells the captain in the app and queues their email; the actor hears nothing', async () => {
      const { manager, member, project } = await createProjectTeam(context);
      const task = await createTask(context, manager, { projectId: project.id, title: 'Draft the brief' });
      const notice = { type: 'assigned' as const, captainId: member.id, addedCollaboratorIds: [] };
      await notifyJob.handle(
        context.deps,
        { organizationId: member.organizationId, taskId: task.id, actorId: manager.id, notice },
        context.deps.database.db,
      );
      expect((await inbox(member)).items).toMatchObject([{ kind: 'assigned', taskId: task.id }]);
      expect((await inbox(manager)).items).toEqual([]);
      expect((await queued('send-email')).map((email) => email.to)).toEqual([member.email]);
    });

    it('notify-timesheet tells the person of the decision on their week; nobody is queued for their own', async () => {
      const { manager, member } = await createProjectTeam(context);
      const now = context.clock.now();
      const decision = { organizationId: member.organizationId, kind: 'timesheet_returned' as const, weekStart: '2030-01-07' };
      expect(
        await queueTimesheetNotice(context.deps.database.db, now, { ...decision, userId: manager.id, actorId: manager.id, comment: null }),
      ).toBe(false);
      expect(await queued('notify-timesheet')).toEqual([]);
      await notifyTimesheetJob.handle(
        context.deps,
        { ...decision, userId: member.id, actorId: manager.id, comment: 'Add Friday' },
        context.deps.database.db,
      );
      expect((await inbox(member)).items).toMatchObject([
        { kind: 'timesheet_returned', data: { weekStart: '2030-01-07', comment: 'Add Friday' } },
      ]);
      expect((await queued('send-email')).map((email) => email.to)).toEqual([member.email]);
    });

    it('daily-digest queues one digest email for each person with something in it, once per day', async () => {
      const { owner, admin, manager, member, project } = await createProjectTeam(context);
      await createTask(context, manager, { projectId: project.id, captainId: member.id, deadline: '2020-01-01', title: 'Long overdue' });
      const payload = { organizationId: member.organizationId, date: '2030-01-02' };
      await dailyDigestJob.handle(context.deps, payload, context.deps.database.db);
      await dailyDigestJob.handle(context.deps, payload, context.deps.database.db);
      const digests = (await queued('send-email')).filter((email) => email.subject.startsWith('Your day in Spine'));
      expect(digests.map((email) => email.to).sort()).toEqual([owner.email, admin.email, manager.email, member.email].sort());
      expect(digests.find((email) => email.to === member.email).text).toContain('Long overdue');
    });

    it('check-deadlines tells captains of overdue tasks and of those due tomorrow, not of closed or later ones', async () => {
      const { manager, member, project } = await createProjectTeam(context);
      const today = context.clock.now().toISOString().slice(0, 10);
      const task = (deadline: string) => createTask(context, manager, { projectId: project.id, captainId: member.id, deadline });
      const overdue = await task('2020-01-01');
      const soon = await task(addDays(today, 1));
      await task(addDays(today, 2));
      const cancelled = await task('2020-01-01');
      await context.request({
        method: 'POST',
        url: `/api/v1/tasks/${cancelled.id}/status`,
        as: manager,
        body: { status: 'cancelled', reason: 'No longer needed' },
      });
      await checkDeadlinesJob.handle(context.deps, { organizationId: member.organizationId, date: today }, context.deps.database.db);
      const told = (await inbox(member)).items.map((item: { taskId: number; kind: string }) => `${item.taskId} ${item.kind}`);
      expect(told.sort()).toEqual([`${overdue.id} overdue`, `${soon.id} deadline_soon`].sort());
    });
  });
});
