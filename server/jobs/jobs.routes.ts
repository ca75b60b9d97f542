import { z } from 'zod';
import { IdParamsSchema } from '../../shared/api.js';
import { FailedJobListSchema } from '../../shared/notifications.js';
import type { Deps } from '../deps.js';
import type { ZodApp } from '../http/app.js';
import { requireActor } from '../http/auth.js';
import { problemResponses } from '../http/responses.js';
import * as service from './jobs.service.js';

export function registerJobRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/admin/failed-jobs',
    {
      schema: {
        summary: 'Background work that failed for good (e.g. undeliverable email), for owners and admins',
        tags: ['administration'],
        response: { 200: FailedJobListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await service.listFailedJobs(deps, requireActor(request)) }),
  );

  app.post(
    '/admin/failed-jobs/:id/retry',
    {
      schema: {
        summary: 'Try a failed job again',
        tags: ['administration'],
        params: IdParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.retryFailedJob(deps, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
