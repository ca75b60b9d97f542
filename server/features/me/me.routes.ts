import { z } from 'zod';
import { ChangePasswordBodySchema, MeSchema, UpdateProfileBodySchema } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import type { RateLimit, ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import { getMe } from '../auth/auth.service.js';
import { changePassword, updateProfile } from './me.service.js';

export function registerMeRoutes(app: ZodApp, deps: Deps, rateLimit: RateLimit): void {
  app.get(
    '/me',
    {
      schema: {
        summary: 'The signed-in person, current organization and role, and the organizations they belong to',
        tags: ['me'],
        response: { 200: MeSchema, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return getMe(deps, actor.userId, actor.organizationId);
    },
  );

  app.patch(
    '/me',
    {
      schema: {
        summary: 'Change your name or language',
        tags: ['me'],
        body: UpdateProfileBodySchema,
        response: { 200: MeSchema, ...problemResponses },
      },
    },
    async (request) => updateProfile(deps, requireActor(request), request.body),
  );

  app.post(
    '/me/password',
    {
      config: { rateLimit },
      schema: {
        summary: 'Change your password; signs out your other sessions',
        tags: ['me'],
        body: ChangePasswordBodySchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await changePassword(deps, requireActor(request), request.body);
      return reply.status(204).send(null);
    },
  );
}
