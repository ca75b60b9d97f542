import { IdParamsSchema } from '../../../shared/api.js';
import {
  ActivityTypeListSchema,
  ActivityTypeSchema,
  CreateActivityTypeBodySchema,
  UpdateActivityTypeBodySchema,
} from '../../../shared/projects.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import * as service from './activity-types.service.js';

export function registerActivityTypeRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/activity-types',
    {
      schema: {
        summary: 'The organization’s activity types',
        tags: ['tasks'],
        response: { 200: ActivityTypeListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await service.listActivityTypes(deps, requireActor(request)) }),
  );

  app.post(
    '/activity-types',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Add an activity type (owners, admins); its key is made from the name',
        tags: ['tasks'],
        body: CreateActivityTypeBodySchema,
        response: { 201: ActivityTypeSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createActivityType(deps, requireActor(request), request.body)),
  );

  app.patch(
    '/activity-types/:id',
    {
      schema: {
        summary: 'Rename, recolour, (de)activate or move an activity type (owners, admins); there is no delete',
        tags: ['tasks'],
        params: IdParamsSchema,
        body: UpdateActivityTypeBodySchema,
        response: { 200: ActivityTypeSchema, ...problemResponses },
      },
    },
    async (request) => service.updateActivityType(deps, requireActor(request), request.params.id, request.body),
  );
}
