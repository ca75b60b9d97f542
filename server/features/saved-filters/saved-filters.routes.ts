import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/api.js';
import { CreateSavedFilterBodySchema, SavedFilterListSchema, SavedFilterSchema } from '../../../shared/tasks.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import * as service from './saved-filters.service.js';

export function registerSavedFilterRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/saved-filters',
    {
      schema: {
        summary: 'Your saved task filters in this organization, oldest first',
        tags: ['saved filters'],
        response: { 200: SavedFilterListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await service.listSavedFilters(deps, requireActor(request)) }),
  );

  app.post(
    '/saved-filters',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Save a task filter: a name and `GET /tasks` parameters (all but `cursor`) as strings',
        tags: ['saved filters'],
        body: CreateSavedFilterBodySchema,
        response: { 201: SavedFilterSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createSavedFilter(deps, requireActor(request), request.body)),
  );

  app.delete(
    '/saved-filters/:id',
    {
      schema: {
        summary: 'Delete one of your saved filters',
        tags: ['saved filters'],
        params: IdParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.deleteSavedFilter(deps, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
