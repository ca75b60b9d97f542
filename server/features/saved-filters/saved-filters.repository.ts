/** Saved filters in SQL, both engines. */
import type { Kysely } from 'kysely';
import type { SavedFilter } from '../../../shared/tasks.js';
import { isoFromStored, toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';

function toSavedFilter(row: { id: number; name: string; query: string; created_at: Date | string }): SavedFilter {
  return { id: row.id, name: row.name, query: JSON.parse(row.query) as Record<string, string>, createdAt: isoFromStored(row.created_at) };
}

export async function listSavedFilters(db: Kysely<Schema>, organizationId: number, userId: number): Promise<SavedFilter[]> {
  const rows = await db
    .selectFrom('saved_filters')
    .select(['id', 'name', 'query', 'created_at'])
    .where('user_id', '=', userId)
    .where('organization_id', '=', organizationId)
    .orderBy('id')
    .execute();
  return rows.map(toSavedFilter);
}

export async function insertSavedFilter(
  db: Kysely<Schema>,
  filter: { organizationId: number; userId: number; name: string; query: Record<string, string> },
  now: Date,
): Promise<SavedFilter> {
  const row = await db
    .insertInto('saved_filters')
    .values({
      organization_id: filter.organizationId,
      user_id: filter.userId,
      name: filter.name,
      query: JSON.stringify(filter.query),
      created_at: toStored(now),
    })
    .returning(['id', 'name', 'query', 'created_at'])
    .executeTakeFirstOrThrow();
  return toSavedFilter(row);
}

/** Deletes one of the user's own filters; false when they have none with this id. */
export async function deleteSavedFilter(db: Kysely<Schema>, organizationId: number, userId: number, filterId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('saved_filters')
    .where('id', '=', filterId)
    .where('user_id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
