/** Who may start projects and keep the client list, and what keeps a project run. Pure. */
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { ConflictError, ForbiddenError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';

/** Owners, admins and managers start projects and keep the client list. */
export function assertCanRunProjects(actor: Actor): void {
  if (!isOrganizationAdmin(actor.role) && actor.role !== 'manager') {
    throw new ForbiddenError('Only managers, admins and owners create projects and clients.');
  }
}

/** A project keeps at least one manager; organization admins, who run every project anyway, may leave it without. */
export function assertKeepsAManager(actor: Actor, managersLeft: number): void {
  if (managersLeft < 1 && !isOrganizationAdmin(actor.role)) {
    throw new ConflictError('last_manager', 'A project keeps at least one manager; make someone else manager first.');
  }
}
