/**
 * `npm run drill:crash`: runs the real server (`node --import tsx server/cli.ts serve`) as a child
 * process, drives concurrent creates, edits (PATCH with If-Match) and status changes from several
 * workers, kills the server with SIGKILL at random moments, restarts it, and checks that every write
 * the server acknowledged (a 2xx received) is there with the acknowledged title, version and status.
 * On SQLite it also runs `PRAGMA integrity_check` and `foreign_key_check` after every kill; on
 * PostgreSQL it runs amcheck's `bt_index_check` over the indexes at the end.
 *
 * SQLite by default (a fresh DATA_DIR); PostgreSQL when DATABASE_URL is set (a fresh database next
 * to it, dropped afterwards). DRILL_CYCLES (default 24), DRILL_WORKERS (default 8). Exits 1 on any
 * loss or mismatch. Only 127.0.0.1 traffic.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openSqliteHandle } from '../server/db/database.js';
import { withDatabaseName } from './bench/database.js';
import { Random } from './bench/random.js';

const root = path.resolve(import.meta.dirname, '..');
const CYCLES = Number(process.env.DRILL_CYCLES ?? 24);
const WORKERS = Number(process.env.DRILL_WORKERS ?? 8);
const TIME_LIMIT_MS = 10 * 60_000;
const PASSWORD = 'crash drill passphrase, long enough';

const log = (message: string) => console.log(`[drill ${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Reply {
  status: number;
  body: any;
  headers: http.IncomingHttpHeaders;
}

type TaskStatus = 'planned' | 'in_progress' | 'waiting' | 'done';

interface Content {
  title: string;
  version: number;
  status: string;
}

interface Tracked extends Content {
  id: number;
  /** The content a write would leave if it went through but its answer was lost with the server. */
  unanswered?: Content;
}

