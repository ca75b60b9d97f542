// Open tasks are a small share of all tasks (done ones pile up): queues, overdue lists and
// waiting-on lookups read partial indexes over open tasks instead of scanning years of closed work.
import { type Kysely, sql } from 'kysely';
import type { MigrationEngine } from './index.js';

const OPEN = sql.raw(`status in ('planned', 'in_progress', 'waiting', 'review')`);

export async function up(db: Kysely<any>, _engine: MigrationEngine): Promise<void> {
  await sql`create index tasks_open_queue on tasks (captain_id, queue_rank) where ${OPEN}`.execute(db);
  await sql`create index tasks_open_deadline on tasks (organization_id, deadline_at) where ${OPEN}`.execute(db);
  await sql`create index tasks_open_project on tasks (project_id, project_rank) where ${OPEN}`.execute(db);
  await sql`create index tasks_waiting_on on tasks (waiting_on_user_id) where waiting_on_user_id is not null`.execute(db);
}
