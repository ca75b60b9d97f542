/**
 * `npm run bench`: seeds a reference organization (500 people, 2,000 projects, 1,000,000 tasks, one
 * project with 5,000), serves the real app in a child process, and measures the main reads and writes
 * over keep-alive HTTP against a bare Fastify hello-world measured the same way. Prints the figures
 * and writes them, with the query plans of the heavy reads, into docs/performance.md.
 *
 * SQLite by default (a fresh DATA_DIR, or BENCH_DATA_DIR); PostgreSQL when DATABASE_URL is set (a
 * fresh database next to it, dropped afterwards). BENCH_TASKS scales the task count down,
 * BENCH_SECONDS sets each scenario's duration, BENCH_CONCURRENCY the requests in flight,
 * BENCH_REUSE=1 keeps the seeded database for the next run, BENCH_DOC=0 leaves the document alone.
 *
 * The seed also holds 2,000,000 time entries (BENCH_TIME_ENTRIES; twice the task count by default), and
 * the time scenarios (reports, exports, GET task while reports run) follow the task scenarios.
 * `npm run bench -- --only time` runs the time scenarios alone (with BENCH_REUSE=1, on the cached seed).
 */
import { type ChildProcess, fork } from 'node:child_process';
import type BetterSqlite3 from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openSqliteHandle } from '../server/db/database.js';
import { hashSecret, newSecret } from '../server/features/auth/secrets.js';
import { findTask, listTasks, sortValue } from '../server/features/tasks/tasks.repository.js';
import { OPEN_STATUSES } from '../shared/workflow.js';
import { type BenchDatabase, prepareDatabase } from './bench/database.js';
import { type LoadResult, percentile, type RequestSpec, runLoad, type WorkerContext } from './bench/load.js';
import { explain, type PlanConnection, type PlanTarget } from './bench/plans.js';
import { Random } from './bench/random.js';
import { planSection, type ScenarioRow, scenarioTable, type TargetCheck, targetTable, writeSection } from './bench/report.js';
import type { ChildMessage, ServerStats } from './bench/server.js';
import { timeBench } from './bench/time.js';
import { SEARCH_WORDS } from './bench/words.js';
import { sqliteWriter, postgresWriter, type BulkWriter } from './bench/writer.js';

const root = path.resolve(import.meta.dirname, '..');
const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const TIME_ENTRIES = Number(process.env.BENCH_TIME_ENTRIES ?? 2 * TASKS);
/** `--only time`: the time scenarios alone. */
const ONLY = ((index) => (index >= 0 ? process.argv[index + 1] : undefined))(process.argv.indexOf('--only'));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const REUSE = process.env.BENCH_REUSE === '1';
const WRITE_DOC = process.env.BENCH_DOC !== '0';
const DOC = path.join(root, 'docs', 'performance.md');
const OPEN_STATUS_PARAM = OPEN_STATUSES.join(',');
const BOARD_ALL = 'board, 5,000 tasks (pages of 500)';
const BOARD_OPEN = 'board, open tasks of the 5,000 (pages of 500)';

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

// ── Server child processes ────────────────────────────────────────────────────────────────────

