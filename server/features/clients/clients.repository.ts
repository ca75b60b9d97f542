/** The organization's clients: the companies its projects are for. */
import type { Kysely } from 'kysely';
import type { Client } from '../../../shared/projects.js';
import { isoFromStored, toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';

function toClient(row: {
  id: number;
  name: string;
  contact: string;
  notes: string;
  created_at: Date | string;
  updated_at: Date | string;
}): Client {
  return {
    id: row.id,
    name: row.name,
    contact: row.contact,
    notes: row.notes,
    createdAt: isoFromStored(row.created_at),
    updatedAt: isoFromStored(row.updated_at),
  };
}

export async function listClients(db: Kysely<Schema>, organizationId: number): Promise<Client[]> {
  const rows = await db.selectFrom('clients').selectAll().where('organization_id', '=', organizationId).orderBy('name').execute();
  return rows.map(toClient);
}

export async function findClient(db: Kysely<Schema>, organizationId: number, clientId: number): Promise<Client | undefined> {
  const row = await db
    .selectFrom('clients')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', clientId)
    .executeTakeFirst();
  return row && toClient(row);
}

export async function insertClient(
  db: Kysely<Schema>,
  organizationId: number,
  client: { name: string; contact: string; notes: string },
  now: Date,
): Promise<Client> {
  const row = await db
    .insertInto('clients')
    .values({ organization_id: organizationId, ...client, created_at: toStored(now), updated_at: toStored(now) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toClient(row);
}

export async function updateClient(
  db: Kysely<Schema>,
  organizationId: number,
  clientId: number,
  changes: { name?: string | undefined; contact?: string | undefined; notes?: string | undefined },
  now: Date,
): Promise<Client | undefined> {
  const row = await db
    .updateTable('clients')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.contact !== undefined && { contact: changes.contact }),
      ...(changes.notes !== undefined && { notes: changes.notes }),
      updated_at: toStored(now),
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', clientId)
    .returningAll()
    .executeTakeFirst();
  return row && toClient(row);
}
