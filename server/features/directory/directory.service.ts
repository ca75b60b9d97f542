/** The people directory: everyone in the organization, for choosing members, captains and whom work waits on. */
import type { Deps } from '../../deps.js';
import { ForbiddenError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import * as repository from './directory.repository.js';

export async function listDirectory(deps: Deps, actor: Actor) {
  if (actor.role === 'client') throw new ForbiddenError('Client accounts do not see the people directory.');
  return repository.listDirectory(deps.database.db, actor.organizationId);
}
