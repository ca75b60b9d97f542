/** Personal API tokens: one user in one organization, shown once, stored as a hash. */
import type { ApiToken, CreatedApiToken } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { deleteApiToken, insertApiToken, listApiTokens } from '../auth/auth.repository.js';
import { API_TOKEN_PREFIX } from '../auth/auth.service.js';
import { hashSecret, newSecret } from '../auth/secrets.js';

export async function createApiToken(deps: Deps, actor: Actor, name: string): Promise<CreatedApiToken> {
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  const created = await insertApiToken(
    deps.database.db,
    {
      organizationId: actor.organizationId,
      userId: actor.userId,
      name,
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      tokenHash: hashSecret(token),
    },
    deps.clock.now(),
  );
  return { ...created, token };
}

export function listOwnApiTokens(deps: Deps, actor: Actor): Promise<ApiToken[]> {
  return listApiTokens(deps.database.db, actor.userId, actor.organizationId);
}

/** Revokes one of the caller's tokens; someone else's token is "not found", whoever asks. */
export async function revokeApiToken(deps: Deps, actor: Actor, id: number): Promise<void> {
  if (!(await deleteApiToken(deps.database.db, id, actor.userId, actor.organizationId))) {
    throw new NotFoundError('This token');
  }
}
