import { z } from 'zod';
import { LoginBodySchema, MeSchema, SwitchOrganizationBodySchema } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import type { RateLimit, ZodApp } from '../../http/app.js';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import { getMe, login, logout, switchOrganization } from './auth.service.js';

export function registerAuthRoutes(app: ZodApp, deps: Deps, rateLimit: RateLimit): void {
  app.post(
    '/auth/login',
    {
      config: {
        rateLimit: {
          ...rateLimit,
          // Per address and account, so one attacker cannot lock everyone out and one account is not sprayed.
          keyGenerator: (request) => `${request.ip}:${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
      schema: {
        summary: 'Sign in with email and password; sets the session cookie',
        tags: ['auth'],
        security: [],
        body: LoginBodySchema,
        response: { 200: MeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { secret, userId, organizationId } = await login(deps, request.body);
      setSessionCookie(deps, reply, secret);
      return getMe(deps, userId, organizationId);
    },
  );

  app.post(
    '/auth/logout',
    { schema: { summary: 'End the current session', tags: ['auth'], response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      if (request.actor) await logout(deps, request.actor);
      clearSessionCookie(deps, reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/switch',
    {
      schema: {
        summary: 'Switch the session to another organization you belong to',
        tags: ['auth'],
        body: SwitchOrganizationBodySchema,
        response: { 200: MeSchema, ...problemResponses },
      },
    },
    async (request) => switchOrganization(deps, requireActor(request), request.body.organizationId),
  );
}