const counts = {
  cycles: 0,
  createsAcknowledged: 0,
  createsUnanswered: 0,
  updatesAcknowledged: 0,
  statusAcknowledged: 0,
  writesUnanswered: 0,
  unansweredApplied: 0,
  unansweredNotApplied: 0,
  unexpectedStatuses: 0,
  verifications: 0,
  verified: 0,
  missing: 0,
  mismatched: 0,
  integrityChecks: 0,
};
const problems: string[] = [];
const unexpected: Record<string, number> = {};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function call(
  agent: http.Agent,
  port: number,
  method: string,
  url: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    const headers: Record<string, string | number> = { ...options.headers };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const outgoing = http.request({ agent, host: '127.0.0.1', port, method, path: url, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
        resolve({ status: response.statusCode ?? 0, body, headers: response.headers });
      });
    });
    outgoing.setTimeout(15_000, () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private output = '';

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve'], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const agent = new http.Agent({ keepAlive: false });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited during start:\n${this.output}`);
      try {
        const reply = await call(agent, this.port, 'GET', '/readyz');
        if (reply.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the server did not become ready:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }
}

interface Org {
  token: string;
  ownerId: number;
  projectId: number;
}

async function setUp(port: number): Promise<Org> {
  const agent = new http.Agent({ keepAlive: false });
  const origin = `http://127.0.0.1:${port}`;
  const setup = await call(agent, port, 'POST', '/api/v1/setup', {
    body: { organizationName: 'Drill Ltd', name: 'Drill Owner', email: 'owner@drill.example', password: PASSWORD },
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${JSON.stringify(setup.body)}`);
  const cookie = String(setup.headers['set-cookie']?.find((value) => value.startsWith('spine_session=')) ?? '').split(';')[0]!;
  const ownerId = setup.body.user.id as number;
  const token = await call(agent, port, 'POST', '/api/v1/tokens', { body: { name: 'drill' }, headers: { cookie, origin } });
  if (token.status !== 201) throw new Error(`token: ${token.status} ${JSON.stringify(token.body)}`);
  const bearer = { authorization: `Bearer ${token.body.token}` };
  const project = await call(agent, port, 'POST', '/api/v1/projects', {
    body: { name: 'Crash drill', key: 'DRILL', members: [{ userId: ownerId, role: 'manager' }], reviewRequired: false },
    headers: bearer,
  });
  if (project.status !== 201) throw new Error(`project: ${project.status} ${JSON.stringify(project.body)}`);
  return { token: token.body.token, ownerId, projectId: project.body.id };
}

const NEXT_STATUS: Record<TaskStatus, TaskStatus[]> = {
  planned: ['in_progress'],
  in_progress: ['waiting', 'done'],
  waiting: ['in_progress'],
  done: ['in_progress'],
};

function statusBody(to: TaskStatus, from: string): Record<string, unknown> {
  if (to === 'waiting') return { status: to, reason: 'Waiting for the client', waitingOn: { external: 'Client' } };
  if (from === 'done') return { status: to, reason: 'Reopened by the drill' };
  return { status: to };
}

/** The connection was refused: the request never reached a server, so nothing can have happened. */
function refused(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
}

function same(a: Content, b: Content): boolean {
  return a.title === b.title && a.version === b.version && a.status === b.status;
}

function contentOf(body: { title: string; version: number; status: string }): Content {
  return { title: body.title, version: body.version, status: body.status };
}

/** One cycle of load: workers write until `running()` turns false (the server was killed). */
async function drive(port: number, org: Org, tasks: Map<number, Tracked>, running: () => boolean, seed: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: WORKERS });
  const auth = { authorization: `Bearer ${org.token}` };
  const busy = new Set<number>();
  const note = (status: number) => {
    counts.unexpectedStatuses += 1;
    unexpected[status] = (unexpected[status] ?? 0) + 1;
  };
  const worker = async (index: number) => {
    const random = new Random(seed * 100 + index);
    let serial = 0;
    while (running()) {
      const candidates = [...tasks.values()].filter((task) => !busy.has(task.id) && task.unanswered === undefined);
      const roll = random.next();
      if (candidates.length < 10 || roll < 0.35) {
        const title = `Drill ${seed}-${index}-${serial++}`;
        try {
          const reply = await call(agent, port, 'POST', '/api/v1/tasks', {
            body: { projectId: org.projectId, title, captainId: org.ownerId, deadline: '2031-01-31' },
            headers: auth,
          });
          if (reply.status === 201) {
            counts.createsAcknowledged += 1;
            tasks.set(reply.body.id, { id: reply.body.id, ...contentOf(reply.body) });
          } else note(reply.status);
        } catch (error) {
          if (!refused(error)) counts.createsUnanswered += 1;
        }
        continue;
      }
      const task = random.pick(candidates);
      busy.add(task.id);
      try {
        const editable = task.status !== 'done';
        if (editable && roll < 0.7) {
          const title = `${task.title.split(' ~')[0]} ~${seed}.${index}.${serial++}`;
          const attempt: Content = { title, version: task.version + 1, status: task.status };
          try {
            const reply = await call(agent, port, 'PATCH', `/api/v1/tasks/${task.id}`, {
              body: { title },
              headers: { ...auth, 'if-match': `"${task.version}"` },
            });
            if (reply.status === 200) {
              counts.updatesAcknowledged += 1;
              Object.assign(task, contentOf(reply.body));
              if (!same(task, attempt))
                problems.push(`PATCH ${task.id}: answered ${JSON.stringify(contentOf(reply.body))}, expected ${JSON.stringify(attempt)}`);
            } else note(reply.status);
          } catch (error) {
            if (!refused(error)) {
              counts.writesUnanswered += 1;
              task.unanswered = attempt;
            }
          }
        } else {
          const to = random.pick(NEXT_STATUS[task.status as TaskStatus]);
          const attempt: Content = { title: task.title, version: task.version + 1, status: to };
          try {
            const reply = await call(agent, port, 'POST', `/api/v1/tasks/${task.id}/status`, {
              body: statusBody(to, task.status),
              headers: auth,
            });
            if (reply.status === 200) {
              counts.statusAcknowledged += 1;
              Object.assign(task, contentOf(reply.body));
              if (!same(task, attempt))
                problems.push(`status ${task.id}: answered ${JSON.stringify(contentOf(reply.body))}, expected ${JSON.stringify(attempt)}`);
            } else note(reply.status);
          } catch (error) {
            if (!refused(error)) {
              counts.writesUnanswered += 1;
              task.unanswered = attempt;
            }
          }
        }
      } finally {
        busy.delete(task.id);
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));
  agent.destroy();
}

/** Reads every task of the project through the API (pages of 500) and compares with what was acknowledged. */
async function verify(port: number, org: Org, tasks: Map<number, Tracked>): Promise<number> {
  const agent = new http.Agent({ keepAlive: true });
  const stored = new Map<number, Content>();
  let cursor: string | null = null;
  do {
    const url = `/api/v1/tasks?projectId=${org.projectId}&sort=project&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
    const reply = await call(agent, port, 'GET', url, { headers: { authorization: `Bearer ${org.token}` } });
    if (reply.status !== 200) throw new Error(`verify: ${reply.status} ${JSON.stringify(reply.body)}`);
    for (const item of reply.body.items) stored.set(item.id, contentOf(item));
    cursor = reply.body.nextCursor;
  } while (cursor);
  agent.destroy();

  counts.verifications += 1;
  let matched = 0;
  for (const task of tasks.values()) {
    const found = stored.get(task.id);
    if (!found) {
      counts.missing += 1;
      problems.push(`task ${task.id} (acknowledged ${JSON.stringify(contentOf(task))}) is missing`);
      tasks.delete(task.id);
      continue;
    }
    if (task.unanswered) {
      // The write's answer was lost with the server: it either committed entirely or not at all.
      if (same(found, task.unanswered)) {
        counts.unansweredApplied += 1;
        matched += 1;
      } else if (same(found, task)) {
        counts.unansweredNotApplied += 1;
        matched += 1;
      } else {
        counts.mismatched += 1;
        problems.push(
          `task ${task.id}: stored ${JSON.stringify(found)}, expected ${JSON.stringify(contentOf(task))} or ${JSON.stringify(task.unanswered)}`,
        );
      }
      Object.assign(task, found);
      task.unanswered = undefined;
      continue;
    }
    if (!same(found, task)) {
      counts.mismatched += 1;
      problems.push(`task ${task.id}: stored ${JSON.stringify(found)}, acknowledged ${JSON.stringify(contentOf(task))}`);
      Object.assign(task, found);
    } else {
      matched += 1;
    }
  }
  return matched;
}

function sqliteIntegrity(dataDir: string): string {
  const handle = openSqliteHandle(path.join(dataDir, 'spine.db'));
  try {
    const integrity = String(handle.pragma('integrity_check', { simple: true }));
    const foreignKeys = handle.pragma('foreign_key_check') as unknown[];
    counts.integrityChecks += 1;
    return foreignKeys.length > 0 ? `${integrity}; ${foreignKeys.length} foreign key violations` : integrity;
  } finally {
    handle.close();
  }
}

async function postgresIndexCheck(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension if not exists amcheck');
    const indexes = await client.query<{ name: string }>(
      `select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
        join pg_namespace n on n.oid = c.relnamespace where a.amname = 'btree' and n.nspname = 'public'`,
    );
    for (const { name } of indexes.rows) await client.query('select bt_index_check($1::regclass, true)', [name]);
    return `ok (bt_index_check with heapallindexed on ${indexes.rows.length} indexes)`;
  } catch (error) {
    return `failed: ${String(error)}`;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const began = Date.now();
  const baseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-drill-'));
  const databaseName = `spine_drill_${process.pid}`;
  const admin = async (sqlText: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sqlText);
    } finally {
      await client.end();
    }
  };
  const databaseUrl = baseUrl ? withDatabaseName(baseUrl, databaseName) : undefined;
  if (baseUrl) {
    await admin(`drop database if exists ${databaseName} with (force)`);
    await admin(`create database ${databaseName}`);
  }
  const port = await freePort();
  const server = new ServerProcess(port, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
  });
  log(`${databaseUrl ? 'PostgreSQL' : 'SQLite'}; ${CYCLES} kill cycles, ${WORKERS} workers; data in ${dataDir}`);
  const tasks = new Map<number, Tracked>();
  let integrity = 'not run';
  try {
    await server.start();
    const org = await setUp(port);
    const random = new Random(7);
    for (let cycle = 1; cycle <= CYCLES && Date.now() - began < TIME_LIMIT_MS; cycle += 1) {
      let running = true;
      const load = drive(port, org, tasks, () => running, cycle);
      const loadMs = random.int(300, 2000);
      await new Promise((resolve) => setTimeout(resolve, loadMs));
      // Workers start no new request from here; those in flight die with the server.
      running = false;
      await server.kill();
      await load;
      counts.cycles += 1;
      if (!databaseUrl) {
        integrity = sqliteIntegrity(dataDir);
        if (integrity !== 'ok') problems.push(`cycle ${cycle}: integrity_check ${integrity}`);
      }
      await server.start();
      await verify(port, org, tasks);
      log(
        `cycle ${cycle}: killed after ${loadMs} ms; ${tasks.size} tasks, ${counts.createsAcknowledged} creates and ` +
          `${counts.updatesAcknowledged + counts.statusAcknowledged} updates acknowledged so far; missing ${counts.missing}, mismatched ${counts.mismatched}`,
      );
    }
    counts.verified = await verify(port, org, tasks);
    await server.kill();
    if (databaseUrl) integrity = await postgresIndexCheck(databaseUrl);
    else integrity = sqliteIntegrity(dataDir);
    if (!integrity.startsWith('ok')) problems.push(`final integrity: ${integrity}`);
  } finally {
    await server.kill();
    if (baseUrl) await admin(`drop database if exists ${databaseName} with (force)`).catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const seconds = ((Date.now() - began) / 1000).toFixed(0);
  console.log(`
Crash drill (${databaseUrl ? 'PostgreSQL' : 'SQLite'}), ${seconds} s
  kill cycles (SIGKILL under load):      ${counts.cycles}
  creates acknowledged (201):            ${counts.createsAcknowledged}
  updates acknowledged (PATCH 200):      ${counts.updatesAcknowledged}
  status changes acknowledged (200):     ${counts.statusAcknowledged}
  writes whose answer was lost:          ${counts.createsUnanswered} creates, ${counts.writesUnanswered} updates (${counts.unansweredApplied} had committed, ${counts.unansweredNotApplied} had not)
  unexpected statuses:                   ${counts.unexpectedStatuses}${counts.unexpectedStatuses > 0 ? ` ${JSON.stringify(unexpected)}` : ''}
  verification passes:                   ${counts.verifications}
  tasks verified at the end:             ${counts.verified}
  missing:                               ${counts.missing}
  mismatched:                            ${counts.mismatched}
  integrity:                             ${integrity}${databaseUrl ? '' : ` (integrity_check + foreign_key_check after each of ${counts.integrityChecks} stops)`}`);
  if (problems.length > 0) {
    console.log(
      `\nProblems:\n${problems
        .slice(0, 50)
        .map((problem) => `  - ${problem}`)
        .join('\n')}`,
    );
    process.exitCode = 1;
  } else {
    console.log('\nNo acknowledged write was lost.');
  }
}

await main();
