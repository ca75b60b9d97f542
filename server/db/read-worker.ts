/**
 * Long reads (report aggregates, export batches) away from the event loop. better-sqlite3 runs every
 * statement synchronously on the thread that calls it, so a year's aggregate over a million rows would
 * hold up every other request for its whole duration. On a SQLite file a worker thread with its own
 * read-only connection runs them (WAL lets it read while the server writes); PostgreSQL's pool is
 * already asynchronous; a SQLite database without a file to share (in memory) reads inline.
 *
 * Callers compile their statements with Kysely, so the SQL lives in one place for every path.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';
import type { Database } from './database.js';

/** The rows of each compiled statement, in order. */
export type ReadResults<Q extends readonly CompiledQuery<unknown>[]> = {
  [K in keyof Q]: Q[K] extends CompiledQuery<infer Row> ? Row[] : never;
};

export interface Reader {
  /** `worker`: a SQLite worker thread; `pool`: PostgreSQL; `inline`: on the calling thread (SQLite in memory). */
  readonly mode: 'worker' | 'pool' | 'inline';
  /** Runs the statements in one read snapshot, so they agree with each other, and answers their rows. */
  read<const Q extends readonly CompiledQuery<unknown>[]>(queries: Q): Promise<ReadResults<Q>>;
  /** Stops the worker threads; reads still waiting fail. */
  close(): Promise<void>;
}

const WORKER_CACHE_KIB = 65_536;

/** What SQLite cannot bind, converted as the main connection's statement cache does. */
function bindable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return value;
}

interface Pending {
  resolve(results: unknown[][]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

type WorkerReply = { id: number; results: unknown[][] } | { id: number; error: { message: string; code?: string } };

class WorkerReader implements Reader {
  readonly mode = 'worker';
  private readonly slots: (Slot | undefined)[];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    size: number,
  ) {
    this.slots = Array.from({ length: size }, () => undefined);
  }

  read<const Q extends readonly CompiledQuery<unknown>[]>(queries: Q): Promise<ReadResults<Q>> {
    if (this.closed) return Promise.reject(new Error('The database is closing; reads are no longer taken.'));
    const slot = this.leastBusy();
    const id = this.nextId++;
    const message = { id, queries: queries.map((query) => ({ sql: query.sql, parameters: query.parameters.map(bindable) })) };
    return new Promise<unknown[][]>((resolve, reject) => {
      // Only a thread with work keeps the process alive: a forgotten close must not hang an exit.
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage(message);
    }) as Promise<ReadResults<Q>>;
  }

  async close(): Promise<void> {
    this.closed = true;
    const running = this.slots.filter((slot): slot is Slot => slot !== undefined);
    this.slots.fill(undefined);
    await Promise.all(
      running.map(async (slot) => {
        this.failAll(slot, new Error('The database closed before this read finished.'));
        await slot.worker.terminate();
      }),
    );
  }

  private leastBusy(): Slot {
    let best: Slot | undefined;
    for (let index = 0; index < this.slots.length; index += 1) {
      const slot = this.slots[index] ?? this.start(index);
      if (slot.pending.size === 0) return slot;
      if (!best || slot.pending.size < best.pending.size) best = slot;
    }
    return best!;
  }

  private start(index: number): Slot {
    const worker = new Worker(new URL('./read-worker-thread.mjs', import.meta.url), {
      workerData: { file: this.file, cacheKib: WORKER_CACHE_KIB },
    });
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    this.slots[index] = slot;
    worker.on('message', (reply: WorkerReply) => {
      const pending = slot.pending.get(reply.id);
      if (!pending) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      if ('error' in reply) pending.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else pending.resolve(reply.results);
    });
    // A thread that dies (out of memory, a broken file) fails its reads; the next read starts a new one.
    const retire = (error: Error) => {
      if (this.slots[index] === slot) this.slots[index] = undefined;
      this.failAll(slot, error);
    };
    worker.on('error', (error) => retire(error));
    worker.on('exit', (code) => retire(new Error(`The read worker stopped (exit code ${code}).`)));
    return slot;
  }

  private failAll(slot: Slot, error: Error): void {
    for (const pending of slot.pending.values()) pending.reject(error);
    slot.pending.clear();
    slot.worker.unref();
  }
}

/**
 * The reader for this database: on a SQLite file a worker thread per core left over (at least one, at
 * most two). `inline` reads SQLite on the calling thread even from a file (the bench compares the two).
 */
export function createReader(database: Database, options: { workers?: number; inline?: boolean } = {}): Reader {
  const { db } = database;
  if (database.engine === 'postgres') {
    return {
      mode: 'pool',
      read: async (queries) => {
        if (queries.length === 1) return [(await db.executeQuery(queries[0]!)).rows] as never;
        // One snapshot: breakdowns of a report add up even while entries are being written.
        return db
          .transaction()
          .setIsolationLevel('repeatable read')
          .setAccessMode('read only')
          .execute(async (tx) => {
            const results: unknown[][] = [];
            for (const query of queries) results.push((await tx.executeQuery(query)).rows);
            return results as never;
          });
      },
      close: async () => {},
    };
  }
  if (!database.sqliteFile || database.sqlite?.memory || options.inline) {
    return {
      mode: 'inline',
      read: async (queries) => {
        if (queries.length === 1) return [(await db.executeQuery(queries[0]!)).rows] as never;
        return db.transaction().execute(async (tx) => {
          const results: unknown[][] = [];
          for (const query of queries) results.push((await tx.executeQuery(query)).rows);
          return results as never;
        });
      },
      close: async () => {},
    };
  }
  const workers = options.workers ?? Math.max(1, Math.min(2, os.availableParallelism() - 1));
  return new WorkerReader(database.sqliteFile, workers);
}
