/** Builds the HTTP application: plugins, security, routes, the SPA and error rendering. */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions, type RawServerDefault } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from '../deps.js';
import { registerActivityTypeRoutes } from '../features/activity-types/activity-types.routes.js';
import { registerAttachmentRoutes } from '../features/attachments/attachments.routes.js';
import { registerAuthRoutes } from '../features/auth/auth.routes.js';
import { registerClientRoutes } from '../features/clients/clients.routes.js';
import { registerCommentRoutes } from '../features/comments/comments.routes.js';
import { registerDirectoryRoutes } from '../features/directory/directory.routes.js';
import { registerHealthRoutes } from '../features/health/health.routes.js';
import { registerMeRoutes } from '../features/me/me.routes.js';
import { registerMilestoneRoutes } from '../features/milestones/milestones.routes.js';
import { registerNotificationRoutes } from '../features/notifications/notifications.routes.js';
import { registerOrganizationRoutes } from '../features/organizations/organizations.routes.js';
import { registerProjectRoutes } from '../features/projects/projects.routes.js';
import { registerReportRoutes } from '../features/reports/reports.routes.js';
import { registerSavedFilterRoutes } from '../features/saved-filters/saved-filters.routes.js';
import { registerSetupRoutes } from '../features/setup/setup.routes.js';
import { registerTaskRoutes } from '../features/tasks/tasks.routes.js';
import { registerTimeRoutes } from '../features/time/time.routes.js';
import { registerTokenRoutes } from '../features/tokens/tokens.routes.js';
import { registerInvitationRoutes } from '../features/users/invitations.routes.js';
import { registerUserRoutes } from '../features/users/users.routes.js';
import { registerJobRoutes } from '../jobs/jobs.routes.js';
import { registerEventRoutes } from '../realtime/events.routes.js';
import { registerAuth } from './auth.js';
import { registerIdempotency } from './idempotency.js';
import { registerProblemPages } from './problem-pages.js';
import { handleError, sendProblem } from './problem.js';
import { registerSecurityHeaders } from './security.js';

export type App = FastifyInstance;
export type ZodApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface RateLimit {
  max: number;
  timeWindow: number;
}

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Limit for sign-in, setup, invitation and password endpoints (per client address and minute). */
  authRateLimit?: RateLimit;
  /** Built SPA (index.html + assets); the web app is not served when missing. */
  webRoot?: string;
}

export const DEFAULT_WEB_ROOT = path.resolve(import.meta.dirname, '../../dist/web');

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  // The API speaks JSON; anything else is refused with 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerSecurityHeaders(app, { hsts: deps.config.secureCookies });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'rate_limited',
      message: `Too many attempts; try again in ${context.after}.`,
    }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Spine API',
        version: '1',
        description:
          'Spine is a task tracker for companies doing project work for clients. Authenticate with the session cookie of the web app or `Authorization: Bearer <token>` (create tokens under Profile). Errors are RFC 9457 problem details with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'spine_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  registerAuth(app, deps);
  registerIdempotency(app, deps);

  const zodApp = app.withTypeProvider<ZodTypeProvider>();
  const authRateLimit = options.authRateLimit ?? { max: 10, timeWindow: 60_000 };
  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      registerSetupRoutes(typed, deps, authRateLimit);
      registerAuthRoutes(typed, deps, authRateLimit);
      registerMeRoutes(typed, deps, authRateLimit);
      registerUserRoutes(typed, deps);
      registerInvitationRoutes(typed, deps, authRateLimit);
      registerTokenRoutes(typed, deps);
      registerOrganizationRoutes(typed, deps);
      registerProjectRoutes(typed, deps);
      registerMilestoneRoutes(typed, deps);
      registerClientRoutes(typed, deps);
      registerDirectoryRoutes(typed, deps);
      registerActivityTypeRoutes(typed, deps);
      registerTaskRoutes(typed, deps);
      registerEventRoutes(typed, deps);
      registerCommentRoutes(typed, deps);
      registerAttachmentRoutes(typed, deps);
      registerSavedFilterRoutes(typed, deps);
      registerNotificationRoutes(typed, deps);
      registerJobRoutes(typed, deps);
      registerTimeRoutes(typed, deps);
      registerReportRoutes(typed, deps);
      typed.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api/v1' },
  );
  registerHealthRoutes(zodApp, deps);
  registerProblemPages(app);

  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      setHeaders: (reply, filePath) => {
        // Vite names assets by content hash: they never change, so browsers may keep them a year.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isApi = /^\/(api|healthz|readyz|docs)(\/|$)/.test(pathname);
    if (hasWeb && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return sendProblem(request, reply, {
      code: 'route_not_found',
      detail: `There is no ${request.method} ${pathname}.`,
    });
  });

  return app;
}
