import { CreateOrganizationBodySchema, OrganizationSchema, UpdateOrganizationBodySchema } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import { createOrganization, getCurrentOrganization, updateCurrentOrganization } from './organizations.service.js';

export function registerOrganizationRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/organization',
    {
      schema: {
        summary: 'The current organization and its settings',
        tags: ['organizations'],
        response: { 200: OrganizationSchema, ...problemResponses },
      },
    },
    async (request) => getCurrentOrganization(deps, requireActor(request)),
  );

  app.patch(
    '/organization',
    {
      schema: {
        summary: 'Change the current organization’s settings (owners and admins)',
        tags: ['organizations'],
        body: UpdateOrganizationBodySchema,
        response: { 200: OrganizationSchema, ...problemResponses },
      },
    },
    async (request) => updateCurrentOrganization(deps, requireActor(request), request.body),
  );

  app.post(
    '/organizations',
    {
      schema: {
        summary: 'Create an organization with its first owner (instance administrator)',
        tags: ['organizations'],
        body: CreateOrganizationBodySchema,
        response: { 201: OrganizationSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrganization(deps, requireActor(request), request.body)),
  );
}
