import { z } from 'zod';
import {
  CompletePasswordResetBodySchema,
  LoginBodySchema,
  MeSchema,
  PasswordResetSchema,
  PasswordResetTokenParamsSchema,
  RequestPasswordResetBodySchema,
  SwitchOrganizationBodySchema,
} from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import type { RateLimit, ZodApp } from '../../http/app.js';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import { listMemberships } from '../users/users.repository.js';
import { getMe, login, logout, startSession, switchOrganization } from './auth.service.js';
import { completePasswordReset, getPasswordReset, requestPasswordReset } from './password-reset.service.js';

export function registerAuthRoutes(app: ZodApp, deps: Deps, rateLimit: RateLimit): void {
  app.post(
    '/auth/login',
    {
      config: {
        rateLimit: {
          ...rateLimit,
          // Per address and account, so one attacker cannot lock everyone out and one account is not sprayed.
          keyGenerator: (request) =>
            `${request.ip}:${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
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

  app.post(
    '/auth/password-reset',
    {
      config: { rateLimit },
      schema: {
        summary: 'Email a link to choose a new password (answers 202 whether or not the email has an account)',
        tags: ['auth'],
        security: [],
        body: RequestPasswordResetBodySchema,
        response: { 202: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.body.email);
      return reply.status(202).send(null);
    },
  );

  app.get(
    '/auth/password-reset/:token',
    {
      config: { rateLimit },
      schema: {
        summary: 'Whose password a reset link changes (public; the link is the credential)',
        tags: ['auth'],
        security: [],
        params: PasswordResetTokenParamsSchema,
        response: { 200: PasswordResetSchema, ...problemResponses },
      },
    },
    async (request) => getPasswordReset(deps, request.params.token),
  );

  app.post(
    '/auth/password-reset/:token',
    {
      config: { rateLimit },
      schema: {
        summary: 'Choose a new password from a reset link; ends every session and signs in',
        tags: ['auth'],
        security: [],
        params: PasswordResetTokenParamsSchema,
        body: CompletePasswordResetBodySchema,
        // 204 when the account has no active organization to sign in to.
        response: { 200: MeSchema, 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const userId = await completePasswordReset(deps, request.params.token, request.body.password);
      const user = (await listMemberships(deps.database.db, userId)).find((membership) => membership.active);
      if (!user) return reply.status(204).send(null);
      setSessionCookie(deps, reply, await startSession(deps, userId, user.organizationId));
      return getMe(deps, userId, user.organizationId);
    },
  );
}
