import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngine } from '../test/harness.js';
import { createReader, type Reader } from './read-worker.js';

describe('reader for long reads', () => {
  let database: TestDatabase;
  let reader: Reader;
  beforeEach(async () => {
    database = await createTestDatabase();
    reader = createReader(database.database);
  });
  afterEach(async () => {
    await reader.close();
    await database.drop();
  });

  const count = (minimum: number, flag: boolean) =>
    sql<{
      n: number;
      flag: number;
    }>`select count(*) as n, case when ${flag} then 1 else 0 end as flag from spine_migrations where length(name) >= ${minimum}`.compile(
      database.database.db,
    );

  it('answers each statement’s rows, with parameters bound as on the main connection', async () => {
    const [all, none] = await reader.read([count(1, true), count(10_000, false)]);
    expect(Number(all[0]!.n)).toBeGreaterThan(0);
    expect(Number(none[0]!.n)).toBe(0);
    expect([all[0]!.flag, none[0]!.flag]).toEqual([1, 0]);
    expect(reader.mode).toBe(testEngine() === 'postgres' ? 'pool' : 'worker');
  });

  it('fails a broken statement and keeps answering the next ones', async () => {
    const broken = sql`select * from no_such_table`.compile(database.database.db);
    await expect(reader.read([broken])).rejects.toThrow(/no_such_table/);
    const [rows] = await reader.read([count(1, false)]);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });

  it.skipIf(testEngine() === 'postgres')('refuses writes on SQLite: the worker’s connection is read-only', async () => {
    const write = sql`delete from spine_migrations returning name`.compile(database.database.db);
    await expect(reader.read([write])).rejects.toThrow(/readonly|read-only/i);
  });

  it.skipIf(testEngine() === 'postgres')('after closing, fails the reads in flight and refuses new ones', async () => {
    const slow = sql<{
      n: number;
    }>`with recursive r(i) as (select 1 union all select i + 1 from r where i < 3000000) select count(*) as n from r`.compile(
      database.database.db,
    );
    const inFlight = expect(reader.read([slow])).rejects.toThrow(/closed/);
    await reader.close();
    await inFlight;
    await expect(reader.read([count(1, false)])).rejects.toThrow(/closing/);
  });
});
