// Live updates: an ordered log of changes per organization, read by open screens and by other processes.
import type { Kysely } from 'kysely';
import type { MigrationEngine } from './index.js';

export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  const timestamp = engine === 'postgres' ? 'timestamptz' : 'text';
  // Taking the next number locks the organization's row until commit, so numbers commit in order.
  await db.schema
    .alterTable('organizations')
    .addColumn('event_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('events')
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('project_id', 'integer')
    .addColumn('task_id', 'integer')
    .addColumn('actor_id', 'integer')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('events_pk', ['organization_id', 'seq'])
    .execute();
}
