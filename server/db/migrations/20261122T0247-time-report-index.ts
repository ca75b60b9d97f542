// Project time reports read a project's entries through one index that holds every column they sum:
// (project_id, date) alone tied with (organization_id, date) under SQLite's sampled statistics
// (analysis_limit), which then scanned the organization's whole period, ~1 s for a project's year at
// 2,000,000 entries; leading with the organization as well makes it the clear choice, and covering the
// summed columns spares one table lookup per entry (docs/performance.md, "Time reports").
import type { Kysely } from 'kysely';
import type { MigrationEngine } from './index.js';

export async function up(db: Kysely<any>, _engine: MigrationEngine): Promise<void> {
  await db.schema
    .createIndex('time_entries_organization_project_date')
    .on('time_entries')
    .columns(['organization_id', 'project_id', 'date', 'user_id', 'task_id', 'activity_type_id', 'billable', 'minutes'])
    .execute();
}
