import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, createProject, createProjectTeam, createTask, type TestPerson } from '../../test/factories.js';
import { createTestContext, type TestContext, testEngine } from '../../test/harness.js';
import { activityTypeId, createClient, recordTime, recordTimeInBulk } from '../../test/time-factories.js';
import type { TimeScope } from '../time/time-scope.js';
import { reportStatements } from './reports.repository.js';

/**
 * November 2026 starts on a Sunday: 21 working days (Monday to Friday), so a 40-hour week (2,400
 * minutes, the factories' capacity) gives 480 minutes a working day and 10,080 over the month.
 * 2026 has 261 working days: 125,280 minutes a person.
 */
const MONTH_CAPACITY = 21 * 480;
const YEAR_CAPACITY = 261 * 480;

describe('time reports', () => {
  let context: TestContext;
  let team: Awaited<ReturnType<typeof createProjectTeam>>;
  let otherManager: TestPerson;
  let idle: TestPerson;
  let projectB: { id: number; key: string };
  let client: { id: number; name: string };
  let taskA1: { id: number; reference: string };
  let taskA2: { id: number; reference: string };
  let taskB1: { id: number; reference: string };
  const activity: Record<string, number> = {};

  beforeAll(async () => {
    context = await createTestContext();
    team = await createProjectTeam(context);
    const { organization, owner, manager, member } = team;
    otherManager = await createPerson(context, organization.id, 'manager', { name: 'Zeynep Manager' });
    idle = await createPerson(context, organization.id, 'member', { name: 'Idle Person' });
    projectB = await createProject(context, owner, [
      { userId: otherManager.id, role: 'manager' },
      { userId: member.id, role: 'member' },
    ]);
    client = await createClient(context, owner, 'Müşteri Ltd');
    const patched = await context.request({
      method: 'PATCH',
      url: `/api/v1/projects/${team.project.id}`,
      as: owner,
      body: { clientId: client.id },
    });
    expect(patched.status).toBe(200);
    taskA1 = await createTask(context, manager, { projectId: team.project.id, title: 'Landing page', estimateMinutes: 600 });
    taskA2 = await createTask(context, manager, { projectId: team.project.id, title: 'Kick-off' });
    taskB1 = await createTask(context, otherManager, { projectId: projectB.id, title: 'API' });
    for (const key of ['design', 'development', 'writing', 'meeting', 'admin'])
      activity[key] = await activityTypeId(context, organization.id, key);

    const record = (person: TestPerson, taskId: number, date: string, minutes: number, key: string | null, billable: boolean) =>
      recordTime(context, person, { taskId, date, minutes, activityTypeId: key ? activity[key]! : null, billable });
    // The member's November: a Monday with two entries, a Saturday, an entry without activity, the last day.
    await record(member, taskA1.id, '2026-11-02', 120, 'design', true);
    await record(member, taskA2.id, '2026-11-02', 60, 'meeting', false);
    await record(member, taskB1.id, '2026-11-03', 90, 'development', true);
    await record(member, taskA1.id, '2026-11-07', 30, 'design', true);
    await record(member, taskA1.id, '2026-11-10', 45, null, true);
    await record(member, taskB1.id, '2026-11-30', 15, 'admin', false);
    // Just outside the month.
    await record(member, taskA1.id, '2026-10-31', 25, 'design', true);
    await record(member, taskA1.id, '2026-12-01', 35, 'design', true);
    // Others.
    await record(manager, taskA1.id, '2026-11-02', 240, 'development', true);
    await record(otherManager, taskB1.id, '2026-11-04', 100, 'development', true);
    // Earlier in the year on project A, and before the year (counts in the task's tracked total only).
    await record(member, taskA2.id, '2026-03-16', 300, 'writing', true);
    await record(manager, taskA1.id, '2025-12-31', 60, 'design', true);
  });
  afterAll(() => context.close());

  const report = (as: TestPerson, query: string) => context.request({ url: `/api/v1/reports/time?${query}`, as });
  const NOVEMBER = 'from=2026-11-01&to=2026-11-30';

  it('reports a person’s month: totals, billable split, activities, projects and every day with capacity', async () => {
    const response = await report(team.owner, `${NOVEMBER}&userIds=${team.member.id}`);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
      totalMinutes: 360,
      billableMinutes: 285,
      entryCount: 6,
      capacityMinutes: MONTH_CAPACITY,
    });
    expect(body.byActivity).toEqual([
      { activityTypeId: activity.design, name: 'Design', color: '#8b5cf6', minutes: 150, billableMinutes: 150 },
      { activityTypeId: activity.development, name: 'Development', color: '#2563eb', minutes: 90, billableMinutes: 90 },
      { activityTypeId: activity.meeting, name: 'Meeting', color: '#d97706', minutes: 60, billableMinutes: 0 },
      { activityTypeId: null, name: null, color: null, minutes: 45, billableMinutes: 45 },
      { activityTypeId: activity.admin, name: 'Admin', color: '#64748b', minutes: 15, billableMinutes: 0 },
    ]);
    expect(body.byProject).toEqual([
      {
        projectId: team.project.id,
        key: team.project.key,
        name: expect.any(String),
        clientId: client.id,
        clientName: 'Müşteri Ltd',
        minutes: 255,
        billableMinutes: 195,
      },
      {
        projectId: projectB.id,
        key: projectB.key,
        name: expect.any(String),
        clientId: null,
        clientName: null,
        minutes: 105,
        billableMinutes: 90,
      },
    ]);
    expect(body.byPerson).toEqual([
      { userId: team.member.id, name: team.member.name, capacityMinutes: MONTH_CAPACITY, minutes: 360, billableMinutes: 285 },
    ]);

    expect(body.byDay).toHaveLength(30);
    expect(body.byDay.map((day: { date: string }) => day.date)).toEqual(
      Array.from({ length: 30 }, (_, index) => `2026-11-${String(index + 1).padStart(2, '0')}`),
    );
    const day = (date: string) => body.byDay.find((entry: { date: string }) => entry.date === date);
    expect(day('2026-11-01')).toEqual({ date: '2026-11-01', capacityMinutes: 0, minutes: 0, billableMinutes: 0 }); // Sunday
    expect(day('2026-11-02')).toEqual({ date: '2026-11-02', capacityMinutes: 480, minutes: 180, billableMinutes: 120 });
    expect(day('2026-11-04')).toEqual({ date: '2026-11-04', capacityMinutes: 480, minutes: 0, billableMinutes: 0 }); // a working day without time
    expect(day('2026-11-07')).toEqual({ date: '2026-11-07', capacityMinutes: 0, minutes: 30, billableMinutes: 30 }); // Saturday
    expect(day('2026-11-30')).toEqual({ date: '2026-11-30', capacityMinutes: 480, minutes: 15, billableMinutes: 0 });
    expect(body.byDay.reduce((sum: number, entry: { minutes: number }) => sum + entry.minutes, 0)).toBe(360);

    expect(body.byTask.map((task: { reference: string; minutes: number }) => [task.reference, task.minutes])).toEqual([
      [taskA1.reference, 195],
      [taskB1.reference, 105],
      [taskA2.reference, 60],
    ]);
  });

  it('reports a project’s year: people with their capacity, activities, tasks against estimates and all-time tracked time', async () => {
    const response = await report(team.owner, `from=2026-01-01&to=2026-12-31&projectIds=${team.project.id}`);
    expect(response.status).toBe(200);
    const body = response.body;
    // The member: 255 in November, 25 on 31 October, 35 on 1 December, 300 in March; the manager 240 (not the 60 of 2025).
    expect(body).toMatchObject({ totalMinutes: 255 + 25 + 35 + 300 + 240, entryCount: 8, capacityMinutes: 2 * YEAR_CAPACITY });
    expect(body.byPerson).toEqual([
      { userId: team.member.id, name: team.member.name, capacityMinutes: YEAR_CAPACITY, minutes: 615, billableMinutes: 555 },
      { userId: team.manager.id, name: team.manager.name, capacityMinutes: YEAR_CAPACITY, minutes: 240, billableMinutes: 240 },
    ]);
    expect(body.byActivity.map((row: { name: string | null; minutes: number }) => [row.name, row.minutes])).toEqual([
      ['Writing', 300],
      ['Development', 240],
      ['Design', 210],
      ['Meeting', 60],
      [null, 45],
    ]);
    expect(body.byTask).toEqual([
      {
        taskId: taskA1.id,
        reference: taskA1.reference,
        title: 'Landing page',
        projectId: team.project.id,
        estimateMinutes: 600,
        // 495 in 2026 plus the 60 of 31 December 2025.
        trackedMinutes: 555,
        minutes: 495,
        billableMinutes: 495,
      },
      {
        taskId: taskA2.id,
        reference: taskA2.reference,
        title: 'Kick-off',
        projectId: team.project.id,
        estimateMinutes: null,
        trackedMinutes: 360,
        minutes: 360,
        billableMinutes: 300,
      },
    ]);
    expect(body.byProject).toHaveLength(1);
    expect(body.byDay).toHaveLength(365);
  });

  it('filters by project, client, activity type, billable and person', async () => {
    const totals = async (query: string) => {
      const response = await report(team.owner, `${NOVEMBER}&${query}`);
      expect(response.status).toBe(200);
      return [response.body.totalMinutes, response.body.entryCount];
    };
    expect(await totals(`userIds=${team.member.id}&projectIds=${projectB.id}`)).toEqual([105, 2]);
    expect(await totals(`projectIds=${team.project.id},${projectB.id}`)).toEqual([360 + 240 + 100, 8]);
    expect(await totals(`clientIds=${client.id}`)).toEqual([255 + 240, 5]);
    expect(await totals(`userIds=${team.member.id}&activityTypeIds=${activity.design}`)).toEqual([150, 2]);
    expect(await totals(`userIds=${team.member.id}&activityTypeIds=${activity.design},${activity.admin}`)).toEqual([165, 3]);
    expect(await totals(`userIds=${team.member.id}&billable=true`)).toEqual([285, 4]);
    expect(await totals(`userIds=${team.member.id}&billable=false`)).toEqual([75, 2]);
    expect(await totals(`userIds=${team.manager.id},${otherManager.id}`)).toEqual([340, 2]);
    expect(await totals('projectIds=999999')).toEqual([0, 0]);
  });

  it('counts the capacity of filtered people without entries, and of the people with entries otherwise', async () => {
    const filtered = await report(team.owner, `${NOVEMBER}&userIds=${team.member.id},${idle.id}`);
    expect(filtered.body.capacityMinutes).toBe(2 * MONTH_CAPACITY);
    expect(filtered.body.byPerson).toEqual([
      expect.objectContaining({ userId: team.member.id, minutes: 360, capacityMinutes: MONTH_CAPACITY }),
      { userId: idle.id, name: 'Idle Person', capacityMinutes: MONTH_CAPACITY, minutes: 0, billableMinutes: 0 },
    ]);
    expect(filtered.body.byDay.find((day: { date: string }) => day.date === '2026-11-02').capacityMinutes).toBe(960);

    const everyone = await report(team.owner, NOVEMBER);
    expect(everyone.body.byPerson.map((person: { userId: number }) => person.userId)).toEqual([
      team.member.id,
      team.manager.id,
      otherManager.id,
    ]);
    expect(everyone.body.capacityMinutes).toBe(3 * MONTH_CAPACITY);
  });

  it('spreads capacity over the organization’s working days', async () => {
    const { organization, owner } = await createProjectTeam(context);
    await context.deps.database.db
      .updateTable('organizations')
      .set({ working_days: '1,2,3,4' })
      .where('id', '=', organization.id)
      .execute();
    const alone = await createPerson(context, organization.id, 'member');
    const response = await report(owner, `from=2026-11-02&to=2026-11-08&userIds=${alone.id}`);
    expect(response.body.byDay.map((day: { capacityMinutes: number }) => day.capacityMinutes)).toEqual([600, 600, 600, 600, 0, 0, 0]);
    expect(response.body.capacityMinutes).toBe(2400);
  });

  it('shows a manager their own time and their projects’ time only', async () => {
    const response = await report(team.manager, NOVEMBER);
    expect(response.status).toBe(200);
    // Project A (theirs): the member's 255 and their own 240. Not project B (the member's 105, the other manager's 100).
    expect(response.body).toMatchObject({ totalMinutes: 495, entryCount: 5 });
    expect(response.body.byProject.map((project: { projectId: number }) => project.projectId)).toEqual([team.project.id]);
    const member = await report(team.manager, `${NOVEMBER}&userIds=${team.member.id}`);
    expect(member.body.totalMinutes).toBe(255);
    const other = await report(team.manager, `${NOVEMBER}&projectIds=${projectB.id}`);
    expect(other.body).toMatchObject({ totalMinutes: 0, entryCount: 0, byProject: [], byPerson: [] });
  });

  it('shows a member their own time only', async () => {
    const response = await report(team.member, NOVEMBER);
    expect(response.body).toMatchObject({ totalMinutes: 360, entryCount: 6 });
    expect(response.body.byPerson.map((person: { userId: number }) => person.userId)).toEqual([team.member.id]);
    // Asking for someone else gives neither their time nor their capacity.
    const others = await report(team.member, `${NOVEMBER}&userIds=${team.manager.id}`);
    expect(others.body).toMatchObject({ totalMinutes: 0, capacityMinutes: 0, byPerson: [] });
  });

  it('shows admins everyone’s time', async () => {
    const response = await report(team.admin, NOVEMBER);
    expect(response.body).toMatchObject({ totalMinutes: 700, entryCount: 8 });
  });

  it('refuses client accounts', async () => {
    const response = await report(team.client, NOVEMBER);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('forbidden');
  });

  it('refuses a backwards, too long or malformed period, pointing at the parameter', async () => {
    const backwards = await report(team.owner, 'from=2026-11-30&to=2026-11-01');
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ pointer: '/querystring/to', code: 'before_from' })]);

    expect((await report(team.owner, 'from=2026-01-01&to=2027-02-04')).status).toBe(200); // 400 days
    const long = await report(team.owner, 'from=2026-01-01&to=2027-02-05');
    expect(long.status).toBe(422);
    expect(long.body.errors).toEqual([expect.objectContaining({ pointer: '/querystring/to', code: 'too_long' })]);

    const malformed = await report(team.owner, 'from=2026-02-30&to=2026-03-01&userIds=1,x');
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/querystring/from',
      '/querystring/userIds',
    ]);
    const missing = await report(team.owner, 'to=2026-03-01&billable=maybe');
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/querystring/billable',
      '/querystring/from',
    ]);
  });

  it('reads off the event loop on SQLite files (a worker thread) and through the pool on PostgreSQL', () => {
    expect(context.deps.reader.mode).toBe(testEngine() === 'postgres' ? 'pool' : 'worker');
  });

  it.skipIf(testEngine() === 'postgres')(
    'reads committed time while the server’s connection is in the middle of a write (SQLite WAL)',
    async () => {
      const handle = context.deps.database.sqlite!;
      handle.exec('begin immediate');
      try {
        handle
          .prepare(
            `insert into time_entries (organization_id, user_id, task_id, project_id, date, week_start, minutes, billable, note, source, created_by, created_at, updated_at)
           values (?, ?, ?, ?, '2026-11-05', '2026-11-02', 500, 1, '', 'manual', ?, ?, ?)`,
          )
          .run(team.organization.id, idle.id, taskA2.id, team.project.id, idle.id, new Date().toISOString(), new Date().toISOString());
        const during = await report(team.owner, `${NOVEMBER}&userIds=${idle.id}`);
        expect(during.status).toBe(200);
        expect(during.body.totalMinutes).toBe(0);
      } finally {
        handle.exec('rollback');
      }
    },
  );
});

