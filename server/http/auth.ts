/**
 * Resolves the caller on every API request (session cookie or `Authorization: Bearer`) and guards
 * cookie-authenticated state changes against cross-site requests by checking Origin.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import { ForbiddenError, NotAuthenticatedError } from '../errors.js';
import type { Actor } from '../features/auth/actor.js';
import { authenticateSession, authenticateToken, SESSION_ABSOLUTE_MS } from '../features/auth/auth.service.js';

export const SESSION_COOKIE = 'spine_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new NotAuthenticatedError();
  return request.actor;
}

export function setSessionCookie(deps: Deps, reply: FastifyReply, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(deps: Deps, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies });
}

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return 'invalid';
  }
}

/** Origins a browser page of this Spine may send from: PUBLIC_URL and the Host the request came to. */
function allowedOrigins(deps: Deps, request: FastifyRequest): Set<string> {
  const allowed = new Set([new URL(deps.config.publicUrl).origin]);
  const host = request.headers.host;
  if (host) allowed.add(`${request.protocol}://${host}`);
  return allowed;
}

/** Re-checks the caller's credential: a stream ends when its session or membership does. */
export async function stillAuthenticated(deps: Deps, request: FastifyRequest, actor: Actor): Promise<boolean> {
  if (actor.via.kind === 'token') {
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    return bearer !== undefined && (await authenticateToken(deps, bearer))?.userId === actor.userId;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  const current = cookie ? await authenticateSession(deps, cookie) : undefined;
  return current?.userId === actor.userId && current.organizationId === actor.organizationId;
}

export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    const cookie = request.cookies[SESSION_COOKIE];
    const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];

    if (!SAFE_METHODS.has(request.method) && !bearer) {
      const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
      // Browsers always send Origin on cross-site and same-site POSTs; a cookie without one is not trusted.
      if ((origin && !allowedOrigins(deps, request).has(origin)) || (!origin && cookie)) {
        throw new ForbiddenError('This request did not come from a Spine page.', 'csrf_failed');
      }
    }

    if (bearer) {
      request.actor = await authenticateToken(deps, bearer);
      if (!request.actor) throw new NotAuthenticatedError('The API token is not valid.', 'invalid_token');
      return;
    }
    if (cookie) request.actor = await authenticateSession(deps, cookie);
  });
}
