/**
 * The task lists people open all day keep their indexes: SQLite's EXPLAIN QUERY PLAN of the SQL the
 * repository really compiles (captured through a Kysely `log` hook) must use the queue, overdue and
 * backlog indexes and never scan the tasks table. SQLite only: PostgreSQL plans depend on statistics, and
 * `npm run bench` reports them on a large dataset.
 */
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from '../../db/schema.js';
import { createProject, createProjectTeam, createTask } from '../../test/factories.js';
import { createTestContext, type TestContext, testEngine } from '../../test/harness.js';
import { OPEN_STATUSES } from '../../../shared/workflow.js';
import { type ListFilter, listTasks } from './tasks.repository.js';

describe.skipIf(testEngine() === 'postgres')('query plans of task lists (SQLite)', () => {
  let context: TestContext;
  let team: Awaited<ReturnType<typeof createProjectTeam>>;

  beforeAll(async () => {
    context = await createTestContext();
    team = await createProjectTeam(context);
    const other = await createProject(context, team.manager, [
      { userId: team.manager.id, role: 'manager' },
      { userId: team.member.id, role: 'member' },
    ]);
    for (let index = 0; index < 12; index += 1) {
      const projectId = index % 3 === 0 ? other.id : team.project.id;
      await createTask(context, team.manager, { projectId, captainId: team.member.id, deadline: '2030-06-30' });
      await createTask(context, team.manager, { projectId, captainId: team.manager.id });
    }
  });
  afterAll(() => context.close());

  /** The plan of the statement `listTasks` runs for this filter, one line per step. */
  async function planOf(filter: Partial<ListFilter> & Pick<ListFilter, 'sort'>): Promise<string[]> {
    const handle = context.deps.database.sqlite!;
    const captured: CompiledQuery[] = [];
    const db = new Kysely<Schema>({
      dialect: new SqliteDialect({ database: handle }),
      log: (event) => {
        if (event.level === 'query') captured.push(event.query);
      },
    });
    const rows = await listTasks(db, 'sqlite', {
      organizationId: team.organization.id,
      userId: team.member.id,
      allProjects: false,
      limit: 51,
      now: new Date(),
      ...filter,
    });
    expect(rows.length).toBeGreaterThan(0);
    const query = captured.at(-1)!;
    const plan = handle.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as { detail: string }[];
    return plan.map((row) => row.detail);
  }

  const scansTasks = (plan: string[]) => plan.some((line) => /^SCAN (t|tasks)\b/.test(line));

  it('reads a person’s open queue through tasks_open_queue, in index order', async () => {
    const plan = await planOf({ captainId: team.member.id, statuses: [...OPEN_STATUSES], sort: 'queue' });
    expect(plan.some((line) => /^SEARCH t USING (COVERING )?INDEX tasks_open_queue \(captain_id=\?/.test(line))).toBe(true);
    expect(scansTasks(plan)).toBe(false);
    expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it('reads a queue that includes closed tasks through tasks_queue, in index order', async () => {
    const plan = await planOf({ captainId: team.member.id, statuses: ['planned', 'done'], sort: 'queue' });
    expect(plan.some((line) => /^SEARCH t USING (COVERING )?INDEX tasks_queue \(captain_id=\?/.test(line))).toBe(true);
    expect(scansTasks(plan)).toBe(false);
    expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it('reads the overdue list through tasks_open_deadline, in index order', async () => {
    const plan = await planOf({ overdue: true, sort: 'deadline', now: new Date('2031-01-01T00:00:00Z') });
    expect(
      plan.some((line) => /^SEARCH t USING (COVERING )?INDEX tasks_open_deadline \(organization_id=\? AND deadline_at<\?\)/.test(line)),
    ).toBe(true);
    expect(scansTasks(plan)).toBe(false);
    expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });

  it('reads a project’s list through tasks_project_rank, in index order', async () => {
    const plan = await planOf({ projectId: team.project.id, sort: 'project' });
    expect(plan.some((line) => /^SEARCH t USING (COVERING )?INDEX tasks_project_rank \(project_id=\?/.test(line))).toBe(true);
    expect(scansTasks(plan)).toBe(false);
    expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });
});
