import {
  CreatedPersonSchema,
  CreateUserBodySchema,
  IdParamsSchema,
  InvitationLinkSchema,
  PeopleListSchema,
  PersonSchema,
  UpdateUserBodySchema,
} from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import { createPerson, getPerson, listOrganizationPeople, renewInvitation, updatePerson } from './users.service.js';

export function registerUserRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/users',
    {
      schema: {
        summary: 'People of the organization (owners and admins)',
        tags: ['people'],
        response: { 200: PeopleListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await listOrganizationPeople(deps, requireActor(request)) }),
  );

  app.post(
    '/users',
    {
      schema: {
        summary: 'Add a person; without a password they get an invitation link valid for 7 days',
        tags: ['people'],
        body: CreateUserBodySchema,
        response: { 201: CreatedPersonSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createPerson(deps, requireActor(request), request.body)),
  );

  app.get(
    '/users/:id',
    {
      schema: {
        summary: 'One person of the organization (owners and admins)',
        tags: ['people'],
        params: IdParamsSchema,
        response: { 200: PersonSchema, ...problemResponses },
      },
    },
    async (request) => getPerson(deps, requireActor(request), request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        summary: 'Change name, role, weekly capacity, or deactivate (ends their sessions and tokens at once)',
        tags: ['people'],
        params: IdParamsSchema,
        body: UpdateUserBodySchema,
        response: { 200: PersonSchema, ...problemResponses },
      },
    },
    async (request) => updatePerson(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/invitation',
    {
      schema: {
        summary: 'A new invitation link for a person who has not set a password yet',
        tags: ['people'],
        params: IdParamsSchema,
        response: { 201: InvitationLinkSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await renewInvitation(deps, requireActor(request), request.params.id)),
  );
}
