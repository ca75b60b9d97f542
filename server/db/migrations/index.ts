/**
 * The one migration stream for SQLite and PostgreSQL, oldest first. `npm run db:new-migration -- <name>`
 * adds a file and its line here. Migrations never import application code.
 */
import type { Kysely } from 'kysely';
import * as platform from './20261121T2330-platform.js';
import * as tasks from './20261121T2340-tasks.js';
import * as events from './20261122T0000-events.js';
import * as notifications from './20261122T0010-notifications.js';
import * as openTaskIndexes from './20261122T0020-open-task-indexes.js';
import * as passwordResets from './20261122T0030-password-resets.js';
import * as timeTracking from './20261122T0200-time-tracking.js';
import * as timeReportIndex from './20261122T0247-time-report-index.js';

export type MigrationEngine = 'sqlite' | 'postgres';

export interface Migration {
  name: string;
  up(db: Kysely<any>, engine: MigrationEngine): Promise<void>;
}

export const migrations: readonly Migration[] = [
  { name: '20261121T2330-platform', up: platform.up },
  { name: '20261121T2340-tasks', up: tasks.up },
  { name: '20261122T0000-events', up: events.up },
  { name: '20261122T0010-notifications', up: notifications.up },
  { name: '20261122T0020-open-task-indexes', up: openTaskIndexes.up },
  { name: '20261122T0030-password-resets', up: passwordResets.up },
  { name: '20261122T0200-time-tracking', up: timeTracking.up },
  { name: '20261122T0247-time-report-index', up: timeReportIndex.up },
];
