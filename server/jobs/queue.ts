/**
 * A job queue in the database. A job is written in the transaction of the change that causes it, so
 * a crash can neither lose it nor run it for a change that rolled back. Workers claim due jobs (on
 * PostgreSQL with FOR UPDATE SKIP LOCKED, so several processes share the work and each job runs once),
 * retry failures with backoff, and keep permanent failures for admins to see.
 */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { Engine } from '../db/database.js';
import { toStored } from '../db/rows.js';
import type { Schema } from '../db/schema.js';
import type { Deps } from '../deps.js';

export interface JobDefinition<T> {
  type: string;
  schema: z.ZodType<T>;
  maxAttempts: number;
  /**
   * Database-only work runs in one transaction with marking the job done, so it happens exactly once;
   * work that talks to the outside (SMTP) runs outside any transaction and is retried on failure.
   */
  transactional: boolean;
  handle(deps: Deps, payload: T, db: Kysely<Schema>): Promise<void>;
}

export interface EnqueueOptions {
  organizationId?: number | null;
  runAt?: Date;
  /** Queues the job only if no job with this key exists (scheduled work, once per day). */
  uniqueKey?: string;
}

/**
 * Queues a job of this definition (its type, its payload, its number of attempts); inside a transaction it
 * commits (or vanishes) with the change. Returns false for a duplicate unique key.
 */
export async function enqueue<T>(
  db: Kysely<Schema>,
  job: Pick<JobDefinition<T>, 'type' | 'maxAttempts'>,
  payload: T,
  now: Date,
  options: EnqueueOptions = {},
): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values({
      organization_id: options.organizationId ?? null,
      type: job.type,
      payload: JSON.stringify(payload),
      unique_key: options.uniqueKey ?? null,
      status: 'pending',
      run_at: toStored(options.runAt ?? now),
      max_attempts: job.maxAttempts,
      created_at: toStored(now),
    })
    .onConflict((conflict) => conflict.column('unique_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** How long a claimed job is reserved; a worker that dies leaves it to be claimed again after this. */
const LEASE_MS = 5 * 60_000;

/** Retry delay after the n-th failed attempt: 15 s, 30 s, 1 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, attempts - 1), 3600_000);
}

interface ClaimedJob {
  id: number;
  organizationId: number | null;
  type: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
}

async function claim(db: Kysely<Schema>, engine: Engine, now: Date, limit: number): Promise<ClaimedJob[]> {
  const due = sql`(status = 'pending' and run_at <= ${toStored(now)}) or (status = 'running' and locked_until < ${toStored(now)})`;
  const lock = engine === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<{
    id: number;
    organization_id: number | null;
    type: string;
    payload: string;
    attempts: number;
    max_attempts: number;
  }>`
    update jobs set status = 'running', attempts = attempts + 1, locked_until = ${toStored(new Date(now.getTime() + LEASE_MS))}
    where id in (select id from jobs where ${due} order by run_at, id limit ${limit} ${lock})
    returning id, organization_id, type, payload, attempts, max_attempts`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    type: row.type,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  }));
}

async function finish(db: Kysely<Schema>, id: number, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: toStored(now), locked_until: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

async function fail(db: Kysely<Schema>, job: ClaimedJob, error: unknown, now: Date): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const permanent = job.attempts >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      status: permanent ? 'failed' : 'pending',
      last_error: message.slice(0, 2000),
      locked_until: null,
      ...(permanent ? { finished_at: toStored(now) } : { run_at: toStored(new Date(now.getTime() + backoffMs(job.attempts))) }),
    })
    .where('id', '=', job.id)
    .execute();
}

export class JobRunner {
  private readonly definitions = new Map<string, JobDefinition<any>>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  /** Called after a transactional job committed (e.g. to announce the events it recorded). */
  afterTransaction: ((job: { id: number; type: string; organizationId: number | null }) => void) | undefined;

  constructor(
    private readonly deps: Deps,
    definitions: readonly JobDefinition<any>[],
    private readonly onError: (error: unknown, job: { id: number; type: string }) => void = () => {},
  ) {
    for (const definition of definitions) this.definitions.set(definition.type, definition);
  }

  /** Runs every job due now (until none is left); returns how many ran. */
  async runDue(batch = 20): Promise<number> {
    if (this.running) return this.running;
    this.running = this.drain(batch).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drain(batch: number): Promise<number> {
    const { db, engine } = this.deps.database;
    let count = 0;
    for (;;) {
      const jobs = await claim(db, engine, this.deps.clock.now(), batch);
      if (jobs.length === 0) return count;
      for (const job of jobs) {
        count += 1;
        const definition = this.definitions.get(job.type);
        try {
          if (!definition) throw new Error(`no handler for job type ${job.type}`);
          const payload = definition.schema.parse(JSON.parse(job.payload));
          if (definition.transactional) {
            await db.transaction().execute(async (tx) => {
              await definition.handle(this.deps, payload, tx);
              await finish(tx, job.id, this.deps.clock.now());
            });
            this.afterTransaction?.(job);
          } else {
            await definition.handle(this.deps, payload, db);
            await finish(db, job.id, this.deps.clock.now());
          }
        } catch (error) {
          this.onError(error, job);
          await fail(db, job, error, this.deps.clock.now());
        }
      }
    }
  }

  /** Polls for due jobs; `nudge()` runs them sooner after a change queued some. */
  start(intervalMs = 1000): void {
    const tick = () => {
      if (this.stopped) return;
      void this.runDue()
        .catch((error) => this.onError(error, { id: 0, type: 'poll' }))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  nudge(): void {
    if (!this.stopped) void this.runDue().catch((error) => this.onError(error, { id: 0, type: 'nudge' }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => {});
  }
}
