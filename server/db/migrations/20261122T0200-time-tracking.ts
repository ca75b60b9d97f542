// Time tracking: time entries on tasks, one running timer per person, weekly timesheets that are
// submitted and approved, a billable default per project, and each task's tracked total kept as a running sum.
import { sql, type Kysely } from 'kysely';
import type { MigrationEngine } from './index.js';

export async function up(db: Kysely<any>, engine: MigrationEngine): Promise<void> {
  const pg = engine === 'postgres';
  const id = pg ? 'serial' : 'integer';
  const timestamp = pg ? 'timestamptz' : 'text';
  const bool = pg ? 'boolean' : 'integer';
  const org = (c: any) => c.notNull().references('organizations.id').onDelete('cascade');

  await db.schema
    .alterTable('projects')
    .addColumn('billable', bool, (c) => c.notNull().defaultTo(pg ? sql`true` : 1))
    .execute();
  // The sum of the task's time entries, kept in the same transaction as every entry change: task
  // cards show tracked vs estimate without adding up entries on each read.
  await db.schema
    .alterTable('tasks')
    .addColumn('tracked_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('time_entries')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    // No cascade: a task with recorded time is not deleted (the service refuses), so billed hours never vanish.
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('activity_type_id', 'integer', (c) => c.references('activity_types.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('billable', bool, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // The timer this entry came from: stopping the same timer twice finds this entry instead of making another.
    .addColumn('timer_id', 'integer', (c) => c.unique())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  // A person's days and weeks (timesheet, 24-hour rule, person reports).
  await db.schema.createIndex('time_entries_user_date').on('time_entries').columns(['organization_id', 'user_id', 'date']).execute();
  // Project reports and managers' views.
  await db.schema.createIndex('time_entries_project_date').on('time_entries').columns(['project_id', 'date']).execute();
  // Organization-wide reports by period.
  await db.schema.createIndex('time_entries_organization_date').on('time_entries').columns(['organization_id', 'date']).execute();
  await db.schema.createIndex('time_entries_task').on('time_entries').columns(['task_id']).execute();

  await db.schema
    .createTable('timers')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('activity_type_id', 'integer', (c) => c.references('activity_types.id'))
    .addColumn('billable', bool, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('started_at', timestamp, (c) => c.notNull())
    // One running timer per person in an organization.
    .addUniqueConstraint('timers_organization_user', ['organization_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('timesheets')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('organization_id', 'integer', org)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', timestamp)
    .addColumn('decided_at', timestamp)
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('comment', 'text')
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('timesheets_organization_user_week', ['organization_id', 'user_id', 'week_start'])
    .execute();
  // Weeks waiting for approval.
  await db.schema.createIndex('timesheets_status').on('timesheets').columns(['organization_id', 'status', 'week_start']).execute();
}
