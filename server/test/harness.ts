/**
 * Test harness: a real database per test file (a temp SQLite file, or a fresh PostgreSQL schema when
 * SPINE_TEST_ENGINE=postgres), the real app, and helpers that speak HTTP through `inject`.
 */
import { randomBytes } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.js';
import { type Database, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import type { Clock, Deps } from '../deps.js';
import { argon2Hasher } from '../features/auth/password.js';
import { type AppOptions, buildApp, type App } from '../http/app.js';
import { composeDeps } from '../compose.js';
import type { JobRunner } from '../jobs/queue.js';

export const TEST_ORIGIN = 'http://spine.test';

export type TestEngine = 'sqlite' | 'postgres';

export function testEngine(): TestEngine {
  return process.env.SPINE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

/** A clock tests can move. */
export class TestClock implements Clock {
  private current: Date;
  constructor(start = new Date()) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestDatabase {
  database: Database;
  dataDir: string;
  /** PostgreSQL schema of this test database (LISTEN connections need it). */
  pgSchema?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the engine under test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-test-'));
  if (testEngine() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('SPINE_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
    const schema = `spine_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const database = openDatabase({ databaseUrl: url, dataDir, pgSchema: schema, pgPoolSize: 4 });
    await migrate(database);
    return {
      database,
      dataDir,
      pgSchema: schema,
      drop: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop schema if exists ${schema} cascade`);
        await cleanup.end();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const database = openDatabase({ dataDir });
  await migrate(database);
  return {
    database,
    dataDir,
    drop: async () => {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: undefined,
    publicUrl: TEST_ORIGIN,
    secureCookies: false,
    logLevel: 'silent',
    uploadLimitBytes: 25 * 1024 * 1024,
    trustProxy: false,
    smtpUrl: undefined,
    mailFrom: 'Spine <spine@spine.test>',
    runJobs: false,
    ...overrides,
  };
}

export interface Caller {
  cookie?: string;
  token?: string;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  as?: Caller;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: any;
  text: string;
  /** The session cookie the response set, ready to send back. */
  sessionCookie: string | undefined;
}

export interface TestContext {
  app: App;
  deps: Deps;
  /** The job runner (not polling): tests run due jobs with `jobs.runDue()`. */
  jobs: JobRunner;
  clock: TestClock;
  request(options: RequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
}

/** The real app on a fresh database. Cookie requests carry the app's own Origin, as a browser would. */
export async function createTestContext(options: AppOptions & { config?: Partial<Config> } = {}): Promise<TestContext> {
  const testDatabase = await createTestDatabase();
  const clock = new TestClock();
  const config = testConfig(testDatabase.dataDir, {
    ...(testEngine() === 'postgres' && { databaseUrl: process.env.TEST_DATABASE_URL }),
    ...options.config,
  });
  const composed = await composeDeps(config, testDatabase.database, {
    clock,
    passwords: argon2Hasher,
    ...(testDatabase.pgSchema && { pgSchema: testDatabase.pgSchema }),
  });
  const deps: Deps = composed.deps;
  const app = await buildApp(deps, {
    logger: false,
    authRateLimit: options.authRateLimit ?? { max: 1000, timeWindow: 60_000 },
    webRoot: options.webRoot ?? path.join(testDatabase.dataDir, 'no-web'),
  });
  await app.ready();

  const request = async ({ method = 'GET', url, as, body, headers = {} }: RequestOptions): Promise<TestResponse> => {
    const allHeaders: Record<string, string> = { ...headers };
    if (as?.cookie) {
      allHeaders.cookie = `spine_session=${as.cookie}`;
      if (method !== 'GET' && !('origin' in headers)) allHeaders.origin = TEST_ORIGIN;
    }
    if (as?.token) allHeaders.authorization = `Bearer ${as.token}`;
    const response = await app.inject({
      method,
      url,
      headers: allHeaders,
      ...(body !== undefined && { payload: body as Record<string, unknown> }),
    });
    const setCookie = response.cookies.find((cookie) => cookie.name === 'spine_session');
    const contentType = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      headers: response.headers,
      text: response.body,
      body: contentType.includes('json') && response.body ? JSON.parse(response.body) : undefined,
      sessionCookie: setCookie && setCookie.value !== '' ? setCookie.value : undefined,
    };
  };

  return {
    app,
    deps,
    clock,
    request,
    jobs: composed.runner,
    close: async () => {
      await composed.close();
      await app.close();
      await testDatabase.drop();
    },
  };
}
