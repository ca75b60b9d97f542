import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/api.js';
import { FailedJobListSchema, NotificationPageSchema, NotificationSettingsSchema } from '../../../shared/notifications.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import type { Deps } from '../../deps.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import { listFailedJobs, retryJob } from '../../jobs/queue.js';
import * as service from './notifications.service.js';

export function registerNotificationRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/notifications',
    {
      schema: {
        summary: 'Your notifications, newest first, with the unread count',
        tags: ['notifications'],
        querystring: z
          .object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(100).default(30) })
          .strict(),
        response: { 200: NotificationPageSchema, ...problemResponses },
      },
    },
    async (request) => service.listMyNotifications(deps, requireActor(request), request.query.before, request.query.limit),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        summary: 'Mark one notification read',
        tags: ['notifications'],
        params: IdParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.markNotificationRead(deps, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    { schema: { summary: 'Mark all your notifications read', tags: ['notifications'], response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      await service.markAllRead(deps, requireActor(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/notification-settings',
    {
      schema: {
        summary: 'Which notices reach you, and how',
        tags: ['notifications'],
        response: { 200: NotificationSettingsSchema, ...problemResponses },
      },
    },
    async (request) => service.getMySettings(deps, requireActor(request)),
  );

  app.put(
    '/me/notification-settings',
    {
      schema: {
        summary: 'Choose per kind: in the app, by email, or only in the daily digest',
        tags: ['notifications'],
        body: NotificationSettingsSchema,
        response: { 200: NotificationSettingsSchema, ...problemResponses },
      },
    },
    async (request) => service.saveMySettings(deps, requireActor(request), request.body),
  );

  app.get(
    '/admin/failed-jobs',
    {
      schema: {
        summary: 'Background work that failed for good (e.g. undeliverable email), for owners and admins',
        tags: ['administration'],
        response: { 200: FailedJobListSchema, ...problemResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!isOrganizationAdmin(actor.role)) throw new ForbiddenError('Only owners and admins see failed background work.');
      return { items: await listFailedJobs(deps.database.db, actor.organizationId) };
    },
  );

  app.post(
    '/admin/failed-jobs/:id/retry',
    {
      schema: {
        summary: 'Try a failed job again',
        tags: ['administration'],
        params: IdParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!isOrganizationAdmin(actor.role)) throw new ForbiddenError('Only owners and admins retry background work.');
      if (!(await retryJob(deps.database.db, actor.organizationId, request.params.id, deps.clock.now())))
        throw new NotFoundError('This failed job');
      deps.jobs.nudge();
      return reply.status(204).send(null);
    },
  );
}
