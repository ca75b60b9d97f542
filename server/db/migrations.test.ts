import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/harness.js';
import { isMigrated, migrate } from './migrate.js';
import { migrations } from './migrations/index.js';

describe('migrations', () => {
  let testDatabase: TestDatabase | undefined;
  afterEach(async () => {
    await testDatabase?.drop();
  });

  it('bring an empty database to the latest version, and a second run applies nothing', async () => {
    testDatabase = await createTestDatabase();
    const { database } = testDatabase;
    expect(await isMigrated(database)).toBe(true);
    const rows = await database.db.selectFrom('spine_migrations').select('name').execute();
    expect(rows.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));
    expect((await migrate(database)).applied).toEqual([]);
  });

  it('apply once when two runners start at the same time', async () => {
    testDatabase = await createTestDatabase();
    const { database } = testDatabase;
    const probe = {
      name: '29990101T0000-probe',
      up: async (db: any) => db.schema.createTable('probe').addColumn('id', 'integer').execute(),
    };
    const results = await Promise.all([migrate(database, [...migrations, probe]), migrate(database, [...migrations, probe])]);
    expect(results.flatMap((result) => result.applied)).toEqual([probe.name]);
    await sql`select count(*) from probe`.execute(database.db);
  });

  it('leave nothing behind when a migration fails', async () => {
    testDatabase = await createTestDatabase();
    const { database } = testDatabase;
    const broken = {
      name: '29990101T0001-broken',
      up: async (db: any) => {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        throw new Error('boom');
      },
    };
    await expect(migrate(database, [...migrations, broken])).rejects.toThrow('boom');
    await expect(sql`select count(*) from half_done`.execute(database.db)).rejects.toThrow();
    expect(await isMigrated(database)).toBe(true);
  });
});
