/**
 * Live-update benchmark: a real Spine process with 1,000 Server-Sent-Event clients connected (several
 * per person, people spread over many projects). Status changes in one project are seen by 50 of
 * them; this measures commit-to-receipt latency (p50/p99), checks nobody else receives them, and
 * reads the server's RSS. `npm run bench:live` (SQLite; DATABASE_URL for PostgreSQL).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/db/database.js';
import { migrate } from '../server/db/migrate.js';
import { toStored } from '../server/db/rows.js';
import { hashSecret, newSecret } from '../server/features/auth/secrets.js';
import { insertOrganization } from '../server/features/organizations/organizations.repository.js';
import { ranksAfter } from '../server/features/tasks/rank.js';

const root = path.resolve(import.meta.dirname, '..');
const PEOPLE = 250;
const CONNECTIONS_PER_PERSON = 4;
const PROJECTS = 100;
/** People in the measured project; with its connections and the owner's they make 50 clients. */
const WATCHERS = 12;
const CHANGES = Number(process.env.BENCH_LIVE_CHANGES ?? 100);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) * 1024;
}

async function seed(dataDir: string, databaseUrl: string | undefined) {
  const database = openDatabase({ dataDir, databaseUrl });
  await migrate(database);
  const { db } = database;
  const now = new Date();
  const organization = await insertOrganization(db, 'Live Bench Co', now);
  const sessions: { userId: number; secret: string }[] = [];
  await db.transaction().execute(async (tx) => {
    const users = await tx
      .insertInto('users')
      .values(
        Array.from({ length: PEOPLE + 1 }, (_, index) => ({
          email: `live-${index}-${now.getTime()}@bench.example`,
          name: index === 0 ? 'Owner' : `Person ${index}`,
          password_hash: null,
          locale: 'en',
          is_instance_admin: false,
          last_organization_id: organization.id,
          created_at: toStored(now),
          updated_at: toStored(now),
        })),
      )
      .returning('id')
      .execute();
    const ids = users.map((user) => user.id);
    await tx
      .insertInto('memberships')
      .values(
        ids.map((userId, index) => ({
          organization_id: organization.id,
          user_id: userId,
          role: index === 0 ? 'owner' : 'member',
          capacity_minutes: 2400,
          active: true,
          created_at: toStored(now),
          updated_at: toStored(now),
        })),
      )
      .execute();
    const projects = await tx
      .insertInto('projects')
      .values(
        Array.from({ length: PROJECTS }, (_, index) => ({
          organization_id: organization.id,
          client_id: null,
          key: `L${index}`,
          name: `Live project ${index}`,
          description: '',
          start_date: null,
          end_date: null,
          state: 'active',
          review_required: true,
          created_by: ids[0]!,
          created_at: toStored(now),
          updated_at: toStored(now),
        })),
      )
      .returning('id')
      .execute();
    const projectIds = projects.map((project) => project.id);
    // The first WATCHERS people are in the measured project (and a few others); everyone else is elsewhere.
    const members: { project_id: number; user_id: number; organization_id: number; role: string; created_at: string }[] = [];
    ids.slice(1).forEach((userId, index) => {
      const own = index < WATCHERS ? [0] : [];
      const others = [1 + (index % (PROJECTS - 1)), 1 + ((index * 7) % (PROJECTS - 1)), 1 + ((index * 13) % (PROJECTS - 1))];
      for (const projectIndex of new Set([...own, ...others])) {
        members.push({
          project_id: projectIds[projectIndex]!,
          user_id: userId,
          organization_id: organization.id,
          role: index === 0 ? 'manager' : 'member',
          created_at: toStored(now),
        });
      }
    });
    for (let start = 0; start < members.length; start += 500)
      await tx
        .insertInto('project_members')
        .values(members.slice(start, start + 500))
        .execute();
    const captain = ids[1]!;
    const ranks = ranksAfter(null, CHANGES);
    const tasks = Array.from({ length: CHANGES }, (_, index) => ({
      organization_id: organization.id,
      project_id: projectIds[0]!,
      number: index + 1,
      title: `Live task ${index + 1}`,
      description: '',
      status: 'planned',
      captain_id: captain,
      created_by: ids[0]!,
      deadline: '2030-01-01',
      deadline_at: toStored(new Date('2030-01-02T00:00:00Z')),
      queue_rank: ranks[index]!,
      project_rank: ranks[index]!,
      created_at: toStored(now),
      updated_at: toStored(now),
      status_changed_at: toStored(now),
    }));
    await tx.insertInto('tasks').values(tasks).execute();
    await tx
      .updateTable('projects')
      .set({ next_task_number: CHANGES + 1 })
      .where('id', '=', projectIds[0]!)
      .execute();
    for (const userId of ids) {
      for (let connection = 0; connection < (userId === ids[0] ? 2 : CONNECTIONS_PER_PERSON); connection += 1) {
        const secret = newSecret();
        sessions.push({ userId, secret });
        await tx
          .insertInto('sessions')
          .values({
            token_hash: hashSecret(secret),
            user_id: userId,
            organization_id: organization.id,
            created_at: toStored(now),
            last_seen_at: toStored(now),
            expires_at: toStored(new Date(now.getTime() + 86400_000)),
          })
          .execute();
      }
    }
  });
  const taskIds = (await db.selectFrom('tasks').select('id').where('organization_id', '=', organization.id).orderBy('id').execute()).map(
    (row) => row.id,
  );
  const watcherIds = new Set(
    (
      await db
        .selectFrom('project_members')
        .select('user_id')
        .where(
          'project_id',
          '=',
          (
            await db
              .selectFrom('projects')
              .select('id')
              .where('key', '=', 'L0')
              .where('organization_id', '=', organization.id)
              .executeTakeFirstOrThrow()
          ).id,
        )
        .execute()
    ).map((row) => row.user_id),
  );
  await database.close();
  return {
    sessions,
    taskIds,
    captainSecret: sessions.find((session) => session.userId === [...watcherIds][0])!.secret,
    watcherIds,
    ownerId: sessions[0]!.userId,
  };
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-bench-live-'));
  const seeded = await seed(dataDir, databaseUrl);
  // The captain of the measured tasks is the first watcher (project index 0's first member).
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli.ts'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      LOG_LEVEL: 'error',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const rssIdle = rssOf(child.pid!);

  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const latencies: number[] = [];
  const received = new Map<number, number>();
  let strayDeliveries = 0;
  let connected = 0;
  const requests: http.ClientRequest[] = [];
  await Promise.all(
    seeded.sessions.map(
      ({ userId, secret }) =>
        new Promise<void>((resolve, reject) => {
          const request = http.get(
            `${url}/api/v1/events`,
            { agent, headers: { cookie: `spine_session=${secret}`, accept: 'text/event-stream' } },
            (response) => {
              if (response.statusCode !== 200) return reject(new Error(`stream ${response.statusCode}`));
              connected += 1;
              resolve();
              response.setEncoding('utf8');
              let buffer = '';
              response.on('data', (chunk: string) => {
                buffer += chunk;
                for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
                  const block = buffer.slice(0, end);
                  buffer = buffer.slice(end + 2);
                  const data = block.match(/^data: (.*)$/m)?.[1];
                  if (!data || !block.includes('event: task.status_changed')) continue;
                  const event = JSON.parse(data) as { seq: number; at: string };
                  latencies.push(Date.now() - Date.parse(event.at));
                  received.set(event.seq, (received.get(event.seq) ?? 0) + 1);
                  if (!seeded.watcherIds.has(userId) && userId !== seeded.ownerId) strayDeliveries += 1;
                }
              });
            },
          );
          request.on('error', reject);
          requests.push(request);
        }),
    ),
  );
  const rssConnected = rssOf(child.pid!);

  const captainCookie = `spine_session=${seeded.captainSecret}`;
  const started = Date.now();
  for (const taskId of seeded.taskIds) {
    const response = await fetch(`${url}/api/v1/tasks/${taskId}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: captainCookie, origin: url },
      body: JSON.stringify({ status: 'in_progress' }),
    });
    if (!response.ok) throw new Error(`status change failed: ${response.status} ${await response.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const deadline = Date.now() + 10_000;
  const expectedPerChange = [...seeded.sessions].filter(
    (session) => seeded.watcherIds.has(session.userId) || session.userId === seeded.ownerId,
  ).length;
  while (latencies.length < seeded.taskIds.length * expectedPerChange && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
  const elapsed = (Date.now() - started) / 1000;
  const rssPeak = rssOf(child.pid!);

  for (const request of requests) request.destroy();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const result = {
    engine: databaseUrl ? 'postgres' : 'sqlite',
    connections: connected,
    clientsPerChange: expectedPerChange,
    changes: seeded.taskIds.length,
    deliveries: latencies.length,
    missing: seeded.taskIds.length * expectedPerChange - latencies.length,
    strayDeliveries,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1),
    rss: { idle: mb(rssIdle), connected: mb(rssConnected), afterChanges: mb(rssPeak) },
    seconds: elapsed,
  };
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `\nLive updates (${result.engine}): ${result.connections} SSE clients, ${result.changes} status changes each seen by ${result.clientsPerChange} clients: ` +
      `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (target p99 < 100 ms), missing ${result.missing}, wrongly delivered ${result.strayDeliveries}; ` +
      `server RSS ${result.rss.idle} idle → ${result.rss.connected} with clients → ${result.rss.afterChanges}.`,
  );
  if (result.missing > 0 || result.strayDeliveries > 0) process.exitCode = 1;
}

await main();
