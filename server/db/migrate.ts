/**
 * Applies pending migrations in one transaction under a lock, so two processes starting at once
 * neither race nor half-apply: PostgreSQL takes an advisory lock, SQLite a write lock (BEGIN IMMEDIATE).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';
import { type Migration, migrations as allMigrations } from './migrations/index.js';

const ADVISORY_LOCK_KEY = 7_274_631; // any constant shared by every Spine process

export interface MigrationResult {
  applied: string[];
}

async function ensureTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('spine_migrations')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .execute();
}

async function applyPending(db: Kysely<any>, database: Database, migrations: readonly Migration[]): Promise<string[]> {
  await ensureTable(db);
  const done = new Set((await db.selectFrom('spine_migrations').select('name').execute()).map((row: { name: string }) => row.name));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    await migration.up(db, database.engine);
    await db.insertInto('spine_migrations').values({ name: migration.name, applied_at: new Date().toISOString() }).execute();
    applied.push(migration.name);
  }
  return applied;
}

export async function migrate(database: Database, migrations: readonly Migration[] = allMigrations): Promise<MigrationResult> {
  if (database.engine === 'postgres') {
    const applied = await database.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`.execute(tx);
      return applyPending(tx as Kysely<any>, database, migrations);
    });
    return { applied };
  }
  const applied = await database.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const names = await applyPending(connection as Kysely<any>, database, migrations);
      await sql`commit`.execute(connection);
      return names;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
  return { applied };
}

/** True when every known migration has been applied (readiness). */
export async function isMigrated(database: Database): Promise<boolean> {
  try {
    const rows = await (database.db as Kysely<any>).selectFrom('spine_migrations').select('name').execute();
    const done = new Set(rows.map((row: { name: string }) => row.name));
    return allMigrations.every((migration) => done.has(migration.name));
  } catch {
    return false;
  }
}
