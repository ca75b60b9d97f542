/**
 * The time scenarios of the bench, on the seeded two years of time entries: report latency (a person's
 * month, a project's year, the whole organization's year), export throughput with the server's memory
 * while it streams, and GET task latency while project-year reports run — with the reports read by
 * the worker thread, and (SQLite) read on the event loop for comparison. Query plans of the report and
 * export statements. Prints the figures and writes them as a section of docs/performance.md.
 */
import http from 'node:http';
import os from 'node:os';
import type { Kysely } from 'kysely';
import { addDays } from '../../shared/time.js';
import type { Schema } from '../../server/db/schema.js';
import type { Actor } from '../../server/features/auth/actor.js';
import { exportBatchStatement, type ReportFilter, reportStatements } from '../../server/features/reports/reports.repository.js';
import { timeScopeOf } from '../../server/features/time/time-scope.js';
import type { BenchDatabase } from './database.js';
import { type LoadResult, percentile, type RequestSpec, runLoad, type WorkerContext } from './load.js';
import { explain, type PlanConnection, type PlanTarget } from './plans.js';
import { Random } from './random.js';
import { markdownTable, planSection, writeSection } from './report.js';
import type { ServerStats } from './server.js';

interface BenchServer {
  port: number;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

interface BenchActor {
  userId: number;
  token: string;
  taskIds: number[];
}

export interface TimeBenchOptions {
  database: BenchDatabase;
  fixtures: { owner: BenchActor; manager: BenchActor; members: BenchActor[] };
  startServer(mode: 'app', database: BenchDatabase, env?: Record<string, string>): Promise<BenchServer>;
  plans: PlanConnection;
  log(message: string): void;
  /** Duration of each GET-task-under-load scenario. */
  seconds: number;
  /** The document to write the section into; undefined leaves it alone. */
  doc: string | undefined;
}

const REPORT_RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 50);
const ORGANIZATION_RUNS = Number(process.env.BENCH_ORGANIZATION_REPORT_RUNS ?? 5);
const EXPORT_DAYS = Number(process.env.BENCH_EXPORT_DAYS ?? 92);
/** GET task requests in flight, and project-year reports in flight beside them. */
const GET_IN_FLIGHT = 4;
const REPORTS_IN_FLIGHT = 2;

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const mb = (bytes: number) => bytes / 1024 / 1024;

function monthBefore(date: string): { from: string; to: string } {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 10);
  const last = new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10);
  return { from: first, to: last };
}

function reportPath(query: Record<string, string>): string {
  return `/api/v1/reports/time?${new URLSearchParams(query)}`;
}

function getJson<T>(port: number, path: string, token: string): Promise<T> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 200) reject(new Error(`GET ${path} → ${response.statusCode} ${text.slice(0, 300)}`));
          else resolve(JSON.parse(text) as T);
        });
      })
      .on('error', reject);
  });
}

const loop =
  (spec: () => RequestSpec) =>
  async (context: WorkerContext): Promise<void> => {
    while (context.active()) await context.send(spec());
  };

interface ReportRow {
  name: string;
  period: string;
  runs: number;
  errors: number;
  entries: number;
  p50: number;
  p99: number;
  max: number;
  cpuMs: number;
}

async function sequential(
  server: BenchServer,
  name: string,
  period: string,
  spec: RequestSpec,
  runs: number,
  entries: number,
): Promise<ReportRow> {
  await runLoad({ port: server.port, concurrency: 1, count: Math.min(3, runs), worker: loop(() => spec) });
  const before = await server.stats();
  const result = await runLoad({ port: server.port, concurrency: 1, count: runs, worker: loop(() => spec) });
  const after = await server.stats();
  return {
    name,
    period,
    runs: result.requests,
    errors: result.errors,
    entries,
    p50: percentile(result.latenciesMs, 0.5),
    p99: percentile(result.latenciesMs, 0.99),
    max: percentile(result.latenciesMs, 1),
    cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / Math.max(1, result.requests),
  };
}

interface ExportRow {
  name: string;
  rows: number;
  bytes: number;
  seconds: number;
  firstByteMs: number;
  rssMaxMb: number;
  rssBeforeMb: number;
  cpuSeconds: number;
}

