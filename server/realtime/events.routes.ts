/**
 * `GET /api/v1/events`: a Server-Sent Events stream of the changes the caller may see. Reconnecting
 * browsers send Last-Event-ID and receive what they missed (or `reset` when it is too much).
 */
import { z } from 'zod';
import { PERSONAL_EVENT_TYPES, RESET_EVENT, type RealtimeEvent } from '../../shared/events.js';
import { isOrganizationAdmin } from '../../shared/roles.js';
import type { Deps } from '../deps.js';
import { ForbiddenError } from '../errors.js';
import type { ZodApp } from '../http/app.js';
import { requireActor, stillAuthenticated } from '../http/auth.js';
import { problemResponses } from '../http/responses.js';
import { eventsSince, latestSeq, visibleProjectIds } from './events.repository.js';
import type { Subscriber } from './hub.js';

/** More missed events than this and the client is told to refetch instead. */
const CATCH_UP_LIMIT = 1000;
const HEARTBEAT_MS = 25_000;

function format(event: RealtimeEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

export function registerEventRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/events',
    {
      schema: {
        summary: 'Live updates as Server-Sent Events (send Last-Event-ID or `after` to resume)',
        tags: ['live updates'],
        querystring: z.object({ after: z.coerce.number().int().min(0).optional() }).strict(),
        response: { 200: z.string().describe('text/event-stream'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const origin = request.headers.origin;
      if (origin && origin !== new URL(deps.config.publicUrl).origin && origin !== `${request.protocol}://${request.headers.host}`) {
        throw new ForbiddenError('This stream is for Spine pages only.', 'csrf_failed');
      }
      const { db } = deps.database;
      const admin = isOrganizationAdmin(actor.role);
      let visible = actor.role === 'client' ? new Set<number>() : await visibleProjectIds(db, actor.organizationId, actor.userId, admin);
      const lastEventId = Number(request.headers['last-event-id']);
      const after =
        Number.isInteger(lastEventId) && lastEventId >= 0
          ? lastEventId
          : (request.query.after ?? (await latestSeq(db, actor.organizationId)));

      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      stream.write(`retry: 2000\n: connected\n\n`);

      let sent = after;
      let catchingUp = true;
      const queued: RealtimeEvent[] = [];
      let processing = Promise.resolve();

      const deliver = async (event: RealtimeEvent) => {
        if (event.seq <= sent) return;
        sent = event.seq;
        if (event.type.startsWith('project.') && actor.role !== 'client') {
          // Membership may have changed: recompute what this person sees before deciding.
          visible = await visibleProjectIds(db, actor.organizationId, actor.userId, admin);
        }
        // Personal events reach their person only; a week's approval its person and the admins; the rest follows the project.
        const allowed = PERSONAL_EVENT_TYPES.includes(event.type)
          ? event.data.userId === actor.userId
          : event.type === 'timesheet.changed'
            ? event.data.userId === actor.userId || admin
            : event.projectId === null
              ? admin
              : visible.has(event.projectId);
        if (allowed && !stream.destroyed) stream.write(format(event));
      };

      const subscriber: Subscriber = {
        organizationId: actor.organizationId,
        offer(event) {
          if (catchingUp) queued.push(event);
          else processing = processing.then(() => deliver(event)).catch(() => {});
        },
        close: () => stream.end(),
      };
      await deps.realtime.subscribe(subscriber);

      const heartbeat = setInterval(() => {
        void stillAuthenticated(deps, request, actor).then((valid) => {
          if (!valid) stream.end();
          else stream.write(': keep-alive\n\n');
        });
      }, HEARTBEAT_MS);
      heartbeat.unref();
      stream.on('close', () => {
        clearInterval(heartbeat);
        deps.realtime.unsubscribe(subscriber);
      });

      const missed = await eventsSince(db, actor.organizationId, after, CATCH_UP_LIMIT + 1);
      if (missed.length > CATCH_UP_LIMIT) {
        const latest = await latestSeq(db, actor.organizationId);
        sent = latest;
        stream.write(`id: ${latest}\nevent: ${RESET_EVENT}\ndata: {}\n\n`);
      } else {
        for (const event of missed) await deliver(event);
      }
      catchingUp = false;
      for (const event of queued.splice(0)) processing = processing.then(() => deliver(event)).catch(() => {});
    },
  );
}
