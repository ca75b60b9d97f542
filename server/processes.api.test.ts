// Real Spine processes: two servers sharing one PostgreSQL database, and a server killed between a
// change's commit and the email it causes.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { testEngine } from './test/harness.js';
import { startSmtp, type TestSmtp } from './test/smtp.js';

const root = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

interface SpineProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

async function startProcess(env: Record<string, string>): Promise<SpineProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli.ts'), 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`spine exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // starting
    }
    if (Date.now() > deadline) throw new Error('spine did not start');
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    url,
    child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}

/** A browser-like client: JSON with the session cookie and the page's Origin. */
function client(baseUrl: string) {
  let cookie = '';
  return {
    async call(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        headers: { 'content-type': 'application/json', origin: baseUrl, ...(cookie && { cookie }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) cookie = setCookie.split(';')[0]!;
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    get cookie() {
      return cookie;
    },
  };
}

/** Setup, a member invited with a password, a project and a task for the member. */
async function seed(baseUrl: string) {
  const owner = client(baseUrl);
  await owner.call('POST', '/api/v1/setup', {
    organizationName: 'Two Process Co',
    name: 'Olga Owner',
    email: 'olga@example.com',
    password: 'olga has a long password',
  });
  const manager = await owner.call('POST', '/api/v1/users', {
    name: 'Mona Manager',
    email: 'mona@example.com',
    role: 'manager',
    password: 'mona has a long password',
  });
  const member = await owner.call('POST', '/api/v1/users', {
    name: 'Mert Member',
    email: 'mert@example.com',
    role: 'member',
    password: 'mert has a long password',
  });
  const project = await owner.call('POST', '/api/v1/projects', {
    name: 'Website',
    key: 'WEB',
    members: [
      { userId: manager.body.id, role: 'manager' },
      { userId: member.body.id, role: 'member' },
    ],
  });
  const task = await owner.call('POST', '/api/v1/tasks', {
    projectId: project.body.id,
    title: 'Homepage copy',
    captainId: member.body.id,
    deadline: '2030-01-01',
  });
  return { owner, project: project.body, task: task.body };
}

async function signIn(baseUrl: string, email: string, password: string) {
  const person = client(baseUrl);
  const response = await person.call('POST', '/api/v1/auth/login', { email, password });
  expect(response.status).toBe(200);
  return person;
}

function readEvents(baseUrl: string, cookie: string): { types: string[]; close(): void } {
  const types: string[] = [];
  const request = http.get(`${baseUrl}/api/v1/events`, { headers: { cookie, accept: 'text/event-stream' } }, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/^event: (.+)$/gm)) types.push(match[1]!);
    });
  });
  request.on('error', () => {});
  return { types, close: () => request.destroy() };
}

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('several Spine processes', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A fresh database for these processes: a PostgreSQL schema, or a SQLite data directory. */
  async function freshDatabase(): Promise<Record<string, string>> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-processes-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    if (testEngine() !== 'postgres') return { DATA_DIR: dataDir, DATABASE_URL: '' };
    const url = process.env.TEST_DATABASE_URL!;
    const schema = `spine_proc_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    cleanups.push(async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema if exists ${schema} cascade`);
      await cleanup.end();
    });
    const separator = url.includes('?') ? '&' : '?';
    return { DATA_DIR: dataDir, DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}` };
  }

  it.runIf(testEngine() === 'postgres')('a change made through process A reaches a client connected to process B', async () => {
    const database = await freshDatabase();
    const [a, b] = await Promise.all([startProcess(database), startProcess(database)]);
    cleanups.push(
      () => a.stop(),
      () => b.stop(),
    );
    const { task } = await seed(a.url);
    const managerOnB = await signIn(b.url, 'mona@example.com', 'mona has a long password');
    const stream = readEvents(b.url, managerOnB.cookie);
    cleanups.push(async () => stream.close());
    await new Promise((resolve) => setTimeout(resolve, 300));

    const memberOnA = await signIn(a.url, 'mert@example.com', 'mert has a long password');
    expect((await memberOnA.call('POST', `/api/v1/tasks/${task.id}/status`, { status: 'in_progress' })).status).toBe(200);
    await waitFor(() => stream.types.includes('task.status_changed'));
  });

  it('delivers the email of a change committed just before the process was killed, exactly once', async () => {
    const smtp: TestSmtp = await startSmtp();
    cleanups.push(() => smtp.stop());
    const database = await freshDatabase();
    // This process commits changes but sends nothing (as if killed right after the commit).
    const first = await startProcess({ ...database, SMTP_URL: smtp.url, RUN_JOBS: 'false' });
    cleanups.push(() => first.stop());
    const { task } = await seed(first.url);
    const member = await signIn(first.url, 'mert@example.com', 'mert has a long password');
    await member.call('POST', `/api/v1/tasks/${task.id}/status`, { status: 'in_progress' });
    const moved = await member.call('POST', `/api/v1/tasks/${task.id}/status`, {
      status: 'waiting',
      reason: 'Waiting for the brand guide',
      waitingOn: { external: 'Client marketing' },
    });
    expect(moved.status).toBe(200);
    await first.stop('SIGKILL');
    expect(smtp.messages).toEqual([]);

    const second = await startProcess({ ...database, SMTP_URL: smtp.url });
    cleanups.push(() => second.stop());
    await waitFor(() => smtp.messages.some((mail) => mail.to.includes('mona@example.com') && mail.subject.includes('waiting')), 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const waitingMails = smtp.messages.filter((mail) => mail.to.includes('mona@example.com') && mail.subject.includes('waiting'));
    expect(waitingMails).toHaveLength(1);
    expect(waitingMails[0]!.text).toContain('Waiting for the brand guide');
  });
});
