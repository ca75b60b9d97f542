import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/api.js';
import {
  CreateProjectBodySchema,
  ProjectListSchema,
  ProjectMemberParamsSchema,
  ProjectSchema,
  ProjectStateSchema,
  SetMemberBodySchema,
  UpdateProjectBodySchema,
} from '../../../shared/projects.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import * as service from './projects.service.js';

export function registerProjectRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/projects',
    {
      schema: {
        summary: 'Projects you can see (all of them for owners and admins)',
        tags: ['projects'],
        querystring: z.object({ state: ProjectStateSchema.optional() }).strict(),
        response: { 200: ProjectListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await service.listProjects(deps, requireActor(request), request.query.state) }),
  );

  app.post(
    '/projects',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Create a project (managers, admins, owners)',
        tags: ['projects'],
        body: CreateProjectBodySchema,
        response: { 201: ProjectSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createProject(deps, requireActor(request), request.body)),
  );

  app.get(
    '/projects/:id',
    {
      schema: { summary: 'One project', tags: ['projects'], params: IdParamsSchema, response: { 200: ProjectSchema, ...problemResponses } },
    },
    async (request) => service.getProject(deps, requireActor(request), request.params.id),
  );

  app.patch(
    '/projects/:id',
    {
      schema: {
        summary: 'Change a project (its managers, admins)',
        tags: ['projects'],
        params: IdParamsSchema,
        body: UpdateProjectBodySchema,
        response: { 200: ProjectSchema, ...problemResponses },
      },
    },
    async (request) => service.updateProject(deps, requireActor(request), request.params.id, request.body),
  );

  app.put(
    '/projects/:id/members/:userId',
    {
      schema: {
        summary: 'Add a member or change their project role',
        tags: ['projects'],
        params: ProjectMemberParamsSchema,
        body: SetMemberBodySchema,
        response: { 200: ProjectSchema, ...problemResponses },
      },
    },
    async (request) => service.setProjectMember(deps, requireActor(request), request.params.id, request.params.userId, request.body.role),
  );

  app.delete(
    '/projects/:id/members/:userId',
    {
      schema: {
        summary: 'Remove a member from the project',
        tags: ['projects'],
        params: ProjectMemberParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.removeProjectMember(deps, requireActor(request), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );
}
