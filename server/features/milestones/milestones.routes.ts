import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/api.js';
import { CreateMilestoneBodySchema, MilestoneListSchema, MilestoneSchema, UpdateMilestoneBodySchema } from '../../../shared/projects.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import * as service from './milestones.service.js';

export function registerMilestoneRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/projects/:id/milestones',
    {
      schema: {
        summary: 'Milestones of a project with their progress',
        tags: ['projects'],
        params: IdParamsSchema,
        response: { 200: MilestoneListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await service.listMilestones(deps, requireActor(request), request.params.id) }),
  );

  app.post(
    '/projects/:id/milestones',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Add a milestone',
        tags: ['projects'],
        params: IdParamsSchema,
        body: CreateMilestoneBodySchema,
        response: { 201: MilestoneSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createMilestone(deps, requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/milestones/:id',
    {
      schema: {
        summary: 'Change a milestone',
        tags: ['projects'],
        params: IdParamsSchema,
        body: UpdateMilestoneBodySchema,
        response: { 200: MilestoneSchema, ...problemResponses },
      },
    },
    async (request) => service.updateMilestone(deps, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/milestones/:id',
    {
      schema: {
        summary: 'Delete a milestone (its tasks stay)',
        tags: ['projects'],
        params: IdParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.deleteMilestone(deps, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
