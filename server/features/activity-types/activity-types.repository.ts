/** The organization's activity types: its vocabulary for kinds of work, on tasks and time entries. */
import { type Kysely, sql } from 'kysely';
import type { ActivityType } from '../../../shared/projects.js';
import type { Engine } from '../../db/database.js';
import { fromStoredBool } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';

const ACTIVITY_TYPES_LOCK_KEY = 7_274_633;

/** Holds the organization's activity type list until the transaction ends (SQLite transactions are serialized already). */
export async function lockActivityTypes(db: Kysely<Schema>, engine: Engine, organizationId: number): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(${ACTIVITY_TYPES_LOCK_KEY}::integer, ${organizationId}::integer)`.execute(db);
}

function toActivityType(row: {
  id: number;
  key: string;
  name: string;
  color: string;
  billable: boolean | number;
  active: boolean | number;
  position: number;
}): ActivityType {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    color: row.color,
    billable: fromStoredBool(row.billable),
    active: fromStoredBool(row.active),
    position: row.position,
  };
}

/** All of the organization's activity types, active or not, in list order. */
export async function listActivityTypes(db: Kysely<Schema>, organizationId: number): Promise<ActivityType[]> {
  const rows = await db
    .selectFrom('activity_types')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toActivityType);
}

export async function findActivityType(db: Kysely<Schema>, organizationId: number, id: number): Promise<ActivityType | undefined> {
  const row = await db
    .selectFrom('activity_types')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toActivityType(row);
}

export async function insertActivityType(
  db: Kysely<Schema>,
  organizationId: number,
  type: Omit<ActivityType, 'id'>,
): Promise<ActivityType> {
  const row = await db
    .insertInto('activity_types')
    .values({
      organization_id: organizationId,
      key: type.key,
      name: type.name,
      color: type.color,
      billable: type.billable,
      active: type.active,
      position: type.position,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toActivityType(row);
}

export async function updateActivityType(
  db: Kysely<Schema>,
  id: number,
  changes: { name?: string | undefined; color?: string | undefined; billable?: boolean | undefined; active?: boolean | undefined },
): Promise<void> {
  const set = {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.color !== undefined && { color: changes.color }),
    ...(changes.billable !== undefined && { billable: changes.billable }),
    ...(changes.active !== undefined && { active: changes.active }),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('activity_types').set(set).where('id', '=', id).execute();
}

/** Writes positions 0, 1, 2… in the order given, touching only rows whose position changes. */
export async function setActivityTypeOrder(
  db: Kysely<Schema>,
  types: readonly ActivityType[],
  orderedIds: readonly number[],
): Promise<void> {
  const current = new Map(types.map((type) => [type.id, type.position]));
  for (const [position, id] of orderedIds.entries()) {
    if (current.get(id) === position) continue;
    await db.updateTable('activity_types').set({ position }).where('id', '=', id).execute();
  }
}

export const DEFAULT_ACTIVITY_TYPES = [
  { key: 'design', name: 'Design', color: '#8b5cf6', billable: true },
  { key: 'development', name: 'Development', color: '#2563eb', billable: true },
  { key: 'writing', name: 'Writing', color: '#0d9488', billable: true },
  { key: 'meeting', name: 'Meeting', color: '#d97706', billable: true },
  { key: 'support', name: 'Support', color: '#dc2626', billable: true },
  { key: 'admin', name: 'Admin', color: '#64748b', billable: false },
] as const;

export async function insertDefaultActivityTypes(db: Kysely<Schema>, organizationId: number): Promise<void> {
  await db
    .insertInto('activity_types')
    .values(
      DEFAULT_ACTIVITY_TYPES.map((type, position) => ({
        organization_id: organizationId,
        key: type.key,
        name: type.name,
        color: type.color,
        billable: type.billable,
        active: true,
        position,
      })),
    )
    .execute();
}
