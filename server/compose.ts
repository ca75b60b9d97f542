/** Wires the application's dependencies: database, read worker, live-update hub, mailer and job runner. */
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { createReader } from './db/read-worker.js';
import { type Clock, type Deps, systemClock } from './deps.js';
import { createMailer } from './emails/mailer.js';
import { argon2Hasher, type PasswordHasher } from './features/auth/password.js';
import { JobRunner } from './jobs/queue.js';
import { JOBS } from './jobs/registry.js';
import { Hub } from './realtime/hub.js';

export interface Composed {
  deps: Deps;
  runner: JobRunner;
  close(): Promise<void>;
}

export async function composeDeps(
  config: Config,
  database: Database,
  options: {
    clock?: Clock;
    passwords?: PasswordHasher;
    pgSchema?: string;
    listen?: boolean;
    onJobError?: (error: unknown, job: { id: number; type: string }) => void;
  } = {},
): Promise<Composed> {
  const realtime = new Hub(database);
  if (options.listen !== false) await realtime.start(config.databaseUrl, options.pgSchema);
  const mailer = createMailer(config);
  const reader = createReader(database);
  let runner: JobRunner | undefined;
  const deps: Deps = {
    config,
    database,
    reader,
    clock: options.clock ?? systemClock,
    passwords: options.passwords ?? argon2Hasher,
    realtime,
    mailer,
    jobs: { nudge: () => (config.runJobs ? runner?.nudge() : undefined) },
  };
  runner = new JobRunner(deps, JOBS, options.onJobError);
  runner.afterTransaction = (job) => {
    if (job.organizationId !== null) realtime.changed(job.organizationId);
  };
  const jobRunner = runner;
  return {
    deps,
    runner: jobRunner,
    close: async () => {
      await jobRunner.stop();
      await realtime.close();
      await reader.close();
      mailer.close();
    },
  };
}
