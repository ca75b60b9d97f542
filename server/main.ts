/** Composition root: opens the database, applies migrations, serves HTTP, shuts down cleanly. */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { systemClock } from './deps.js';
import { deleteExpiredSessions } from './features/auth/auth.repository.js';
import { SESSION_IDLE_MS } from './features/auth/auth.service.js';
import { buildApp } from './http/app.js';
import { deleteExpiredIdempotencyKeys } from './http/idempotency.js';
import { startDailyScheduler } from './jobs/scheduler.js';
import { composeDeps } from './compose.js';

const SHUTDOWN_DEADLINE_MS = 10_000;
const SESSION_SWEEP_MS = 3600_000;

/** The file that marks a server running on a data directory (restore refuses while it is held). */
export function serverLockFile(config: Config): string {
  return path.join(config.dataDir, 'server.pid');
}

export async function serve(config: Config): Promise<void> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { applied } = await migrate(database);
  const composed = await composeDeps(config, database, {
    onJobError: (error, job) => app.log.warn({ err: error, jobId: job.id, jobType: job.type }, 'job failed; it will be retried'),
  });
  const { deps, runner } = composed;
  const app = await buildApp(deps);
  if (config.runJobs) runner.start();
  const stopScheduler = startDailyScheduler(deps, {
    queued: () => {
      if (config.runJobs) runner.nudge();
    },
    error: (error) => app.log.warn({ err: error }, 'scheduling daily work failed'),
  });
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');

  const lockFile = serverLockFile(config);
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(lockFile, String(process.pid));

  const sweep = setInterval(() => {
    const now = systemClock.now();
    Promise.all([
      deleteExpiredSessions(database.db, new Date(now.getTime() - SESSION_IDLE_MS), now),
      deleteExpiredIdempotencyKeys(deps, now),
    ]).catch((error) => app.log.warn({ err: error }, 'sweep of expired sessions and idempotency keys failed'));
  }, SESSION_SWEEP_MS);
  sweep.unref();

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    force.unref();
    clearInterval(sweep);
    stopScheduler();
    try {
      await composed.close();
      await app.close();
      await database.close();
    } finally {
      fs.rmSync(lockFile, { force: true });
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Spine is ready at ${config.publicUrl} (${database.engine})`);
}
