/**
 * Query plans of the heavy reads, from the SQL the repository really compiles: each target runs once
 * through a Kysely whose `log` hook keeps the compiled statement, which is then explained
 * (SQLite `EXPLAIN QUERY PLAN`, PostgreSQL `EXPLAIN (ANALYZE, BUFFERS)`) and timed directly.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Schema } from '../../server/db/schema.js';

export type PlanConnection = { engine: 'sqlite'; handle: BetterSqlite3.Database } | { engine: 'postgres'; pool: pg.Pool };

export interface PlanTarget {
  name: string;
  run(db: Kysely<Schema>): Promise<unknown>;
}

export interface PlanResult {
  name: string;
  sql: string;
  parameters: readonly unknown[];
  plan: string[];
  /** Median of direct executions of the statement (no HTTP, no mapping). */
  medianMs: number;
  rows: number;
}

export function captureKysely(connection: PlanConnection, captured: CompiledQuery[]): Kysely<Schema> {
  const log = (event: { level: string; query: CompiledQuery }) => {
    if (event.level === 'query') captured.push(event.query);
  };
  return connection.engine === 'sqlite'
    ? new Kysely<Schema>({ dialect: new SqliteDialect({ database: connection.handle }), log })
    : new Kysely<Schema>({ dialect: new PostgresDialect({ pool: connection.pool }), log });
}

/** SQLite's plan rows as an indented tree, like the sqlite3 shell prints it. */
export function sqlitePlan(handle: BetterSqlite3.Database, sqlText: string, parameters: readonly unknown[]): string[] {
  const rows = handle.prepare(`explain query plan ${sqlText}`).all(...parameters) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((row) => {
    const level = (depth.get(row.parent) ?? -1) + 1;
    depth.set(row.id, level);
    return `${'  '.repeat(level)}${row.detail}`;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function explain(connection: PlanConnection, targets: readonly PlanTarget[], repeat = 15): Promise<PlanResult[]> {
  const results: PlanResult[] = [];
  for (const target of targets) {
    const captured: CompiledQuery[] = [];
    const db = captureKysely(connection, captured);
    await target.run(db);
    const query = captured.at(-1);
    if (!query) throw new Error(`${target.name}: no statement captured`);
    const parameters = query.parameters;
    const timings: number[] = [];
    let rows = 0;
    let plan: string[];
    if (connection.engine === 'sqlite') {
      plan = sqlitePlan(connection.handle, query.sql, parameters);
      const statement = connection.handle.prepare(query.sql);
      for (let index = 0; index < repeat; index += 1) {
        const begin = performance.now();
        rows = statement.all(...parameters).length;
        timings.push(performance.now() - begin);
      }
    } else {
      const explained = await connection.pool.query(`explain (analyze, buffers) ${query.sql}`, [...parameters]);
      plan = explained.rows.map((row: Record<string, string>) => row['QUERY PLAN']!);
      for (let index = 0; index < repeat; index += 1) {
        const begin = performance.now();
        rows = (await connection.pool.query(query.sql, [...parameters])).rowCount ?? 0;
        timings.push(performance.now() - begin);
      }
    }
    results.push({ name: target.name, sql: query.sql, parameters, plan, medianMs: median(timings), rows });
  }
  return results;
}