interface Server {
  port: number;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

async function startServer(mode: 'app' | 'hello', database?: BenchDatabase, env: Record<string, string> = {}): Promise<Server> {
  const child: ChildProcess = fork(path.join(root, 'scripts', 'bench', 'server.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_SERVER_MODE: mode,
      BENCH_DATA_DIR_RUN: database?.dataDir ?? '',
      BENCH_DATABASE_URL_RUN: database?.databaseUrl ?? '',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters: ((message: ChildMessage) => void)[] = [];
  child.on('message', (message: ChildMessage) => waiters.shift()?.(message));
  const next = () => new Promise<ChildMessage>((resolve) => waiters.push(resolve));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await Promise.race([next(), exited.then(() => undefined)]);
  if (ready?.type !== 'ready') throw new Error(`the ${mode} server did not start`);
  return {
    port: ready.port,
    async stats() {
      const reply = next();
      child.send({ type: 'stats' });
      const message = await reply;
      if (message.type !== 'stats') throw new Error('unexpected message from the server');
      return message;
    },
    async stop() {
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

// ── Fixtures: tokens and ids the scenarios use ────────────────────────────────────────────────

interface Actor {
  userId: number;
  token: string;
  projectIds: number[];
  taskIds: number[];
}

interface Fixtures {
  manager: Actor;
  owner: Actor;
  members: Actor[];
}

function sqlFor(engine: 'sqlite' | 'postgres', text: string): string {
  let index = 0;
  return engine === 'postgres' ? text.replace(/\?/g, () => `$${++index}`) : text;
}

async function loadFixtures(writer: BulkWriter, database: BenchDatabase): Promise<Fixtures> {
  const { summary } = database;
  const q = (text: string) => sqlFor(database.engine, text);
  const now = new Date().toISOString();
  const actor = async (userId: number, withTasks: boolean): Promise<Actor> => {
    const token = `spn_${newSecret()}`;
    await writer.run(
      q(
        'insert into api_tokens (organization_id, user_id, name, prefix, token_hash, created_at, last_used_at) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      [summary.organizationId, userId, 'bench', token.slice(0, 8), hashSecret(token), now, now],
    );
    const projects = await writer.all<{ id: number }>(
      q(
        `select pm.project_id as id from project_members pm join projects p on p.id = pm.project_id where pm.user_id = ? and p.state = 'active'`,
      ),
      [userId],
    );
    const tasks = withTasks
      ? await writer.all<{ id: number }>(
          q(
            'select id from tasks where project_id in (select project_id from project_members where user_id = ?) order by random() limit 2000',
          ),
          [userId],
        )
      : [];
    return { userId, token, projectIds: projects.map((row) => row.id), taskIds: tasks.map((row) => row.id) };
  };
  const members: Actor[] = [];
  for (const userId of summary.memberIds) members.push(await actor(userId, true));
  return { manager: await actor(summary.managerId, true), owner: await actor(summary.ownerId, false), members };
}

// ── Scenarios ─────────────────────────────────────────────────────────────────────────────────

const rows: ScenarioRow[] = [];
const unloaded: ScenarioRow[] = [];

interface Round {
  result: LoadResult;
  before: ServerStats;
  after: ServerStats;
}

async function round(server: Server, worker: Worker, concurrency: number, seconds: number, count?: number): Promise<Round> {
  const before = await server.stats();
  const result = await runLoad({
    port: server.port,
    concurrency,
    durationMs: seconds * 1000,
    ...(count !== undefined && { count }),
    worker,
  });
  return { result, before, after: await server.stats() };
}

function summarize(name: string, concurrency: number, rounds: readonly Round[], note?: string): ScenarioRow {
  const requests = rounds.reduce((sum, part) => sum + part.result.requests, 0);
  const errors = rounds.reduce((sum, part) => sum + part.result.errors, 0);
  const elapsedMs = rounds.reduce((sum, part) => sum + part.result.elapsedMs, 0);
  const statements = rounds.reduce((sum, part) => sum + part.after.statements - part.before.statements, 0);
  const cpuMicros = rounds.reduce((sum, part) => sum + part.after.cpuMicros - part.before.cpuMicros, 0);
  const latencies = Float64Array.from(rounds.flatMap((part) => [...part.result.latenciesMs])).sort();
  const divisor = Math.max(1, requests);
  const row: ScenarioRow = {
    name,
    concurrency,
    requests,
    errors,
    rps: requests / (elapsedMs / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: percentile(latencies, 1),
    statementsPerRequest: rounds[0]!.after.statements === 0 ? undefined : statements / divisor,
    cpuMsPerRequest: cpuMicros / 1000 / divisor,
    rssMb: rounds.at(-1)!.after.rss / 1024 / 1024,
    note,
  };
  const failed = rounds.find((part) => part.result.errors > 0)?.result;
  const perRequest = row.statementsPerRequest === undefined ? '' : `, ${row.statementsPerRequest.toFixed(2)} stmts/req`;
  log(
    `${name} @${concurrency}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50.toFixed(2)} ms, p99 ${row.p99.toFixed(2)} ms${perRequest}, ` +
      `${row.cpuMsPerRequest.toFixed(2)} CPU ms/req, RSS ${row.rssMb.toFixed(0)} MB` +
      (failed ? `, ${errors} errors ${JSON.stringify(failed.unexpected)}: ${failed.firstError}` : ''),
  );
  return row;
}

type Worker = (context: WorkerContext) => Promise<void>;

async function measure(
  server: Server,
  name: string,
  worker: Worker,
  options: { concurrency?: number; seconds?: number; count?: number; warmup?: boolean; into?: ScenarioRow[] } = {},
): Promise<ScenarioRow> {
  const concurrency = options.concurrency ?? CONCURRENCY;
  if (options.warmup !== false) await runLoad({ port: server.port, concurrency, durationMs: 1000, worker });
  const row = summarize(name, concurrency, [await round(server, worker, concurrency, options.seconds ?? SECONDS, options.count)]);
  (options.into ?? rows).push(row);
  return row;
}

/**
 * Two scenarios in alternating rounds (A B A B A B), so a machine whose background load drifts
 * (other processes on the same cores) affects both alike: the ratio of their throughputs holds up.
 */
async function measureAlternating(
  a: { server: Server; name: string; worker: Worker },
  b: { server: Server; name: string; worker: Worker },
  rounds = 3,
): Promise<[ScenarioRow, ScenarioRow]> {
  for (const side of [a, b]) await runLoad({ port: side.server.port, concurrency: CONCURRENCY, durationMs: 1000, worker: side.worker });
  const partsA: Round[] = [];
  const partsB: Round[] = [];
  for (let index = 0; index < rounds; index += 1) {
    partsA.push(await round(a.server, a.worker, CONCURRENCY, SECONDS / rounds));
    partsB.push(await round(b.server, b.worker, CONCURRENCY, SECONDS / rounds));
  }
  const rowA = summarize(a.name, CONCURRENCY, partsA, `${rounds} rounds alternating with ${b.name}`);
  const rowB = summarize(b.name, CONCURRENCY, partsB, `${rounds} rounds alternating with ${a.name}`);
  rows.push(rowA, rowB);
  return [rowA, rowB];
}

/** A GET worker: `spec(random)` names the next request. */
function reads(seed: number, spec: (random: Random) => RequestSpec) {
  return async (context: WorkerContext) => {
    const random = new Random(seed * 1000 + context.index);
    while (context.active()) await context.send(spec(random));
  };
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (ONLY !== undefined && ONLY !== 'time') throw new Error(`--only takes "time", not "${ONLY}"`);
  log(
    `${databaseUrl ? 'PostgreSQL' : 'SQLite'}, ${TASKS.toLocaleString('en')} tasks, ${TIME_ENTRIES.toLocaleString('en')} time entries, ${CONCURRENCY} in flight, ${SECONDS} s per scenario${ONLY ? `, only ${ONLY}` : ''}`,
  );
  const database = await prepareDatabase({
    tasks: TASKS,
    timeEntries: TIME_ENTRIES,
    reuse: REUSE,
    databaseUrl,
    dataDir: process.env.BENCH_DATA_DIR || undefined,
    log,
  });
  log(
    `database ready (${database.reused ? 'reused' : `seeded in ${database.seedSeconds.toFixed(0)} s`}), ${(database.sizeBytes / 1e9).toFixed(2)} GB`,
  );

  const sqlite = database.sqliteFile ? openSqliteHandle(database.sqliteFile) : undefined;
  const pool = database.databaseUrl ? new pg.Pool({ connectionString: database.databaseUrl, max: 2 }) : undefined;
  try {
    const writer = sqlite ? sqliteWriter(sqlite) : postgresWriter(pool!);
    const fixtures = await loadFixtures(writer, database);
    if (ONLY !== 'time') await taskBench(database, sqlite, pool, writer, fixtures);
    if (ONLY === undefined || ONLY === 'time') {
      const plans: PlanConnection = sqlite ? { engine: 'sqlite', handle: sqlite } : { engine: 'postgres', pool: pool! };
      await timeBench({ database, fixtures, startServer, plans, log, seconds: SECONDS, doc: WRITE_DOC ? DOC : undefined });
    }
  } finally {
    sqlite?.close();
    await pool?.end();
    await database.cleanup();
  }
}

/** The task scenarios: reads and writes against hello-world, query plans, targets; writes their section. */
async function taskBench(
  database: BenchDatabase,
  sqlite: BetterSqlite3.Database | undefined,
  pool: pg.Pool | undefined,
  writer: BulkWriter,
  fixtures: Fixtures,
): Promise<void> {
  const { summary } = database;
  const { manager, owner, members } = fixtures;
  const searchCounts = await countSearchWords(writer, database.engine);

  const hello = await startServer('hello');
  const app = await startServer('app', database);
  const idle = await app.stats();
  const loadBefore = os.loadavg()[0]!;
  log(`servers ready; app RSS at rest ${(idle.rss / 1024 / 1024).toFixed(0)} MB`);
  const fresh: { id: number; token: string }[] = [];
  try {
    const readScenarios: [string, (random: Random) => RequestSpec][] = [
      [
        'GET task',
        (random) => {
          const actor = random.pick(members);
          return { path: `/api/v1/tasks/${random.pick(actor.taskIds)}`, token: actor.token };
        },
      ],
      [
        'queue (own, open, 50)',
        (random) => {
          const actor = random.pick(members);
          return { path: `/api/v1/tasks?captainId=${actor.userId}&sort=queue&status=${OPEN_STATUS_PARAM}&limit=50`, token: actor.token };
        },
      ],
      [
        'project list page (50)',
        (random) => {
          const actor = random.pick(members);
          return { path: `/api/v1/tasks?projectId=${random.pick(actor.projectIds)}&sort=project&limit=50`, token: actor.token };
        },
      ],
      [
        'search, medium/rare word',
        (random) => {
          const actor = random.pick(members);
          const word = random.pick([...SEARCH_WORDS.medium, ...SEARCH_WORDS.rare]);
          return { path: `/api/v1/tasks?q=${encodeURIComponent(word)}`, token: actor.token };
        },
      ],
      [
        'search, common word',
        (random) => {
          const actor = random.pick(members);
          return { path: `/api/v1/tasks?q=${encodeURIComponent(random.pick(SEARCH_WORDS.common))}`, token: actor.token };
        },
      ],
      [
        'overdue, member',
        (random) => {
          const actor = random.pick(members);
          return { path: '/api/v1/tasks?overdue=true&sort=deadline&limit=50', token: actor.token };
        },
      ],
      ['overdue, owner (all projects)', () => ({ path: '/api/v1/tasks?overdue=true&sort=deadline&limit=50', token: owner.token })],
    ];
    /** Pages through the big project's board (all of it, or its open tasks), timing each whole board too. */
    const boardWorker =
      (statuses: string | undefined, boards: number[]) =>
      async (context: WorkerContext): Promise<void> => {
        while (context.active()) {
          const begin = performance.now();
          let cursor: string | null = null;
          let complete = false;
          do {
            const filter = statuses ? `&status=${statuses}` : '';
            const path = `/api/v1/tasks?projectId=${summary.bigProjectId}${filter}&sort=project&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
            const reply = await context.send({ path, token: manager.token });
            if (reply.status !== 200) break;
            cursor = reply.json<{ nextCursor: string | null }>().nextCursor;
            complete = cursor === null;
          } while (cursor && context.active());
          if (complete) boards.push(performance.now() - begin);
        }
      };
    const boardNote = (boards: number[]) => {
      const sorted = Float64Array.from(boards).sort();
      return `whole board p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms`;
    };
    const boards = async (into: ScenarioRow[], concurrency: number, seconds: number) => {
      for (const [name, statuses] of [
        [BOARD_ALL, undefined],
        [BOARD_OPEN, OPEN_STATUS_PARAM],
      ] as const) {
        const times: number[] = [];
        const row = await measure(app, name, boardWorker(statuses, times), { concurrency, seconds, into });
        row.note = boardNote(times);
      }
    };

    const [getName, getSpec] = readScenarios[0]!;
    await measureAlternating(
      { server: hello, name: 'hello world (bare Fastify)', worker: reads(1, () => ({ path: '/hello' })) },
      { server: app, name: getName, worker: reads(2, getSpec) },
    );
    for (const [index, [name, spec]] of readScenarios.entries()) {
      if (index === 0) continue;
      await measure(app, name, reads(index + 2, spec));
      if (index === 2) await boards(rows, CONCURRENCY, SECONDS);
    }

    // Unloaded latency: one request at a time, the cost of a request without queueing behind others.
    for (const [index, [name, spec]] of readScenarios.slice(0, 3).entries()) {
      await measure(app, name, reads(50 + index, spec), { concurrency: 1, seconds: Math.max(2, SECONDS / 2), into: unloaded });
    }
    await boards(unloaded, 1, Math.max(2, SECONDS / 2));
    await measure(
      hello,
      'hello world (bare Fastify)',
      reads(99, () => ({ path: '/hello' })),
      { concurrency: 1, seconds: Math.max(2, SECONDS / 2), into: unloaded },
    );

    // Writes last: the jobs they queue (notifications) keep the job runner busy for a while afterwards.
    const createWorker = async (context: WorkerContext) => {
      const random = new Random(90_000 + context.index);
      while (context.active()) {
        const actor = random.pick(members);
        const reply = await context.send({
          method: 'POST',
          path: '/api/v1/tasks',
          token: actor.token,
          expect: 201,
          body: {
            projectId: random.pick(actor.projectIds),
            title: `Bench task ${context.index}-${random.int(0, 1e9)}`,
            description: 'Created by the bench: check the homepage banner and the newsletter copy.',
            captainId: actor.userId,
            deadline: '2031-03-31',
            estimateMinutes: 90,
          },
        });
        if (reply.status === 201) fresh.push({ id: reply.json<{ id: number }>().id, token: actor.token });
      }
    };
    await measure(app, 'create task', createWorker, { warmup: false });
    const toStart = [...fresh];
    await measure(
      app,
      'status planned→in_progress',
      async (context) => {
        while (context.active()) {
          const task = toStart.pop();
          if (!task) return;
          await context.send({
            method: 'POST',
            path: `/api/v1/tasks/${task.id}/status`,
            token: task.token,
            body: { status: 'in_progress' },
          });
        }
      },
      { warmup: false, count: toStart.length },
    );
  } finally {
    await app.stop();
    await hello.stop();
  }
  const loadAfter = os.loadavg()[0]!;

  // Query plans of the heavy reads, on the same data.
  log('query plans');
  const connection: PlanConnection = sqlite ? { engine: 'sqlite', handle: sqlite } : { engine: 'postgres', pool: pool! };
  const member = members[0]!;
  const base = { organizationId: summary.organizationId, now: new Date() };
  const memberFilter = { ...base, userId: member.userId, allProjects: false };
  const engine = database.engine;
  let boardCursor: { value: string | null; id: number } | undefined;
  const targets: PlanTarget[] = [
    { name: 'GET task (findTask)', run: (db) => findTask(db, engine, summary.organizationId, member.taskIds[0]!, member.userId) },
    {
      name: 'Queue: own open tasks, sort=queue, 50',
      run: (db) =>
        listTasks(db, engine, { ...memberFilter, captainId: member.userId, statuses: [...OPEN_STATUSES], sort: 'queue', limit: 51 }),
    },
    {
      name: 'Project list page: sort=project, 50',
      run: (db) => listTasks(db, engine, { ...memberFilter, projectId: member.projectIds[0]!, sort: 'project', limit: 51 }),
    },
    {
      name: 'Board, first page of 500 (manager, 5,000-task project)',
      run: async (db) => {
        const filter = {
          ...base,
          userId: manager.userId,
          allProjects: false,
          projectId: summary.bigProjectId,
          sort: 'project' as const,
          limit: 501,
        };
        const first = await listTasks(db, engine, filter);
        // Walk to the 9th page for the next target's cursor (these statements are not the one explained).
        let page = first;
        for (let index = 0; index < 8; index += 1) {
          const last = page[499]?.task;
          if (!last) break;
          boardCursor = { value: sortValue(last, 'project'), id: last.id };
          page = await listTasks(db, engine, { ...filter, after: boardCursor });
        }
        return listTasks(db, engine, filter);
      },
    },
    {
      name: 'Board, a later page (cursor after 4,000 tasks)',
      run: (db) =>
        listTasks(db, engine, {
          ...base,
          userId: manager.userId,
          allProjects: false,
          projectId: summary.bigProjectId,
          sort: 'project',
          limit: 501,
          after: boardCursor,
        }),
    },
    {
      name: 'Board, open tasks (status filter), first page of 500',
      run: (db) =>
        listTasks(db, engine, {
          ...base,
          userId: manager.userId,
          allProjects: false,
          projectId: summary.bigProjectId,
          statuses: [...OPEN_STATUSES],
          sort: 'project',
          limit: 501,
        }),
    },
    {
      name: 'Overdue, member: overdue=true, sort=deadline',
      run: (db) => listTasks(db, engine, { ...memberFilter, overdue: true, sort: 'deadline', limit: 51 }),
    },
    {
      name: 'Overdue, owner (all projects): overdue=true, sort=deadline',
      run: (db) => listTasks(db, engine, { ...base, userId: owner.userId, allProjects: true, overdue: true, sort: 'deadline', limit: 51 }),
    },
    {
      name: `Search, common word "${SEARCH_WORDS.common[0]}" (member, sort=updated)`,
      run: (db) => listTasks(db, engine, { ...memberFilter, q: SEARCH_WORDS.common[0], sort: 'updated', limit: 51 }),
    },
    {
      name: `Search, rare word "${SEARCH_WORDS.rare[0]}" (member, sort=updated)`,
      run: (db) => listTasks(db, engine, { ...memberFilter, q: SEARCH_WORDS.rare[0], sort: 'updated', limit: 51 }),
    },
  ];
  const plans = await explain(connection, targets);
  for (const plan of plans) {
    console.log(
      `\n${plan.name}: ${plan.medianMs.toFixed(2)} ms direct, ${plan.rows} rows\n${plan.plan.map((line) => `  ${line}`).join('\n')}`,
    );
  }

  // Targets.
  const find = (name: string, list = rows) => list.find((row) => row.name === name) ?? list.find((row) => row.name.startsWith(name));
  const helloRow = find('hello')!;
  const getRow = find('GET task')!;
  const checks: TargetCheck[] = [
    {
      target: 'GET task ≥ 0.5 × hello-world req/s',
      value: `${getRow.rps.toFixed(0)} / ${helloRow.rps.toFixed(0)} = ${(getRow.rps / helloRow.rps).toFixed(2)}×`,
      met: getRow.rps / helloRow.rps >= 0.5,
    },
    ...['queue', 'project list', BOARD_ALL, BOARD_OPEN].flatMap((name) => {
      const loaded = find(name)!;
      const single = find(name, unloaded);
      return [
        {
          target: `${loaded.name}: p99 < 20 ms at ${loaded.concurrency} in flight`,
          value: `${loaded.p99.toFixed(2)} ms`,
          met: loaded.p99 < 20,
        },
        ...(single
          ? [{ target: `${single.name}: p99 < 20 ms, one at a time`, value: `${single.p99.toFixed(2)} ms`, met: single.p99 < 20 }]
          : []),
      ];
    }),
    ...rows
      .filter((row) => row.statementsPerRequest !== undefined)
      .map((row) => ({
        target: `${row.name}: ≤ 5 SQL statements per request`,
        value: row.statementsPerRequest!.toFixed(2),
        met: row.statementsPerRequest! <= 5,
      })),
  ];

  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
  const dataset = `${summary.users} people, ${summary.projects.toLocaleString('en')} projects (${summary.projectMembers.toLocaleString('en')} project memberships), ${summary.tasks.toLocaleString('en')} tasks (${summary.openTasks.toLocaleString('en')} open; one project with ${summary.bigProjectTasks.toLocaleString('en')}), ${summary.collaborators.toLocaleString('en')} collaborators, ${summary.labels.toLocaleString('en')} labels, ${summary.searchRows.toLocaleString('en')} search documents`;
  const words = Object.entries(searchCounts)
    .map(([word, count]) => `"${word}" ${count.toLocaleString('en')}`)
    .join(', ');
  const section = [
    `### ${database.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${summary.tasks.toLocaleString('en')} tasks — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `- Machine: ${machine}. Load generator in the parent process, server in a child process (RSS and CPU are the server's own, reported over IPC)${database.engine === 'postgres' ? '; PostgreSQL on the same machine, sharing the two cores' : ''}.`,
    `- Dataset: ${dataset}. Database ${(database.sizeBytes / 1e9).toFixed(2)} GB; seeded in ${database.seedSeconds.toFixed(0)} s${database.reused ? ' (this run reused the cached seed)' : ''}.`,
    `- Search words and how many documents contain them: ${words}.`,
    `- 1-minute load average of the machine when measuring started ${loadBefore.toFixed(1)}, when it ended ${loadAfter.toFixed(1)} (the bench's own server and load generator account for up to 2; the rest is other work on the same cores).`,
    `- ${SECONDS} s per scenario after 1 s of warm-up (the writes: none), ${CONCURRENCY} requests in flight; app RSS at rest ${(idle.rss / 1024 / 1024).toFixed(0)} MB.`,
    '',
    scenarioTable(rows),
    '',
    'One request at a time (latency without queueing):',
    '',
    scenarioTable(unloaded),
    '',
    'Targets:',
    '',
    targetTable(checks),
    '',
    '<details>',
    `<summary>Query plans (${database.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${summary.tasks.toLocaleString('en')} tasks): ${plans
      .map((plan) => `${plan.name.split(':')[0]} ${plan.medianMs.toFixed(1)} ms`)
      .join(', ')}</summary>`,
    '',
    planSection(plans, database.engine),
    '',
    '</details>',
  ].join('\n');
  console.log(`\n${scenarioTable(rows)}\n\n${scenarioTable(unloaded)}\n\n${targetTable(checks)}\n`);
  if (WRITE_DOC) {
    writeSection(DOC, `${database.engine}-${summary.tasks}`, section);
    log(`wrote ${path.relative(root, DOC)}`);
  }
}

async function countSearchWords(writer: BulkWriter, engine: 'sqlite' | 'postgres'): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const word of [...SEARCH_WORDS.common, ...SEARCH_WORDS.medium, ...SEARCH_WORDS.rare]) {
    const [row] =
      engine === 'sqlite'
        ? await writer.all<{ count: number }>('select count(*) as count from task_search where task_search match ?', [`"${word}"*`])
        : await writer.all<{ count: number }>(`select count(*)::int as count from task_search where vector @@ to_tsquery('simple', $1)`, [
            `${word}:*`,
          ]);
    counts[word] = row?.count ?? 0;
  }
  return counts;
}

await main();
