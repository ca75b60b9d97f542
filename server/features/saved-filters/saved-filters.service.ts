/** Saved filters: each person's named task list queries, private to them in each organization. */
import type { CreateSavedFilterBody, SavedFilter } from '../../../shared/tasks.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { assertValidFilterQuery } from './saved-filter.js';
import * as repository from './saved-filters.repository.js';

export async function listSavedFilters(deps: Deps, actor: Actor): Promise<SavedFilter[]> {
  return repository.listSavedFilters(deps.database.db, actor.organizationId, actor.userId);
}

export async function createSavedFilter(deps: Deps, actor: Actor, body: CreateSavedFilterBody): Promise<SavedFilter> {
  assertValidFilterQuery(body.query);
  return repository.insertSavedFilter(
    deps.database.db,
    { organizationId: actor.organizationId, userId: actor.userId, name: body.name, query: body.query },
    deps.clock.now(),
  );
}

/** Someone else's filter answers 404: filters are private. */
export async function deleteSavedFilter(deps: Deps, actor: Actor, filterId: number): Promise<void> {
  if (!(await repository.deleteSavedFilter(deps.database.db, actor.organizationId, actor.userId, filterId))) {
    throw new NotFoundError('This saved filter');
  }
}
