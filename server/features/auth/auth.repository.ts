/** Sessions, API tokens and invitations: rows keyed by the SHA-256 of a secret, never the secret. */
import type { Kysely } from 'kysely';
import type { ApiToken } from '../../../shared/api.js';
import type { Role } from '../../../shared/roles.js';
import { fromStored, fromStoredBool, isoFromStored, optionalIsoFromStored, toStored } from '../../db/rows.js';
import type { Schema } from '../../db/schema.js';

export interface CredentialRecord {
  id: number;
  userId: number;
  organizationId: number;
  role: Role;
  membershipActive: boolean;
  isInstanceAdmin: boolean;
  lastSeenAt: Date;
  expiresAt: Date | null;
}

export async function insertSession(
  db: Kysely<Schema>,
  session: { tokenHash: string; userId: number; organizationId: number; expiresAt: Date },
  now: Date,
): Promise<number> {
  const row = await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      organization_id: session.organizationId,
      created_at: toStored(now),
      last_seen_at: toStored(now),
      expires_at: toStored(session.expiresAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The session with the caller's membership in its organization, in one statement. */
export async function findSessionByHash(db: Kysely<Schema>, tokenHash: string): Promise<CredentialRecord | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('memberships as m', (join) => join.onRef('m.user_id', '=', 's.user_id').onRef('m.organization_id', '=', 's.organization_id'))
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.organization_id', 's.last_seen_at', 's.expires_at', 'm.role', 'm.active', 'u.is_instance_admin'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    organizationId: row.organization_id,
    role: row.role as Role,
    membershipActive: fromStoredBool(row.active),
    isInstanceAdmin: fromStoredBool(row.is_instance_admin),
    lastSeenAt: fromStored(row.last_seen_at),
    expiresAt: fromStored(row.expires_at),
  };
}

export async function touchSession(db: Kysely<Schema>, id: number, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: toStored(now) })
    .where('id', '=', id)
    .execute();
}

export async function setSessionOrganization(db: Kysely<Schema>, id: number, organizationId: number): Promise<void> {
  await db.updateTable('sessions').set({ organization_id: organizationId }).where('id', '=', id).execute();
}

export async function deleteSession(db: Kysely<Schema>, id: number): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user, optionally keeping one (the one changing the password). */
export async function deleteSessionsOfUser(db: Kysely<Schema>, userId: number, exceptSessionId?: number): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId !== undefined) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Kysely<Schema>, idleBefore: Date, now: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', toStored(now)), eb('last_seen_at', '<', toStored(idleBefore))]))
    .execute();
}

export async function insertApiToken(
  db: Kysely<Schema>,
  token: { organizationId: number; userId: number; name: string; prefix: string; tokenHash: string },
  now: Date,
): Promise<ApiToken> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      organization_id: token.organizationId,
      user_id: token.userId,
      name: token.name,
      prefix: token.prefix,
      token_hash: token.tokenHash,
      created_at: toStored(now),
    })
    .returning(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: isoFromStored(row.created_at),
    lastUsedAt: optionalIsoFromStored(row.last_used_at),
  };
}

export async function findApiTokenByHash(db: Kysely<Schema>, tokenHash: string): Promise<CredentialRecord | undefined> {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('memberships as m', (join) => join.onRef('m.user_id', '=', 't.user_id').onRef('m.organization_id', '=', 't.organization_id'))
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.user_id', 't.organization_id', 't.last_used_at', 'm.role', 'm.active', 'u.is_instance_admin'])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    organizationId: row.organization_id,
    role: row.role as Role,
    membershipActive: fromStoredBool(row.active),
    isInstanceAdmin: fromStoredBool(row.is_instance_admin),
    lastSeenAt: row.last_used_at === null ? new Date(0) : fromStored(row.last_used_at),
    expiresAt: null,
  };
}

export async function touchApiToken(db: Kysely<Schema>, id: number, now: Date): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: toStored(now) })
    .where('id', '=', id)
    .execute();
}

export async function listApiTokens(db: Kysely<Schema>, userId: number, organizationId: number): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('organization_id', '=', organizationId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: isoFromStored(row.created_at),
    lastUsedAt: optionalIsoFromStored(row.last_used_at),
  }));
}

/** Deletes one of the user's own tokens in this organization; false when there is none. */
export async function deleteApiToken(db: Kysely<Schema>, id: number, userId: number, organizationId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('api_tokens')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteApiTokensOfMembership(db: Kysely<Schema>, userId: number, organizationId: number): Promise<void> {
  await db.deleteFrom('api_tokens').where('user_id', '=', userId).where('organization_id', '=', organizationId).execute();
}

export async function deleteSessionsOfMembership(db: Kysely<Schema>, userId: number, organizationId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('organization_id', '=', organizationId).execute();
}

export interface InvitationRecord {
  id: number;
  organizationId: number;
  organizationName: string;
  userId: number;
  email: string;
  name: string;
  hasPassword: boolean;
  expiresAt: Date;
  usedAt: Date | null;
  membershipActive: boolean;
}

export async function insertInvitation(
  db: Kysely<Schema>,
  invitation: { organizationId: number; userId: number; tokenHash: string; createdBy: number; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db
    .insertInto('invitations')
    .values({
      organization_id: invitation.organizationId,
      user_id: invitation.userId,
      token_hash: invitation.tokenHash,
      created_by: invitation.createdBy,
      created_at: toStored(now),
      expires_at: toStored(invitation.expiresAt),
    })
    .execute();
}

/** A new link replaces the old ones: only the newest invitation of a membership works. */
export async function revokeOpenInvitations(db: Kysely<Schema>, userId: number, organizationId: number, now: Date): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ used_at: toStored(now) })
    .where('user_id', '=', userId)
    .where('organization_id', '=', organizationId)
    .where('used_at', 'is', null)
    .execute();
}

export async function findInvitationByHash(db: Kysely<Schema>, tokenHash: string): Promise<InvitationRecord | undefined> {
  const row = await db
    .selectFrom('invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .innerJoin('memberships as m', (join) => join.onRef('m.user_id', '=', 'i.user_id').onRef('m.organization_id', '=', 'i.organization_id'))
    .select([
      'i.id',
      'i.organization_id',
      'o.name as organization_name',
      'i.user_id',
      'u.email',
      'u.name',
      'u.password_hash',
      'i.expires_at',
      'i.used_at',
      'm.active',
    ])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    hasPassword: row.password_hash !== null,
    expiresAt: fromStored(row.expires_at),
    usedAt: row.used_at === null ? null : fromStored(row.used_at),
    membershipActive: fromStoredBool(row.active),
  };
}

/** Marks the invitation used; false when another request used it first. */
export async function useInvitation(db: Kysely<Schema>, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ used_at: toStored(now) })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
