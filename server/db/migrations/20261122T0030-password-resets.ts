// Self-service password resets: a single-use link by email, valid for an hour.
import type { Kysely } from 'kysely';
import type { MigrationEngine } from './index.js';

export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  const timestamp = engine === 'postgres' ? 'timestamptz' : 'text';
  await db.schema
    .createTable('password_resets')
    .addColumn('id', engine === 'postgres' ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .addColumn('used_at', timestamp)
    .execute();
  await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();
}
