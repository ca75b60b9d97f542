import { MeSchema, SetupBodySchema, SetupStatusSchema } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import type { RateLimit, ZodApp } from '../../http/app.js';
import { setSessionCookie } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import { getMe, startSession } from '../auth/auth.service.js';
import { isSetupNeeded, setUp } from './setup.service.js';

export function registerSetupRoutes(app: ZodApp, deps: Deps, rateLimit: RateLimit): void {
  app.get(
    '/setup',
    {
      schema: { summary: 'Whether Spine still needs its first-run setup', tags: ['setup'], response: { 200: SetupStatusSchema } },
    },
    async () => ({ needed: await isSetupNeeded(deps) }),
  );

  app.post(
    '/setup',
    {
      config: { rateLimit },
      schema: {
        summary: 'Create the organization and its owner (first run only), and sign in',
        tags: ['setup'],
        security: [],
        body: SetupBodySchema,
        response: { 201: MeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { userId, organizationId } = await setUp(deps, request.body);
      setSessionCookie(deps, reply, await startSession(deps, userId, organizationId));
      return reply.status(201).send(await getMe(deps, userId, organizationId));
    },
  );
}
