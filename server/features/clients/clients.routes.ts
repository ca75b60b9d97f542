import { IdParamsSchema } from '../../../shared/api.js';
import { ClientListSchema, ClientSchema, CreateClientBodySchema, UpdateClientBodySchema } from '../../../shared/projects.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import * as service from './clients.service.js';

export function registerClientRoutes(app: ZodApp, deps: Deps): void {
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
}
