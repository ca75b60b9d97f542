/**
 * `npm run spine -- <command>`: serve, migrate, create-user, reset-password, backup, restore.
 * Administrative commands work on the same DATA_DIR / DATABASE_URL as the server.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { EmailSchema, PersonNameSchema } from '../shared/api.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { type Database, openDatabase, openSqliteHandle } from './db/database.js';
import { migrate } from './db/migrate.js';
import { deleteSessionsOfUser } from './features/auth/auth.repository.js';
import { argon2Hasher } from './features/auth/password.js';
import { insertOrganization } from './features/organizations/organizations.repository.js';
import { DEFAULT_CAPACITY_MINUTES } from './features/users/person.js';
import {
  findUserByEmail,
  insertMembership,
  insertUser,
  listMemberships,
  updateMembership,
  updateUser,
} from './features/users/users.repository.js';
import { serve, serverLockFile } from './main.js';

const USAGE = `Usage: spine <command> [options]

  serve                              start the server (applies migrations first)
  migrate                            apply pending migrations and exit
  create-user --email E --name N [--organization ID] [--password P]
                                     recovery: make E an owner (of the first organization,
                                     or a new one when none exists); prints a password if none given
  reset-password --email E [--password P]
                                     set a new password (printed if generated) and end E's sessions
  backup <file>                      SQLite: consistent online copy, safe while the server runs
  restore <file>                     SQLite: replace the database with a backup (server must be stopped)

Configuration comes from the environment (PORT, HOST, DATA_DIR, DATABASE_URL, PUBLIC_URL, LOG_LEVEL).`;

class UsageError extends Error {}

function generatedPassword(): string {
  return randomBytes(15).toString('base64url');
}

async function withDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgPoolSize: 2 });
  try {
    await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

function parsed<T>(schema: z.ZodType<T>, value: unknown, option: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(`--${option}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

async function createUser(config: Config, values: Record<string, string | boolean | undefined>): Promise<void> {
  const email = parsed(EmailSchema, values.email, 'email');
  const name = parsed(PersonNameSchema, values.name, 'name');
  const password = typeof values.password === 'string' ? values.password : generatedPassword();
  if (password.length < 10) throw new UsageError('--password: use at least 10 characters');
  const organizationOption = typeof values.organization === 'string' ? Number(values.organization) : undefined;
  const passwordHash = await argon2Hasher.hash(password);
  await withDatabase(config, async ({ db }) => {
    const now = new Date();
    await db.transaction().execute(async (tx) => {
      let organizationId = organizationOption;
      if (organizationId === undefined) {
        const first = await tx.selectFrom('organizations').select('id').orderBy('id').limit(1).executeTakeFirst();
        organizationId = first?.id ?? (await insertOrganization(tx, 'My company', now)).id;
      } else if (!(await tx.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst())) {
        throw new UsageError(`--organization: there is no organization ${organizationId}`);
      }
      const isFirstUser = !(await tx.selectFrom('users').select('id').limit(1).executeTakeFirst());
      const existing = await findUserByEmail(tx, email);
      const user =
        existing ??
        (await insertUser(tx, { email, name, passwordHash, isInstanceAdmin: isFirstUser, lastOrganizationId: organizationId }, now));
      if (existing) await updateUser(tx, existing.id, { passwordHash }, now);
      const membership = (await listMemberships(tx, user.id)).find((m) => m.organizationId === organizationId);
      if (membership) await updateMembership(tx, organizationId, user.id, { role: 'owner', active: true }, now);
      else {
        await insertMembership(tx, { organizationId, userId: user.id, role: 'owner', capacityMinutes: DEFAULT_CAPACITY_MINUTES }, now);
      }
      console.log(`${email} is an owner of organization ${organizationId}.`);
    });
  });
  if (typeof values.password !== 'string') console.log(`Password: ${password}`);
}

async function resetPassword(config: Config, values: Record<string, string | boolean | undefined>): Promise<void> {
  const email = parsed(EmailSchema, values.email, 'email');
  const password = typeof values.password === 'string' ? values.password : generatedPassword();
  if (password.length < 10) throw new UsageError('--password: use at least 10 characters');
  const passwordHash = await argon2Hasher.hash(password);
  await withDatabase(config, async ({ db }) => {
    const user = await findUserByEmail(db, email);
    if (!user) throw new UsageError(`There is no account with the email ${email}.`);
    await db.transaction().execute(async (tx) => {
      await updateUser(tx, user.id, { passwordHash }, new Date());
      await deleteSessionsOfUser(tx, user.id);
    });
  });
  console.log(`The password of ${email} was changed and their sessions were ended.`);
  if (typeof values.password !== 'string') console.log(`Password: ${password}`);
}

function sqliteFile(config: Config): string {
  if (config.databaseUrl) {
    throw new UsageError(
      'On PostgreSQL use its own tools: `pg_dump --format=custom "$DATABASE_URL" > spine.dump` to back up and ' +
        '`pg_restore --clean --if-exists --dbname "$DATABASE_URL" spine.dump` to restore (stop Spine first). Uploaded files in DATA_DIR are copied separately.',
    );
  }
  return path.join(config.dataDir, 'spine.db');
}

async function backup(config: Config, target: string | undefined): Promise<void> {
  if (!target) throw new UsageError('backup: name the file to write, e.g. `backup spine-2026-11-21.db`');
  const source = sqliteFile(config);
  if (!fs.existsSync(source)) throw new UsageError(`There is no database at ${source}.`);
  const handle = openSqliteHandle(source);
  try {
    // SQLite's online backup API: a consistent snapshot even while the server writes.
    await handle.backup(path.resolve(target));
  } finally {
    handle.close();
  }
  console.log(`Backed up ${source} to ${path.resolve(target)}.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function restore(config: Config, source: string | undefined): Promise<void> {
  if (!source) throw new UsageError('restore: name the backup file to restore');
  const target = sqliteFile(config);
  const lock = serverLockFile(config);
  if (fs.existsSync(lock)) {
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    if (Number.isInteger(pid) && isRunning(pid)) {
      throw new UsageError(`A Spine server (pid ${pid}) is running on ${config.dataDir}. Stop it, then restore.`);
    }
  }
  if (!fs.existsSync(source)) throw new UsageError(`There is no file ${source}.`);
  let check: ReturnType<typeof openSqliteHandle> | undefined;
  try {
    check = openSqliteHandle(source, { readonly: true });
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new UsageError(`${source} is damaged: ${String(integrity)}`);
    check.prepare('select name from spine_migrations limit 1').all();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${source} is not a Spine backup.`);
  } finally {
    check?.close();
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  const staging = `${target}.restoring`;
  fs.copyFileSync(source, staging);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(staging, target);
  console.log(`Restored ${target} from ${source}.`);
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      organization: { type: 'string' },
      dev: { type: 'boolean' },
    },
  });
  try {
    const config = loadConfig();
    switch (command) {
      case 'serve':
        await serve(config);
        return -1; // keeps running
      case 'migrate':
        await withDatabase(config, async () => {});
        console.log('The database is up to date.');
        return 0;
      case 'create-user':
        await createUser(config, values);
        return 0;
      case 'reset-password':
        await resetPassword(config, values);
        return 0;
      case 'backup':
        await backup(config, positionals[0]);
        return 0;
      case 'restore':
        await restore(config, positionals[0]);
        return 0;
      default:
        console.log(USAGE);
        return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
}

const code = await main(process.argv.slice(2));
if (code >= 0) process.exit(code);
