import { z } from 'zod';
import { ApiTokenListSchema, CreateApiTokenBodySchema, CreatedApiTokenSchema, IdParamsSchema } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import { createApiToken, listOwnApiTokens, revokeApiToken } from './tokens.service.js';

export function registerTokenRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/tokens',
    {
      schema: {
        summary: 'Your API tokens in this organization',
        tags: ['tokens'],
        response: { 200: ApiTokenListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await listOwnApiTokens(deps, requireActor(request)) }),
  );

  app.post(
    '/tokens',
    {
      schema: {
        summary: 'Create an API token; the token is in this response only',
        tags: ['tokens'],
        body: CreateApiTokenBodySchema,
        response: { 201: CreatedApiTokenSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(deps, requireActor(request), request.body.name)),
  );

  app.delete(
    '/tokens/:id',
    {
      schema: {
        summary: 'Revoke one of your API tokens',
        tags: ['tokens'],
        params: IdParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await revokeApiToken(deps, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
