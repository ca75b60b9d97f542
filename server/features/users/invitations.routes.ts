import { AcceptInvitationBodySchema, InvitationSchema, InvitationTokenParamsSchema, MeSchema } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import type { RateLimit, ZodApp } from '../../http/app.js';
import { setSessionCookie } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import { getMe, startSession } from '../auth/auth.service.js';
import { acceptInvitation, getInvitation } from './invitations.service.js';

export function registerInvitationRoutes(app: ZodApp, deps: Deps, rateLimit: RateLimit): void {
  app.get(
    '/invitations/:token',
    {
      config: { rateLimit },
      schema: {
        summary: 'Who an invitation link is for (public; the link is the credential)',
        tags: ['people'],
        security: [],
        params: InvitationTokenParamsSchema,
        response: { 200: InvitationSchema, ...problemResponses },
      },
    },
    async (request) => getInvitation(deps, request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { rateLimit },
      schema: {
        summary: 'Set your password from an invitation link and sign in',
        tags: ['people'],
        security: [],
        params: InvitationTokenParamsSchema,
        body: AcceptInvitationBodySchema,
        response: { 200: MeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { userId, organizationId } = await acceptInvitation(deps, request.params.token, request.body);
      setSessionCookie(deps, reply, await startSession(deps, userId, organizationId));
      return getMe(deps, userId, organizationId);
    },
  );
}
