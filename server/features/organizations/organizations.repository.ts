import type { Kysely, Selectable } from 'kysely';
import type { UpdateOrganizationBody } from '../../../shared/api.js';
import { isoFromStored, toStored } from '../../db/rows.js';
import type { OrganizationsTable, Schema } from '../../db/schema.js';
import { insertDefaultActivityTypes } from '../activity-types/activity-types.repository.js';
import { DEFAULT_SETTINGS, formatWorkingDays, type Organization, parseWorkingDays } from './organization.js';

function toOrganization(row: Selectable<OrganizationsTable>): Organization {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    currency: row.currency,
    weekStart: row.week_start,
    workingDays: parseWorkingDays(row.working_days),
    workdayStart: row.workday_start,
    workdayEnd: row.workday_end,
    digestTime: row.digest_time,
    createdAt: isoFromStored(row.created_at),
  };
}

export async function insertOrganization(db: Kysely<Schema>, name: string, now: Date): Promise<Organization> {
  const row = await db
    .insertInto('organizations')
    .values({
      name,
      time_zone: DEFAULT_SETTINGS.timeZone,
      currency: DEFAULT_SETTINGS.currency,
      week_start: DEFAULT_SETTINGS.weekStart,
      working_days: formatWorkingDays(DEFAULT_SETTINGS.workingDays),
      workday_start: DEFAULT_SETTINGS.workdayStart,
      workday_end: DEFAULT_SETTINGS.workdayEnd,
      created_at: toStored(now),
      updated_at: toStored(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertDefaultActivityTypes(db, row.id);
  return toOrganization(row);
}

export async function findOrganization(db: Kysely<Schema>, id: number): Promise<Organization | undefined> {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOrganization(row);
}

export async function listOrganizations(db: Kysely<Schema>): Promise<Organization[]> {
  const rows = await db.selectFrom('organizations').selectAll().orderBy('id').execute();
  return rows.map(toOrganization);
}

export async function updateOrganization(
  db: Kysely<Schema>,
  id: number,
  changes: UpdateOrganizationBody,
  now: Date,
): Promise<Organization> {
  const row = await db
    .updateTable('organizations')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.timeZone !== undefined && { time_zone: changes.timeZone }),
      ...(changes.currency !== undefined && { currency: changes.currency }),
      ...(changes.weekStart !== undefined && { week_start: changes.weekStart }),
      ...(changes.workingDays !== undefined && { working_days: formatWorkingDays(changes.workingDays) }),
      ...(changes.workdayStart !== undefined && { workday_start: changes.workdayStart }),
      ...(changes.workdayEnd !== undefined && { workday_end: changes.workdayEnd }),
      ...(changes.digestTime !== undefined && { digest_time: changes.digestTime }),
      updated_at: toStored(now),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrganization(row);
}
