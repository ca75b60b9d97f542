/** What use cases depend on, passed in explicitly (tests build their own). */
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Reader } from './db/read-worker.js';
import type { PasswordHasher } from './features/auth/password.js';
import type { Mailer } from './emails/mailer.js';
import type { Hub } from './realtime/hub.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Deps {
  config: Config;
  database: Database;
  /** Long reads (reports, exports) off the event loop: a worker thread on SQLite, the pool on PostgreSQL. */
  reader: Reader;
  clock: Clock;
  passwords: PasswordHasher;
  /** Live updates: tell it an organization changed after a commit. */
  realtime: Hub;
  mailer: Mailer;
  /** Runs queued jobs soon (after a change queued some). */
  jobs: { nudge(): void };
}
