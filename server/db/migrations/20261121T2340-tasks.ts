// Task nodes and their workflow: clients, projects, members, milestones, activity types, tasks,
// collaborators, labels, dependencies, history, comments, attachments, search, saved filters, idempotency.
import { type Kysely, sql } from 'kysely';
import type { MigrationEngine } from './index.js';

const DEFAULT_ACTIVITY_TYPES = [
  ['design', 'Design', '#8b5cf6', 1],
  ['development', 'Development', '#2563eb', 1],
  ['writing', 'Writing', '#0d9488', 1],
  ['meeting', 'Meeting', '#d97706', 1],
  ['support', 'Support', '#dc2626', 1],
  ['admin', 'Admin', '#64748b', 0],
] as const;

export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  const pg = engine === 'postgres';
  const id = pg ? 'serial' : 'integer';
  const timestamp = pg ? 'timestamptz' : 'text';
  const bool = pg ? 'boolean' : 'integer';
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');
  const user = (c: any) => c.references('users.id');
  const rankType = pg ? sql`text collate "C"` : 'text';

  await db.schema
    .createTable('clients')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clients_organization').on('clients').columns(['organization_id', 'name']).execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('client_id', 'integer', (c) => c.references('clients.id').onDelete('set null'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('review_required', bool, (c) => c.notNull())
    .addColumn('next_task_number', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', user)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('projects_organization_key', ['organization_id', 'key'])
    .execute();

  await db.schema
    .createTable('project_members')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('project_members_pk', ['project_id', 'user_id'])
    .execute();
  await db.schema.createIndex('project_members_user').on('project_members').columns(['user_id', 'project_id']).execute();

  await db.schema
    .createTable('milestones')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('deliverables', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('milestones_project').on('milestones').columns(['project_id', 'position']).execute();

  await db.schema
    .createTable('activity_types')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('billable', bool, (c) => c.notNull())
    .addColumn('active', bool, (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('activity_types_organization_key', ['organization_id', 'key'])
    .execute();
  // Organizations that exist before this migration get the default list too.
  const organizations = await db.selectFrom('organizations').select('id').execute();
  for (const { id: organizationId } of organizations) {
    await db
      .insertInto('activity_types')
      .values(
        DEFAULT_ACTIVITY_TYPES.map(([key, name, color, billable], position) => ({
          organization_id: organizationId,
          key,
          name,
          color,
          billable: pg ? billable === 1 : billable,
          active: pg ? true : 1,
          position,
        })),
      )
      .execute();
  }

  await db.schema
    .createTable('tasks')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('captain_id', 'integer', user)
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('milestone_id', 'integer', (c) => c.references('milestones.id').onDelete('set null'))
    .addColumn('parent_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
    .addColumn('deadline', 'text')
    .addColumn('deadline_at', timestamp)
    .addColumn('estimate_minutes', 'integer')
    .addColumn('activity_type', 'text')
    .addColumn('labels', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reason', 'text')
    .addColumn('waiting_on_user_id', 'integer', user)
    .addColumn('waiting_on_external', 'text')
    .addColumn('waiting_since', timestamp)
    .addColumn('feedback', 'text')
    // Ranks compare byte by byte on both engines (PostgreSQL's default collation would not).
    .addColumn('queue_rank', rankType, (c) => c.notNull())
    .addColumn('project_rank', rankType, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addColumn('status_changed_at', timestamp, (c) => c.notNull())
    .addColumn('closed_at', timestamp)
    .addUniqueConstraint('tasks_project_number', ['project_id', 'number'])
    .execute();
  // A person's queue: their open tasks in manual order.
  await db.schema.createIndex('tasks_queue').on('tasks').columns(['captain_id', 'queue_rank']).execute();
  // A project's backlog and board.
  await db.schema.createIndex('tasks_project_rank').on('tasks').columns(['project_id', 'project_rank']).execute();
  await db.schema.createIndex('tasks_project_status').on('tasks').columns(['project_id', 'status']).execute();
  await db.schema.createIndex('tasks_organization_updated').on('tasks').columns(['organization_id', 'updated_at']).execute();
  await db.schema.createIndex('tasks_organization_deadline').on('tasks').columns(['organization_id', 'deadline_at']).execute();
  await db.schema.createIndex('tasks_milestone').on('tasks').column('milestone_id').execute();
  await db.schema.createIndex('tasks_parent').on('tasks').column('parent_id').execute();

  await db.schema
    .createTable('task_collaborators')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('task_collaborators_pk', ['task_id', 'user_id'])
    .execute();
  await db.schema.createIndex('task_collaborators_user').on('task_collaborators').columns(['user_id', 'task_id']).execute();

  await db.schema
    .createTable('task_labels')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addColumn('label', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_labels_pk', ['task_id', 'label'])
    .execute();
  await db.schema.createIndex('task_labels_label').on('task_labels').columns(['organization_id', 'label', 'task_id']).execute();

  await db.schema
    .createTable('task_dependencies')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('blocked_by_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', org)
    .addPrimaryKeyConstraint('task_dependencies_pk', ['task_id', 'blocked_by_id'])
    .execute();
  await db.schema.createIndex('task_dependencies_blocker').on('task_dependencies').columns(['blocked_by_id', 'task_id']).execute();

  await db.schema
    .createTable('task_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('actor_id', 'integer', user)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_events_task').on('task_events').columns(['task_id', 'id']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('edited_at', timestamp)
    .execute();
  await db.schema.createIndex('comments_task').on('comments').columns(['task_id', 'id']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('uploader_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_task').on('attachments').columns(['task_id', 'id']).execute();

  await db.schema
    .createTable('saved_filters')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_filters_user').on('saved_filters').columns(['user_id', 'organization_id']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();

  // Full-text search over title, description and comments, one document per task.
  if (pg) {
    await db.schema
      .createTable('task_search')
      .addColumn('task_id', 'integer', (c) => c.primaryKey().references('tasks.id').onDelete('cascade'))
      .addColumn('organization_id', 'integer', org)
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('vector', sql`tsvector generated always as (to_tsvector('simple', document)) stored` as any)
      .execute();
    await sql`create index task_search_vector on task_search using gin (vector)`.execute(db);
  } else {
    await sql`create virtual table task_search using fts5(document, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  }
}