/**
 * The plans SQLite chooses on a spread like a real company's (many people and projects, most of a year
 * of days), with no statistics yet, with the sampled statistics the server keeps (PRAGMA optimize under
 * analysis_limit), and with full ones. SQLite only: PostgreSQL plans depend on its own statistics, and
 * `npm run bench` reports them on 2,000,000 entries.
 */
describe.skipIf(testEngine() === 'postgres')('query plans of time reports (SQLite)', () => {
  let context: TestContext;
  let organizationId: number;
  let personId: number;
  let projectId: number;

  beforeAll(async () => {
    context = await createTestContext();
    const { organization, owner } = await createProjectTeam(context);
    organizationId = organization.id;
    const people = await Promise.all(Array.from({ length: 12 }, () => createPerson(context, organization.id, 'member')));
    const projects = [];
    for (let index = 0; index < 8; index += 1)
      projects.push(
        await createProject(
          context,
          owner,
          people.map((person) => ({ userId: person.id, role: 'member' as const })),
        ),
      );
    const tasks = [];
    for (const project of projects) tasks.push({ ...(await createTask(context, owner, { projectId: project.id })), projectId: project.id });
    const entries = [];
    for (let day = 0; day < 240; day += 1) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      for (const [index, person] of people.entries()) {
        const task = tasks[(day + index) % tasks.length]!;
        entries.push({ person, taskId: task.id, projectId: task.projectId, date, minutes: 60 + index });
      }
    }
    await recordTimeInBulk(context, entries);
    personId = people[0]!.id;
    projectId = projects[0]!.id;
  });
  afterAll(() => context.close());

  const STATISTICS = {
    none: ['delete from sqlite_stat1', 'analyze sqlite_schema'],
    sampled: ['pragma analysis_limit = 1000', 'analyze'],
    full: ['pragma analysis_limit = 0', 'analyze'],
  };

  /**
   * SQLite's EXPLAIN QUERY PLAN of each statement the report runs, as one text per statement. Without
   * statistics (a young database, until PRAGMA optimize first analyzes the table) SQLite may group a
   * report by person in index order, reading the organization's entries: fine for a small table.
   */
  function plansOf(statistics: keyof typeof STATISTICS, filter: Parameters<typeof reportStatements>[2], scope?: TimeScope): string[] {
    const handle = context.deps.database.sqlite!;
    // The first ANALYZE creates sqlite_stat1; it cannot be created by hand.
    if (statistics === 'none') handle.exec('analyze');
    for (const statement of STATISTICS[statistics]) handle.exec(statement);
    return reportStatements(context.deps.database.db, scope ?? { kind: 'organization', organizationId }, filter).map((statement) =>
      (handle.prepare(`explain query plan ${statement.sql}`).all(...statement.parameters) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n'),
    );
  }

  it.each(['none', 'sampled', 'full'] as const)(
    'reads a person’s month through the person-and-date index (statistics: %s)',
    (statistics) => {
      for (const plan of plansOf(statistics, { from: '2026-06-01', to: '2026-06-30', userIds: [personId] })) {
        expect(plan).toMatch(/SEARCH e USING INDEX time_entries_user_date \(organization_id=\? AND user_id=\? AND date>\? AND date<\?\)/);
        expect(plan).not.toMatch(/\bSCAN e\b/);
      }
    },
  );

  it.each(['sampled', 'full'] as const)('reads a project’s year from the covering project index alone (statistics: %s)', (statistics) => {
    const year = { from: '2026-01-01', to: '2026-12-31', projectIds: [projectId] };
    // As the owner, and as a manager of this and another project (their scope adds an OR on person and project).
    const managerScope: TimeScope = { kind: 'limited', organizationId, userId: personId, managedProjectIds: [projectId, projectId + 1] };
    for (const plan of [...plansOf(statistics, year), ...plansOf(statistics, year, managerScope)]) {
      expect(plan).toMatch(
        /SEARCH e USING COVERING INDEX time_entries_organization_project_date \(organization_id=\? AND project_id=\? AND date>\? AND date<\?\)/,
      );
      expect(plan).not.toMatch(/\bSCAN e\b/);
    }
  });
});
