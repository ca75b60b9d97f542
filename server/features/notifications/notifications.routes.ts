import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/api.js';
import { NotificationPageSchema, NotificationSettingsSchema } from '../../../shared/notifications.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
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
}
