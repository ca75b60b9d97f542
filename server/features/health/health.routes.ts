import { sql } from 'kysely';
import { z } from 'zod';
import { isMigrated } from '../../db/migrate.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { problemResponses } from '../../http/responses.js';
import { sendProblem } from '../../http/problem.js';

export function registerHealthRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/healthz',
    { schema: { summary: 'The process is alive', tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        summary: 'The database is reachable and migrated',
        tags: ['health'],
        response: { 200: z.object({ status: z.literal('ready'), engine: z.enum(['sqlite', 'postgres']) }), ...problemResponses },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(deps.database.db);
      } catch {
        return sendProblem(request, reply, { code: 'not_ready', detail: 'The database is not reachable.' });
      }
      if (!(await isMigrated(deps.database))) {
        return sendProblem(request, reply, { code: 'not_ready', detail: 'Migrations are not applied yet.' });
      }
      return { status: 'ready' as const, engine: deps.database.engine };
    },
  );
}