/** Downloads an export as a browser would, timing it and sampling the server's memory every 100 ms. */
async function download(server: BenchServer, name: string, path: string, token: string, rows: number | undefined): Promise<ExportRow> {
  const before = await server.stats();
  let rssMax = before.rss;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      rssMax = Math.max(rssMax, (await server.stats()).rss);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const begin = performance.now();
  const result = await new Promise<{ bytes: number; lines: number; firstByteMs: number }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path, headers: { authorization: `Bearer ${token}` } }, (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`GET ${path} → ${response.statusCode}`));
          response.resume();
          return;
        }
        let bytes = 0;
        let lines = 0;
        let firstByteMs = 0;
        response.on('data', (chunk: Buffer) => {
          if (bytes === 0) firstByteMs = performance.now() - begin;
          bytes += chunk.length;
          for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) lines += 1;
        });
        response.on('end', () => resolve({ bytes, lines, firstByteMs }));
        response.on('error', reject);
      })
      .on('error', reject);
  });
  const seconds = (performance.now() - begin) / 1000;
  sampling = false;
  await sampler;
  const after = await server.stats();
  return {
    name,
    // The CSV's lines less its header; an XLSX is counted from the CSV of the same query.
    rows: rows ?? result.lines - 1,
    bytes: result.bytes,
    seconds,
    firstByteMs: result.firstByteMs,
    rssMaxMb: mb(rssMax),
    rssBeforeMb: mb(before.rss),
    cpuSeconds: (after.cpuMicros - before.cpuMicros) / 1e6,
  };
}

interface ConcurrentRow {
  name: string;
  gets: LoadResult;
  reports: LoadResult | undefined;
}

interface ConcurrentScenario {
  server: BenchServer;
  name: string;
  /** What runs beside the GETs; none for the baseline. */
  report: RequestSpec | undefined;
}

function merge(parts: readonly LoadResult[]): LoadResult {
  return {
    requests: parts.reduce((sum, part) => sum + part.requests, 0),
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
    unexpected: Object.assign({}, ...parts.map((part) => part.unexpected)),
    firstError: parts.find((part) => part.firstError)?.firstError,
    elapsedMs: parts.reduce((sum, part) => sum + part.elapsedMs, 0),
    latenciesMs: Float64Array.from(parts.flatMap((part) => [...part.latenciesMs])).sort(),
  };
}

/**
 * GET task load, alone and beside reports, in alternating rounds (A B C A B C …): other work on the same
 * cores drifts over minutes, and alternating lets every scenario meet the same drift.
 */
async function getTaskUnder(
  scenarios: readonly ConcurrentScenario[],
  seconds: number,
  getSpec: (random: Random) => RequestSpec,
  rounds = 3,
): Promise<ConcurrentRow[]> {
  const random = new Random(4242);
  const gets = loop(() => getSpec(random));
  for (const server of new Set(scenarios.map((scenario) => scenario.server))) {
    await runLoad({ port: server.port, concurrency: GET_IN_FLIGHT, durationMs: 1000, worker: gets });
  }
  const parts = scenarios.map(() => ({ gets: [] as LoadResult[], reports: [] as LoadResult[] }));
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, { server, report }] of scenarios.entries()) {
      const durationMs = (seconds * 1000) / rounds;
      const [getResult, reportResult] = await Promise.all([
        runLoad({ port: server.port, concurrency: GET_IN_FLIGHT, durationMs, worker: gets }),
        report ? runLoad({ port: server.port, concurrency: REPORTS_IN_FLIGHT, durationMs, worker: loop(() => report) }) : undefined,
      ]);
      parts[index]!.gets.push(getResult);
      if (reportResult) parts[index]!.reports.push(reportResult);
    }
  }
  return scenarios.map((scenario, index) => ({
    name: scenario.name,
    gets: merge(parts[index]!.gets),
    reports: scenario.report ? merge(parts[index]!.reports) : undefined,
  }));
}

function actorOf(userId: number, organizationId: number, role: Actor['role']): Actor {
  return { userId, organizationId, role, isInstanceAdmin: false, via: { kind: 'token', tokenId: 0 } };
}

