/**
 * Bulk writers for the seed: multi-row INSERTs in large transactions on one SQLite connection, and
 * `insert … select * from unnest($1::int[], …)` batches on PostgreSQL (one parameter per column).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';

export type ColumnType = 'int' | 'text' | 'bool' | 'timestamptz';
export type Columns = readonly (readonly [name: string, type: ColumnType])[];
export type Row = unknown[];

export interface BulkWriter {
  readonly engine: 'sqlite' | 'postgres';
  insert(table: string, columns: Columns, rows: readonly Row[]): Promise<void>;
  /** Waits for inserts still in flight and commits what the writer has open. */
  flush(): Promise<void>;
  run(sqlText: string, parameters?: unknown[]): Promise<void>;
  all<T>(sqlText: string, parameters?: unknown[]): Promise<T[]>;
}

const SQLITE_MAX_PARAMETERS = 32_000;
const SQLITE_ROWS_PER_TRANSACTION = 200_000;

export function sqliteWriter(handle: BetterSqlite3.Database): BulkWriter {
  const statements = new Map<string, BetterSqlite3.Statement>();
  let inTransaction = false;
  let rowsInTransaction = 0;
  const statement = (table: string, columns: Columns, count: number) => {
    const key = `${table}:${count}`;
    let prepared = statements.get(key);
    if (!prepared) {
      const one = `(${columns.map(() => '?').join(',')})`;
      prepared = handle.prepare(
        `insert into ${table} (${columns.map(([name]) => name).join(',')}) values ${Array(count).fill(one).join(',')}`,
      );
      statements.set(key, prepared);
    }
    return prepared;
  };
  const bind = (value: unknown, type: ColumnType) => (type === 'bool' ? (value ? 1 : 0) : value);
  return {
    engine: 'sqlite',
    async insert(table, columns, rows) {
      if (!inTransaction) {
        handle.exec('begin');
        inTransaction = true;
      }
      const batch = Math.max(1, Math.min(500, Math.floor(SQLITE_MAX_PARAMETERS / columns.length)));
      for (let start = 0; start < rows.length; start += batch) {
        const chunk = rows.slice(start, start + batch);
        const values: unknown[] = [];
        for (const row of chunk) {
          for (let index = 0; index < columns.length; index += 1) values.push(bind(row[index], columns[index]![1]));
        }
        statement(table, columns, chunk.length).run(...values);
      }
      rowsInTransaction += rows.length;
      if (rowsInTransaction >= SQLITE_ROWS_PER_TRANSACTION) {
        handle.exec('commit');
        inTransaction = false;
        rowsInTransaction = 0;
      }
    },
    async flush() {
      if (inTransaction) handle.exec('commit');
      inTransaction = false;
      rowsInTransaction = 0;
    },
    async run(sqlText, parameters = []) {
      handle.prepare(sqlText).run(...parameters);
    },
    async all<T>(sqlText: string, parameters: unknown[] = []) {
      return handle.prepare(sqlText).all(...parameters) as T[];
    },
  };
}

const PG_ROWS_PER_STATEMENT = 5_000;
const PG_IN_FLIGHT = 2;

export function postgresWriter(pool: pg.Pool): BulkWriter {
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  let lastTable: string | undefined;
  const track = (promise: Promise<void>) => {
    const tracked = promise.catch((error) => {
      failure ??= error;
    });
    pending.add(tracked);
    void tracked.finally(() => pending.delete(tracked));
  };
  const waitBelow = async (limit: number) => {
    while (pending.size >= limit) await Promise.race(pending);
    if (failure) throw failure;
  };
  return {
    engine: 'postgres',
    async insert(table, columns, rows) {
      // Batches of one table run two at a time; another table's rows may reference them, so they wait.
      if (table !== lastTable) await waitBelow(1);
      lastTable = table;
      const text = `insert into ${table} (${columns.map(([name]) => name).join(',')}) select * from unnest(${columns
        .map(([, type], index) => `$${index + 1}::${type}[]`)
        .join(',')})`;
      for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
        const arrays = columns.map((_, index) => chunk.map((row) => row[index] ?? null));
        await waitBelow(PG_IN_FLIGHT);
        track(pool.query(text, arrays).then(() => undefined));
      }
    },
    async flush() {
      await waitBelow(1);
    },
    async run(sqlText, parameters = []) {
      await pool.query(sqlText, parameters);
    },
    async all<T>(sqlText: string, parameters: unknown[] = []) {
      return (await pool.query(sqlText, parameters)).rows as T[];
    },
  };
}
