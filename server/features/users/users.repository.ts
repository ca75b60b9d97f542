import type { Kysely, Selectable } from 'kysely';
import type { Locale, Person } from '../../../shared/api.js';
import type { Role } from '../../../shared/roles.js';
import { fromStoredBool, isoFromStored, toStored } from '../../db/rows.js';
import type { Schema, UsersTable } from '../../db/schema.js';

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  passwordHash: string | null;
  locale: Locale;
  isInstanceAdmin: boolean;
  lastOrganizationId: number | null;
}

export interface MembershipRecord {
  organizationId: number;
  organizationName: string;
  role: Role;
  active: boolean;
}

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    locale: row.locale === 'tr' ? 'tr' : 'en',
    isInstanceAdmin: fromStoredBool(row.is_instance_admin),
    lastOrganizationId: row.last_organization_id,
  };
}

export async function countUsers(db: Kysely<Schema>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function findUserById(db: Kysely<Schema>, id: number): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserByEmail(db: Kysely<Schema>, email: string): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  return row && toUser(row);
}

export async function insertUser(
  db: Kysely<Schema>,
  user: { email: string; name: string; passwordHash: string | null; isInstanceAdmin: boolean; locale?: Locale; lastOrganizationId: number },
  now: Date,
): Promise<UserRecord> {
  const row = await db
    .insertInto('users')
    .values({
      email: user.email.toLowerCase(),
      name: user.name,
      password_hash: user.passwordHash,
      locale: user.locale ?? 'en',
      is_instance_admin: user.isInstanceAdmin,
      last_organization_id: user.lastOrganizationId,
      created_at: toStored(now),
      updated_at: toStored(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function updateUser(
  db: Kysely<Schema>,
  id: number,
  changes: { name?: string; email?: string; passwordHash?: string; locale?: Locale; lastOrganizationId?: number },
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.email !== undefined && { email: changes.email.toLowerCase() }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
      ...(changes.locale !== undefined && { locale: changes.locale }),
      ...(changes.lastOrganizationId !== undefined && { last_organization_id: changes.lastOrganizationId }),
      updated_at: toStored(now),
    })
    .where('id', '=', id)
    .execute();
}

/** The organizations a user belongs to, active memberships first by name. */
export async function listMemberships(db: Kysely<Schema>, userId: number): Promise<MembershipRecord[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.organization_id')
    .select(['m.organization_id', 'o.name', 'm.role', 'm.active'])
    .where('m.user_id', '=', userId)
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
  return rows.map((row) => ({
    organizationId: row.organization_id,
    organizationName: row.name,
    role: row.role as Role,
    active: fromStoredBool(row.active),
  }));
}

export async function insertMembership(
  db: Kysely<Schema>,
  membership: { organizationId: number; userId: number; role: Role; capacityMinutes: number },
  now: Date,
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({
      organization_id: membership.organizationId,
      user_id: membership.userId,
      role: membership.role,
      capacity_minutes: membership.capacityMinutes,
      active: true,
      created_at: toStored(now),
      updated_at: toStored(now),
    })
    .execute();
}

export async function updateMembership(
  db: Kysely<Schema>,
  organizationId: number,
  userId: number,
  changes: { role?: Role; active?: boolean; capacityMinutes?: number },
  now: Date,
): Promise<void> {
  await db
    .updateTable('memberships')
    .set({
      ...(changes.role !== undefined && { role: changes.role }),
      ...(changes.active !== undefined && { active: changes.active }),
      ...(changes.capacityMinutes !== undefined && { capacity_minutes: changes.capacityMinutes }),
      updated_at: toStored(now),
    })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .execute();
}

/** Active owners of an organization; the last one may not be demoted or deactivated. */
export async function countActiveOwners(db: Kysely<Schema>, organizationId: number): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'owner')
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function peopleQuery(db: Kysely<Schema>, organizationId: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.password_hash', 'm.role', 'm.capacity_minutes', 'm.active', 'm.created_at'])
    .where('m.organization_id', '=', organizationId);
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof peopleQuery>['executeTakeFirstOrThrow']>>;

function toPerson(row: PersonRow): Person {
  const active = fromStoredBool(row.active);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    capacityHours: row.capacity_minutes / 60,
    active,
    state: !active ? 'deactivated' : row.password_hash === null ? 'invited' : 'active',
    createdAt: isoFromStored(row.created_at),
  };
}

export async function listPeople(db: Kysely<Schema>, organizationId: number): Promise<Person[]> {
  const rows = await peopleQuery(db, organizationId).orderBy('u.name').orderBy('u.id').execute();
  return rows.map(toPerson);
}

export async function findPerson(db: Kysely<Schema>, organizationId: number, userId: number): Promise<Person | undefined> {
  const row = await peopleQuery(db, organizationId).where('u.id', '=', userId).executeTakeFirst();
  return row && toPerson(row);
}
