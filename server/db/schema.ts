/**
 * The tables as Kysely sees them (snake_case, as stored). Timestamps are written as ISO-8601 UTC
 * strings and read back as strings (SQLite) or Dates (PostgreSQL); booleans read as 0/1 on SQLite.
 * `db/rows.ts` maps both to domain values.
 */
import type { ColumnType, Generated, SqlBool } from 'kysely';

export type Timestamp = ColumnType<Date | string, string, string>;
export type Bool = ColumnType<SqlBool, boolean, boolean>;

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  time_zone: string;
  currency: string;
  week_start: number;
  /** ISO weekdays joined by commas, e.g. "1,2,3,4,5". */
  working_days: string;
  workday_start: string;
  workday_end: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased; unique per install. */
  email: string;
  name: string;
  /** Null until an invited person sets a password. */
  password_hash: string | null;
  locale: string;
  is_instance_admin: Bool;
  last_organization_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MembershipsTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  role: string;
  capacity_minutes: number;
  active: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  organization_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** Absolute expiry; idle expiry is derived from last_seen_at. */
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  organization_id: number;
  user_id: number;
  token_hash: string;
  created_by: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface MigrationsTable {
  name: string;
  applied_at: string;
}

export interface Schema {
  organizations: OrganizationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  spine_migrations: MigrationsTable;
}
