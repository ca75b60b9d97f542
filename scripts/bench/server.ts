/**
 * The server side of the bench, run as a child process (`fork`) so the load generator does not share
 * its event loop or heap: `app` serves the real Spine app on the bench database, `hello` a bare
 * Fastify hello-world. Counters (statements, RSS, CPU) go to the parent over IPC, not over HTTP.
 */
import path from 'node:path';
import Fastify from 'fastify';
import { composeDeps } from '../../server/compose.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/database.js';
import { createReader } from '../../server/db/read-worker.js';
import { migrate } from '../../server/db/migrate.js';
import { buildApp } from '../../server/http/app.js';

export type ServerMode = 'app' | 'hello';

export interface ServerStats {
  type: 'stats';
  statements: number;
  rss: number;
  heapUsed: number;
  /** process.cpuUsage() user + system, µs. */
  cpuMicros: number;
}

export type ParentMessage = { type: 'stats' } | { type: 'stop' };
export type ChildMessage = { type: 'ready'; port: number } | ServerStats;

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const mode = (process.env.BENCH_SERVER_MODE ?? 'app') as ServerMode;
  let statements = () => 0;
  let close: () => Promise<void>;
  let port: number;

  if (mode === 'hello') {
    const app = Fastify({ logger: false });
    app.get('/hello', async () => ({ hello: 'world' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
    close = () => app.close();
  } else {
    const dataDir = process.env.BENCH_DATA_DIR_RUN!;
    const databaseUrl = process.env.BENCH_DATABASE_URL_RUN || undefined;
    // Composed as server/main.ts composes it (live-update hub, mailer, job runner), minus the daily scheduler.
    const config = loadConfig({
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      PUBLIC_URL: 'http://127.0.0.1',
      LOG_LEVEL: 'silent',
    });
    const database = openDatabase({ databaseUrl, dataDir });
    await migrate(database);
    const composed = await composeDeps(config, database);
    // BENCH_READER=inline: reports read on the event loop, to measure what the worker thread spares other requests.
    if (process.env.BENCH_READER === 'inline') {
      await composed.deps.reader.close();
      composed.deps.reader = createReader(database, { inline: true });
    }
    const app = await buildApp(composed.deps, { logger: false, webRoot: path.join(dataDir, 'no-web') });
    composed.runner.start();
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
    statements = () => database.statementsExecuted;
    close = async () => {
      await composed.close();
      await app.close();
      await database.close();
    };
  }

  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stats') {
      const cpu = process.cpuUsage();
      send({
        type: 'stats',
        statements: statements(),
        rss: process.memoryUsage().rss,
        heapUsed: process.memoryUsage().heapUsed,
        cpuMicros: cpu.user + cpu.system,
      });
    } else if (message.type === 'stop') {
      void close().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port });
}

await main();