export async function timeBench(options: TimeBenchOptions): Promise<void> {
  const { database, fixtures, log } = options;
  const { summary } = database;
  if (summary.timeEntries === 0) {
    log('time: the seed has no time entries (BENCH_TIME_ENTRIES=0); skipping the time scenarios');
    return;
  }
  const member = fixtures.members[0]!;
  const { owner, manager } = fixtures;
  const month = monthBefore(summary.timeTo);
  const year = { from: addDays(summary.timeTo, -364), to: summary.timeTo };
  const exportPeriod = { from: addDays(summary.timeTo, -(EXPORT_DAYS - 1)), to: summary.timeTo };
  const bigProject = String(summary.bigProjectId);
  const personMonth = reportPath({ ...month, userIds: String(member.userId) });
  const projectYear = reportPath({ ...year, projectIds: bigProject });
  const organizationYear = reportPath(year);
  const getTask = (random: Random): RequestSpec => {
    const actor = random.pick(fixtures.members);
    return { path: `/api/v1/tasks/${random.pick(actor.taskIds)}`, token: actor.token };
  };

  const app = await options.startServer('app', database);
  const inline = database.engine === 'sqlite' ? await options.startServer('app', database, { BENCH_READER: 'inline' }) : undefined;
  const idle = await app.stats();
  const loadBefore = os.loadavg()[0]!;
  const reports: ReportRow[] = [];
  const exports: ExportRow[] = [];
  const concurrent: ConcurrentRow[] = [];
  let organizationEntries = 0;
  try {
    log('time: reports');
    const count = async (path: string, token: string) => (await getJson<{ entryCount: number }>(app.port, path, token)).entryCount;
    const monthLabel = `${month.from} – ${month.to}`;
    const yearLabel = `${year.from} – ${year.to}`;
    const ownMonth = reportPath(month);
    const scenarios: [string, string, string, string, number][] = [
      ['Person, month (owner, userIds=one member)', monthLabel, personMonth, owner.token, REPORT_RUNS],
      ['Person, month (the member, own time)', monthLabel, ownMonth, member.token, REPORT_RUNS],
      ['Project, year (its manager, projectIds=the big project)', yearLabel, projectYear, manager.token, REPORT_RUNS],
      ['Project, year (owner)', yearLabel, projectYear, owner.token, REPORT_RUNS],
      ['Organization, year (owner, 500 people, no filter)', yearLabel, organizationYear, owner.token, ORGANIZATION_RUNS],
    ];
    for (const [name, period, path, token, runs] of scenarios) {
      const entries = await count(path, token);
      if (path === organizationYear) organizationEntries = entries;
      const row = await sequential(app, name, period, { path, token }, runs, entries);
      reports.push(row);
      log(
        `${name}: ${entries.toLocaleString('en')} entries, p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms (${row.runs} runs, ${row.errors} errors)`,
      );
    }

    log('time: exports');
    const exportQuery = new URLSearchParams(exportPeriod).toString();
    const exportLabel = `organization, ${EXPORT_DAYS} days (${exportPeriod.from} – ${exportPeriod.to})`;
    const csv = await download(app, `CSV, ${exportLabel}`, `/api/v1/reports/time/export.csv?${exportQuery}`, owner.token, undefined);
    exports.push(csv);
    exports.push(await download(app, `XLSX, ${exportLabel}`, `/api/v1/reports/time/export.xlsx?${exportQuery}`, owner.token, csv.rows));
    exports.push(
      await download(
        app,
        `CSV, organization, a year (${yearLabel})`,
        `/api/v1/reports/time/export.csv?${new URLSearchParams(year)}`,
        owner.token,
        undefined,
      ),
    );
    for (const row of exports) {
      log(
        `${row.name}: ${row.rows.toLocaleString('en')} rows, ${mb(row.bytes).toFixed(1)} MB in ${row.seconds.toFixed(1)} s, RSS max ${row.rssMaxMb.toFixed(0)} MB`,
      );
    }

    log('time: GET task while project-year reports run');
    const projectYearSpec = { path: projectYear, token: manager.token };
    const reader = database.engine === 'sqlite' ? 'worker thread' : 'PostgreSQL pool';
    const organizationYearSpec = { path: organizationYear, token: owner.token };
    const monthExport = { path: `/api/v1/reports/time/export.xlsx?${new URLSearchParams(month)}`, token: owner.token };
    const loads: ConcurrentScenario[] = [
      { server: app, name: 'GET task alone', report: undefined },
      { server: app, name: `GET task + project-year reports (${reader})`, report: projectYearSpec },
      ...(inline ? [{ server: inline, name: 'GET task + project-year reports on the event loop', report: projectYearSpec }] : []),
      { server: app, name: `GET task + organization-year reports (${reader})`, report: organizationYearSpec },
      ...(inline ? [{ server: inline, name: 'GET task + organization-year reports on the event loop', report: organizationYearSpec }] : []),
      { server: app, name: 'GET task + organization-month XLSX exports', report: monthExport },
    ];
    concurrent.push(...(await getTaskUnder(loads, options.seconds, getTask)));
    for (const row of concurrent) {
      log(
        `${row.name}: GET p50 ${percentile(row.gets.latenciesMs, 0.5).toFixed(1)} ms, p99 ${percentile(row.gets.latenciesMs, 0.99).toFixed(1)} ms, ${row.gets.errors + (row.reports?.errors ?? 0)} errors${row.gets.firstError ? ` (${row.gets.firstError})` : ''}` +
          (row.reports ? `, ${row.reports.requests} reports (p50 ${percentile(row.reports.latenciesMs, 0.5).toFixed(0)} ms)` : ''),
      );
    }
  } finally {
    await app.stop();
    await inline?.stop();
  }
  const loadAfter = os.loadavg()[0]!;

  log('time: query plans');
  const organizationId = summary.organizationId;
  const scopeOf = (db: Kysely<Schema>, userId: number, role: Actor['role']) => timeScopeOf(db, actorOf(userId, organizationId, role));
  const statement = (index: number, filter: ReportFilter, userId: number, role: Actor['role']) => async (db: Kysely<Schema>) =>
    db.executeQuery(reportStatements(db, await scopeOf(db, userId, role), filter)[index]!);
  const targets: PlanTarget[] = [
    {
      name: 'Person, month (owner, userIds): sums per day',
      run: statement(0, { ...month, userIds: [member.userId] }, owner.userId, 'owner'),
    },
    { name: 'Person, month (the member, own time): sums per day', run: statement(0, month, member.userId, 'member') },
    {
      name: 'Project, year (its manager): sums per day',
      run: statement(0, { ...year, projectIds: [summary.bigProjectId] }, manager.userId, 'manager'),
    },
    {
      name: 'Project, year (its manager): top tasks',
      run: statement(4, { ...year, projectIds: [summary.bigProjectId] }, manager.userId, 'manager'),
    },
    { name: 'Organization, year (owner): sums per day', run: statement(0, year, owner.userId, 'owner') },
    {
      name: `Export batch after a cursor (organization, ${EXPORT_DAYS} days)`,
      run: async (db) => {
        const scope = await scopeOf(db, owner.userId, 'owner');
        const cursorDate = addDays(exportPeriod.from, Math.floor(EXPORT_DAYS / 2));
        return db.executeQuery(exportBatchStatement(db, scope, exportPeriod, { date: cursorDate, userId: member.userId, id: 0 }, 2000));
      },
    },
  ];
  const plans = await explain(options.plans, targets, 5);
  for (const plan of plans)
    console.log(
      `\n${plan.name}: ${plan.medianMs.toFixed(2)} ms direct, ${plan.rows} rows\n${plan.plan.map((line) => `  ${line}`).join('\n')}`,
    );

  const engineName = database.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const reportTable = markdownTable(
    ['Report', 'Period', 'Entries', 'Runs', 'Errors', 'p50 ms', 'p99 ms', 'max ms', 'server CPU ms/report'],
    reports.map((row) => [
      row.name,
      row.period,
      row.entries.toLocaleString('en'),
      String(row.runs),
      String(row.errors),
      fixed(row.p50, 1),
      fixed(row.p99, 1),
      fixed(row.max, 1),
      fixed(row.cpuMs, 1),
    ]),
  );
  const exportTable = markdownTable(
    ['Export', 'Rows', 'MB', 'Seconds', 'First byte ms', 'rows/s', 'MB/s', 'Server CPU s', 'Server RSS before → max MB'],
    exports.map((row) => [
      row.name,
      row.rows.toLocaleString('en'),
      fixed(mb(row.bytes), 1),
      fixed(row.seconds, 1),
      fixed(row.firstByteMs, 0),
      Math.round(row.rows / row.seconds).toLocaleString('en'),
      fixed(mb(row.bytes) / row.seconds, 2),
      fixed(row.cpuSeconds, 1),
      `${fixed(row.rssBeforeMb, 0)} → ${fixed(row.rssMaxMb, 0)}`,
    ]),
  );
  const concurrentTable = markdownTable(
    [
      'Scenario',
      'GET requests',
      'Errors',
      'GET req/s',
      'GET p50 ms',
      'GET p99 ms',
      'GET max ms',
      'Reports done',
      'Report p50 ms',
      'Report p99 ms',
    ],
    concurrent.map((row) => [
      row.name,
      String(row.gets.requests),
      String(row.gets.errors + (row.reports?.errors ?? 0)),
      fixed(row.gets.requests / (row.gets.elapsedMs / 1000), 0),
      fixed(percentile(row.gets.latenciesMs, 0.5), 2),
      fixed(percentile(row.gets.latenciesMs, 0.99), 2),
      fixed(percentile(row.gets.latenciesMs, 1), 1),
      row.reports ? String(row.reports.requests) : '–',
      row.reports ? fixed(percentile(row.reports.latenciesMs, 0.5), 0) : '–',
      row.reports ? fixed(percentile(row.reports.latenciesMs, 0.99), 0) : '–',
    ]),
  );
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}`;
  const section = [
    `### Time reports: ${engineName}, ${summary.timeEntries.toLocaleString('en')} time entries — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `- Machine: ${machine}. 1-minute load average ${loadBefore.toFixed(1)} when the time scenarios started, ${loadAfter.toFixed(1)} when they ended.`,
    `- Dataset: the task seed above plus ${summary.timeEntries.toLocaleString('en')} time entries from ${summary.timeFrom} to ${summary.timeTo} (${summary.users} people, working days only, about ${(summary.timeEntries / summary.users / 522).toFixed(1)} entries a person a day, 40% on each person's main project), ${summary.timesheets.toLocaleString('en')} timesheet weeks (${summary.approvedWeeks.toLocaleString('en')} approved). A year of the organization is ${organizationEntries.toLocaleString('en')} entries.`,
    `- Reads: ${database.engine === 'sqlite' ? 'a worker thread with its own read-only connection' : 'the PostgreSQL pool, in one read-only repeatable-read transaction per report'}. App RSS at rest ${mb(idle.rss).toFixed(0)} MB.`,
    `- Reports one at a time (after 3 warm-up requests); server CPU is the app process's${database.engine === 'sqlite' ? ', worker thread included' : ' (PostgreSQL’s own work is not in it)'}.`,
    '',
    reportTable,
    '',
    'Exports, downloaded over HTTP as a browser would (server RSS sampled every 100 ms):',
    '',
    exportTable,
    '',
    `GET task (${GET_IN_FLIGHT} in flight) for ${options.seconds} s, alone and while ${REPORTS_IN_FLIGHT} clients request reports (or XLSX exports: batches read by the worker, the workbook written on the event loop) back to back, in three alternating rounds${database.engine === 'sqlite' ? '; the rows “on the event loop” run the same app with reports read on the main thread (BENCH_READER=inline), for comparison' : ''}:`,
    '',
    concurrentTable,
    '',
    '<details>',
    `<summary>Query plans (${engineName}, ${summary.timeEntries.toLocaleString('en')} time entries): ${plans.map((plan) => `${plan.name} ${plan.medianMs.toFixed(1)} ms`).join('; ')}</summary>`,
    '',
    planSection(plans, database.engine),
    '',
    '</details>',
  ].join('\n');
  console.log(`\n${reportTable}\n\n${exportTable}\n\n${concurrentTable}\n`);
  if (options.doc) {
    writeSection(options.doc, `time-${database.engine}-${summary.timeEntries}`, section);
    log('wrote the time section');
  }
}
