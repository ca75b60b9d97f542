/** The organization's people as the pickers need them. */
import type { Kysely } from 'kysely';
import { fromStoredBool } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';

/** Everyone active in the organization, for pickers (captains, members, waited-on persons). */
export async function listDirectory(
  db: Kysely<Schema>,
  organizationId: number,
): Promise<{ id: number; name: string; role: string; active: boolean }[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'm.role', 'm.active'])
    .where('m.organization_id', '=', organizationId)
    .orderBy('u.name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, role: row.role, active: fromStoredBool(row.active) }));
}
