// The thread behind `read-worker.ts`: its own read-only connection to the SQLite file, so long reads
// (report aggregates, export batches) run here and not on the server's event loop. Plain JavaScript
// because Node 20 does not pass tsx's loader on to worker threads; it only runs SQL the server compiled.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

const STATEMENT_CACHE_SIZE = 200;

/** @type {{ file: string; cacheKib: number }} */
const { file, cacheKib } = workerData;
// WAL lets this connection read a consistent snapshot while the server's connection writes.
const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
database.pragma('busy_timeout = 5000');
database.pragma(`cache_size = -${cacheKib}`);

/** @type {Map<string, import('better-sqlite3').Statement>} */
const statements = new Map();

function prepare(sql) {
  let statement = statements.get(sql);
  if (statement) {
    statements.delete(sql);
    statements.set(sql, statement);
    return statement;
  }
  statement = database.prepare(sql);
  if (!statement.reader) throw new Error('The read worker only runs statements that return rows.');
  if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value);
  statements.set(sql, statement);
  return statement;
}

/**
 * `{ id, queries: [{ sql, parameters }] }` → `{ id, results: rows[][] }` or `{ id, error }`. The queries
 * of one message read one snapshot (a read transaction), so a report's breakdowns agree with each other.
 */
parentPort.on('message', (message) => {
  const { id, queries } = message;
  try {
    database.exec('begin');
    let results;
    try {
      results = queries.map((query) => prepare(query.sql).all(...query.parameters));
    } finally {
      database.exec('commit');
    }
    parentPort.postMessage({ id, results });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error?.message ?? error), code: error?.code } });
  }
});
