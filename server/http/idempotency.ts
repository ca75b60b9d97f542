/**
 * `Idempotency-Key` on creating POSTs: the first response is stored per user and key, and a retry
 * with the same key and body gets it back instead of creating again. Routes opt in with
 * `config: { idempotent: true }`.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toStored } from '../db/rows.js';
import type { Deps } from '../deps.js';
import { ConflictError, ValidationError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { userId: number; key: string } | undefined;
  }
}

/** A request that never finished (a crash) frees its key after this long. */
const PENDING_TIMEOUT_MS = 60_000;
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600_000;

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

export function registerIdempotency(app: FastifyInstance, deps: Deps): void {
  const { db } = deps.database;
  app.decorateRequest('idempotency', undefined);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (!request.routeOptions.config.idempotent || typeof key !== 'string' || !request.actor) return;
    if (key.length === 0 || key.length > 200) {
      throw new ValidationError({ pointer: '/headers/idempotency-key', code: 'invalid', detail: 'Use a key of 1 to 200 characters.' });
    }
    const userId = request.actor.userId;
    const hash = requestHash(request);
    const now = deps.clock.now();
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({ user_id: userId, key, request_hash: hash, status_code: null, response: null, created_at: toStored(now) })
      .onConflict((conflict) => conflict.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      request.idempotency = { userId, key };
      return;
    }
    const existing = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (existing.request_hash !== hash) {
      throw new ValidationError({
        pointer: '/headers/idempotency-key',
        code: 'idempotency_key_reused',
        detail: 'This Idempotency-Key was used for a different request; use a new key.',
      });
    }
    if (existing.status_code === null || existing.response === null) {
      const startedAt = new Date(existing.created_at).getTime();
      if (now.getTime() - startedAt < PENDING_TIMEOUT_MS) {
        throw new ConflictError('idempotency_in_progress', 'The first request with this key is still running; retry in a moment.');
      }
      await db
        .updateTable('idempotency_keys')
        .set({ created_at: toStored(now) })
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .execute();
      request.idempotency = { userId, key };
      return;
    }
    reply.header('idempotent-replayed', 'true');
    return reply.status(existing.status_code).type('application/json; charset=utf-8').send(existing.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    if (!pending) return payload;
    request.idempotency = undefined;
    const query = db.updateTable('idempotency_keys').where('user_id', '=', pending.userId).where('key', '=', pending.key);
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      await query.set({ status_code: reply.statusCode, response: payload }).execute();
    } else {
      // A failed attempt keeps nothing: the client may retry the same key after fixing the cause.
      await db.deleteFrom('idempotency_keys').where('user_id', '=', pending.userId).where('key', '=', pending.key).execute();
    }
    return payload;
  });
}

export async function deleteExpiredIdempotencyKeys(deps: Deps, now: Date): Promise<void> {
  await deps.database.db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', toStored(new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)))
    .execute();
}
