/**
 * Opens the database: SQLite (embedded default) or PostgreSQL (DATABASE_URL), both behind one Kysely.
 * Every statement is counted, so benchmarks and tests can see statements per request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  readonly engine: Engine;
  readonly db: Kysely<Schema>;
  /** The SQLite file; undefined on PostgreSQL. */
  readonly sqliteFile: string | undefined;
  /** The raw better-sqlite3 handle (backups); undefined on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database | undefined;
  /** Statements run since the database was opened (benchmarks divide it by requests). */
  readonly statementsExecuted: number;
  /** Counts statements run inside `countStatements(fn)` on this async path. */
  countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** SQLite file name inside dataDir. */
  sqliteFileName?: string;
  /** PostgreSQL schema to use (tests run each in its own). */
  pgSchema?: string;
  pgPoolSize?: number;
}

// int8 (count(*), sums) as numbers: Spine's counts and minor-unit sums stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));
// date columns stay 'YYYY-MM-DD' strings: a deadline date has no time zone.
pg.types.setTypeParser(1082, (value) => value);

const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 re-prepares per call (~35 µs each); this keeps prepared statements by SQL text
 * and converts the parameter types SQLite cannot bind (booleans, Dates).
 */
function cachedSqlite(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  const bind = (parameters: ReadonlyArray<unknown>): unknown[] =>
    parameters.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value instanceof Date ? value.toISOString() : value));
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let statement = cache.get(sql);
      if (statement) {
        // Refresh its place so the map's insertion order approximates least-recently-used.
        cache.delete(sql);
        cache.set(sql, statement);
        return statement;
      }
      const prepared = database.prepare(sql);
      statement = {
        reader: prepared.reader,
        all: (parameters) => prepared.all(...bind(parameters)),
        run: (parameters) => prepared.run(...bind(parameters)),
        iterate: (parameters) => prepared.iterate(...bind(parameters)),
      };
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

export function openSqliteHandle(file: string, options: { readonly?: boolean } = {}): BetterSqlite3.Database {
  const database = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  database.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    database.pragma('journal_mode = WAL');
  }
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // 64 MiB of page cache (the default 2 MiB thrashes on a large database).
  database.pragma('cache_size = -65536');
  // Keep the planner's statistics current; the limit keeps the first analysis of a big file short.
  if (!options.readonly) {
    database.pragma('analysis_limit = 1000');
    database.pragma('optimize = 0x10002');
  }
  return database;
}

export function openDatabase(options: OpenOptions): Database {
  const statementCounter = new AsyncLocalStorage<{ count: number }>();
  let statementsExecuted = 0;
  const log = (): void => {
    statementsExecuted += 1;
    const store = statementCounter.getStore();
    if (store) store.count += 1;
  };
  const countStatements = async <T>(fn: () => Promise<T>) => {
    const store = { count: 0 };
    const result = await statementCounter.run(store, fn);
    return { result, statements: store.count };
  };

  if (options.databaseUrl) {
    const schema = options.pgSchema;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.pgPoolSize ?? 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }), log });
    return {
      engine: 'postgres',
      get statementsExecuted() {
        return statementsExecuted;
      },
      db,
      sqliteFile: undefined,
      sqlite: undefined,
      countStatements,
      close: () => db.destroy(),
    };
  }

  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, options.sqliteFileName ?? 'spine.db');
  const sqlite = openSqliteHandle(file);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachedSqlite(sqlite) }), log });
  const optimizer = setInterval(() => {
    try {
      sqlite.pragma('optimize');
    } catch {
      // Busy: next hour.
    }
  }, 3600_000);
  optimizer.unref();
  return {
    engine: 'sqlite',
    get statementsExecuted() {
      return statementsExecuted;
    },
    db,
    sqliteFile: file,
    sqlite,
    countStatements,
    close: () => {
      clearInterval(optimizer);
      return db.destroy();
    },
  };
}
