/** Background work that failed for good: owners and admins see it and may try it again. */
import type { FailedJob } from '../../shared/notifications.js';
import { isOrganizationAdmin } from '../../shared/roles.js';
import type { Deps } from '../deps.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { Actor } from '../features/auth/actor.js';
import * as repository from './jobs.repository.js';

export async function listFailedJobs(deps: Deps, actor: Actor): Promise<FailedJob[]> {
  if (!isOrganizationAdmin(actor.role)) throw new ForbiddenError('Only owners and admins see failed background work.');
  return repository.listFailedJobs(deps.database.db, actor.organizationId);
}

export async function retryFailedJob(deps: Deps, actor: Actor, id: number): Promise<void> {
  if (!isOrganizationAdmin(actor.role)) throw new ForbiddenError('Only owners and admins retry background work.');
  if (!(await repository.retryJob(deps.database.db, actor.organizationId, id, deps.clock.now())))
    throw new NotFoundError('This failed job');
  deps.jobs.nudge();
}
