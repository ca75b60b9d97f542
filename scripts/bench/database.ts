/**
 * The bench database: a fresh SQLite file (cached between runs with BENCH_REUSE=1), or a fresh
 * PostgreSQL database created next to DATABASE_URL's and dropped afterwards (with BENCH_REUSE=1 a
 * seeded template database is kept and each run clones it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { insertOrganization } from '../../server/features/organizations/organizations.repository.js';
import { type SeedSummary, seed } from './seed.js';
import { postgresWriter, sqliteWriter } from './writer.js';

/** Bump when the seed changes, so cached databases are not reused across versions. */
const SEED_VERSION = 6;

export interface BenchDatabase {
  engine: 'sqlite' | 'postgres';
  dataDir: string;
  /** The run's PostgreSQL URL; undefined on SQLite. */
  databaseUrl: string | undefined;
  sqliteFile: string | undefined;
  summary: SeedSummary;
  seedSeconds: number;
  reused: boolean;
  /** Bytes on disk (SQLite file, or pg_database_size). */
  sizeBytes: number;
  cleanup(): Promise<void>;
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function seedInto(
  databaseUrl: string | undefined,
  dataDir: string,
  sizes: { tasks: number; timeEntries: number },
  log: (message: string) => void,
): Promise<SeedSummary> {
  const database = openDatabase({ databaseUrl, dataDir, pgPoolSize: 3 });
  try {
    await migrate(database);
    const organization = await insertOrganization(database.db, 'Bench Studio', new Date());
    if (database.sqlite) {
      const handle = database.sqlite;
      handle.pragma('journal_mode = OFF');
      handle.pragma('synchronous = OFF');
      handle.pragma('cache_size = -1000000');
      handle.pragma('temp_store = memory');
      const summary = await seed(sqliteWriter(handle), { organizationId: organization.id, ...sizes, log });
      handle.pragma('journal_mode = WAL');
      handle.pragma('synchronous = FULL');
      return summary;
    }
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    try {
      const summary = await seed(postgresWriter(pool), { organizationId: organization.id, ...sizes, log });
      log('seed: vacuum analyze');
      await pool.query('vacuum analyze');
      return summary;
    } finally {
      await pool.end();
    }
  } finally {
    await database.close();
  }
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function prepareDatabase(options: {
  tasks: number;
  timeEntries: number;
  reuse: boolean;
  databaseUrl: string | undefined;
  dataDir: string | undefined;
  log: (message: string) => void;
}): Promise<BenchDatabase> {
  const { tasks, timeEntries, reuse, log } = options;
  const sizes = { tasks, timeEntries };
  const cacheDir = path.join(os.tmpdir(), 'spine-bench-cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'spine-bench-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const removeDataDir = options.dataDir === undefined;

  if (!options.databaseUrl) {
    const file = path.join(dataDir, 'spine.db');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    const cached = path.join(cacheDir, `sqlite-${tasks}-${timeEntries}-v${SEED_VERSION}.db`);
    let summary: SeedSummary;
    let seedSeconds = 0;
    let reused = false;
    if (reuse && fs.existsSync(cached) && fs.existsSync(`${cached}.json`)) {
      log(`reusing the seeded database ${cached}`);
      fs.copyFileSync(cached, file);
      ({ summary, seedSeconds } = JSON.parse(fs.readFileSync(`${cached}.json`, 'utf8')) as { summary: SeedSummary; seedSeconds: number });
      reused = true;
    } else {
      const begin = performance.now();
      summary = await seedInto(undefined, dataDir, sizes, log).catch((error: unknown) => {
        if (removeDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
        throw error;
      });
      seedSeconds = (performance.now() - begin) / 1000;
      if (reuse) {
        fs.copyFileSync(file, cached);
        fs.writeFileSync(`${cached}.json`, JSON.stringify({ summary, seedSeconds }));
      }
    }
    return {
      engine: 'sqlite',
      dataDir,
      databaseUrl: undefined,
      sqliteFile: file,
      summary,
      seedSeconds,
      reused,
      sizeBytes: fs.statSync(file).size,
      cleanup: async () => {
        if (removeDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  const baseUrl = options.databaseUrl;
  const runName = `spine_bench_run_${process.pid}`;
  const templateName = `spine_bench_tpl_${tasks}_${timeEntries}_v${SEED_VERSION}`;
  const summaryFile = path.join(cacheDir, `${templateName}.json`);
  let summary: SeedSummary;
  let seedSeconds = 0;
  let reused = false;
  await admin(baseUrl, (client) => client.query(`drop database if exists ${runName} with (force)`));
  const templateExists = await admin(baseUrl, async (client) => {
    const result = await client.query('select 1 from pg_database where datname = $1', [templateName]);
    return (result.rowCount ?? 0) > 0;
  });
  if (reuse && templateExists && fs.existsSync(summaryFile)) {
    log(`cloning the seeded template database ${templateName}`);
    await admin(baseUrl, (client) => client.query(`create database ${runName} template ${templateName}`));
    ({ summary, seedSeconds } = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as { summary: SeedSummary; seedSeconds: number });
    reused = true;
  } else {
    const target = reuse ? templateName : runName;
    await admin(baseUrl, async (client) => {
      await client.query(`drop database if exists ${target} with (force)`);
      await client.query(`create database ${target}`);
    });
    const begin = performance.now();
    summary = await seedInto(withDatabaseName(baseUrl, target), dataDir, sizes, log).catch(async (error: unknown) => {
      // A half-seeded database must not be taken for a finished template by the next run.
      await admin(baseUrl, (client) => client.query(`drop database if exists ${target} with (force)`));
      if (removeDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      throw error;
    });
    seedSeconds = (performance.now() - begin) / 1000;
    if (reuse) {
      fs.writeFileSync(summaryFile, JSON.stringify({ summary, seedSeconds }));
      await admin(baseUrl, (client) => client.query(`create database ${runName} template ${templateName}`));
    }
  }
  const databaseUrl = withDatabaseName(baseUrl, runName);
  const sizeBytes = await admin(databaseUrl, async (client) => {
    const result = await client.query<{ size: string }>('select pg_database_size(current_database()) as size');
    return Number(result.rows[0]!.size);
  });
  return {
    engine: 'postgres',
    dataDir,
    databaseUrl,
    sqliteFile: undefined,
    summary,
    seedSeconds,
    reused,
    sizeBytes,
    cleanup: async () => {
      await admin(baseUrl, (client) => client.query(`drop database if exists ${runName} with (force)`));
      if (removeDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
