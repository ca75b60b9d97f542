/** Signing in and out, resolving credentials to an actor, switching organizations. */
import type { LoginBody, Me } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import { ForbiddenError, NotAuthenticatedError, NotFoundError } from '../../errors.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { findUserByEmail, findUserById, listMemberships, updateUser } from '../users/users.repository.js';
import type { Actor } from './actor.js';
import {
  type CredentialRecord,
  deleteSession,
  findApiTokenByHash,
  findSessionByHash,
  insertSession,
  setSessionOrganization,
  touchApiToken,
  touchSession,
} from './auth.repository.js';
import { DUMMY_HASH_INPUT } from './password.js';
import { hashSecret, newSecret } from './secrets.js';

export const SESSION_IDLE_MS = 7 * 24 * 3600_000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600_000;
/** last_seen_at / last_used_at are written at most this often, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;
export const API_TOKEN_PREFIX = 'spn_';

function toActor(record: CredentialRecord, via: Actor['via']): Actor {
  return {
    userId: record.userId,
    organizationId: record.organizationId,
    role: record.role,
    isInstanceAdmin: record.isInstanceAdmin,
    via,
  };
}

/** The actor behind a session cookie, or undefined when it is unknown, expired or its membership ended. */
export async function authenticateSession(deps: Deps, secret: string): Promise<Actor | undefined> {
  const { db } = deps.database;
  const record = await findSessionByHash(db, hashSecret(secret));
  if (!record) return undefined;
  const now = deps.clock.now();
  const idleExpired = now.getTime() - record.lastSeenAt.getTime() > SESSION_IDLE_MS;
  if (!record.membershipActive || idleExpired || (record.expiresAt && record.expiresAt <= now)) {
    await deleteSession(db, record.id);
    return undefined;
  }
  if (now.getTime() - record.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(db, record.id, now);
  return toActor(record, { kind: 'session', sessionId: record.id });
}

/** The actor behind an API token, or undefined. */
export async function authenticateToken(deps: Deps, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const { db } = deps.database;
  const record = await findApiTokenByHash(db, hashSecret(token));
  if (!record?.membershipActive) return undefined;
  const now = deps.clock.now();
  if (now.getTime() - record.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchApiToken(db, record.id, now);
  return toActor(record, { kind: 'token', tokenId: record.id });
}

/** Creates a session and returns its secret (for the cookie); only the hash is stored. */
export async function startSession(deps: Deps, userId: number, organizationId: number): Promise<string> {
  const secret = newSecret();
  const now = deps.clock.now();
  await insertSession(
    deps.database.db,
    { tokenHash: hashSecret(secret), userId, organizationId, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) },
    now,
  );
  return secret;
}

const invalidCredentials = () => new NotAuthenticatedError('The email or password is not correct.', 'invalid_credentials');

let dummyHash: Promise<string> | undefined;

/** Checks the password and starts a session in the organization used last (or the first active one). */
export async function login(deps: Deps, body: LoginBody): Promise<{ secret: string; userId: number; organizationId: number }> {
  const { db } = deps.database;
  const user = await findUserByEmail(db, body.email);
  if (!user || user.passwordHash === null) {
    // Spend the same time as a real check, so the answer's timing does not tell whether the email exists.
    dummyHash ??= deps.passwords.hash(DUMMY_HASH_INPUT);
    await deps.passwords.verify(await dummyHash, body.password);
    throw invalidCredentials();
  }
  if (!(await deps.passwords.verify(user.passwordHash, body.password))) throw invalidCredentials();
  const memberships = (await listMemberships(db, user.id)).filter((membership) => membership.active);
  const chosen = memberships.find((membership) => membership.organizationId === user.lastOrganizationId) ?? memberships[0];
  if (!chosen) throw invalidCredentials();
  const secret = await startSession(deps, user.id, chosen.organizationId);
  if (user.lastOrganizationId !== chosen.organizationId) {
    await updateUser(db, user.id, { lastOrganizationId: chosen.organizationId }, deps.clock.now());
  }
  return { secret, userId: user.id, organizationId: chosen.organizationId };
}

export async function logout(deps: Deps, actor: Actor): Promise<void> {
  if (actor.via.kind === 'session') await deleteSession(deps.database.db, actor.via.sessionId);
}

/** Moves the current session to another organization the user actively belongs to. */
export async function switchOrganization(deps: Deps, actor: Actor, organizationId: number): Promise<Me> {
  if (actor.via.kind !== 'session') {
    throw new ForbiddenError('An API token belongs to one organization; create a token in the other one.');
  }
  const { db } = deps.database;
  const membership = (await listMemberships(db, actor.userId)).find(
    (candidate) => candidate.organizationId === organizationId && candidate.active,
  );
  if (!membership) throw new NotFoundError('This organization');
  await setSessionOrganization(db, actor.via.sessionId, organizationId);
  await updateUser(db, actor.userId, { lastOrganizationId: organizationId }, deps.clock.now());
  return getMe(deps, actor.userId, organizationId);
}

/** The signed-in person, their current organization and role, and every organization they may switch to. */
export async function getMe(deps: Deps, userId: number, organizationId: number): Promise<Me> {
  const { db } = deps.database;
  const [user, organization, memberships] = await Promise.all([
    findUserById(db, userId),
    findOrganization(db, organizationId),
    listMemberships(db, userId),
  ]);
  const current = memberships.find((membership) => membership.organizationId === organizationId);
  if (!user || !organization || !current) throw new NotAuthenticatedError();
  return {
    user: { id: user.id, name: user.name, email: user.email, locale: user.locale, isInstanceAdmin: user.isInstanceAdmin },
    organization,
    role: current.role,
    organizations: memberships
      .filter((membership) => membership.active)
      .map((membership) => ({ id: membership.organizationId, name: membership.organizationName, role: membership.role })),
  };
}
