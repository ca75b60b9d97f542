/** Loads a project for a caller, checked against what they may see of it and change. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { canSeeProject, isProjectManager } from '../tasks/task.policy.js';
import { findProject } from './projects.repository.js';

/** The project if the caller may see it; 404 otherwise (its existence is private). */
export async function loadVisibleProject(db: Kysely<Schema>, actor: Actor, projectId: number) {
  const found = await findProject(db, actor.organizationId, projectId, actor.userId);
  if (!found || !canSeeProject(actor, found.role)) throw new NotFoundError('This project');
  return found;
}

/** The project if the caller manages it; 404 when they may not see it, 403 when they may not change it. */
export async function loadManagedProject(db: Kysely<Schema>, actor: Actor, projectId: number) {
  const found = await loadVisibleProject(db, actor, projectId);
  if (!isProjectManager(actor, found.role)) throw new ForbiddenError('Only managers of this project change it.');
  return found;
}
