import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/api.js';
import {
  ActivityTypeListSchema,
  ActivityTypeSchema,
  CreateActivityTypeBodySchema,
  ClientListSchema,
  ClientSchema,
  CreateClientBodySchema,
  CreateMilestoneBodySchema,
  CreateProjectBodySchema,
  DirectorySchema,
  MilestoneListSchema,
  MilestoneSchema,
  ProjectListSchema,
  ProjectMemberParamsSchema,
  ProjectSchema,
  ProjectStateSchema,
  SetMemberBodySchema,
  UpdateActivityTypeBodySchema,
  UpdateClientBodySchema,
  UpdateMilestoneBodySchema,
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

  app.get(
    '/clients',
    { schema: { summary: 'The organization’s clients', tags: ['clients'], response: { 200: ClientListSchema, ...problemResponses } } },
    async (request) => ({ items: await service.listClients(deps, requireActor(request)) }),
  );

  app.post(
    '/clients',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Add a client',
        tags: ['clients'],
        body: CreateClientBodySchema,
        response: { 201: ClientSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createClient(deps, requireActor(request), request.body)),
  );

  app.patch(
    '/clients/:id',
    {
      schema: {
        summary: 'Change a client',
        tags: ['clients'],
        params: IdParamsSchema,
        body: UpdateClientBodySchema,
        response: { 200: ClientSchema, ...problemResponses },
      },
    },
    async (request) => service.updateClient(deps, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/directory',
    {
      schema: {
        summary: 'Everyone in the organization, for choosing members, captains and whom work waits on',
        tags: ['people'],
        response: { 200: DirectorySchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await service.listDirectory(deps, requireActor(request)) }),
  );

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
