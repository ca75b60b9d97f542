/** People rules: who may manage whom, and the owner that must always remain (pure). */
import type { Role } from '../../../shared/roles.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { ConflictError, ForbiddenError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';

export const DEFAULT_CAPACITY_MINUTES = 40 * 60;
export const INVITATION_VALIDITY_MS = 7 * 24 * 3600_000;

/** Owners and admins manage people; nobody else. */
export function assertCanManagePeople(actor: Actor): void {
  if (!isOrganizationAdmin(actor.role)) {
    throw new ForbiddenError('Only owners and admins manage people.');
  }
}

/** Only an owner may make someone an owner or change an owner's membership. */
export function assertCanChangeMembership(actor: Actor, target: { role: Role } | undefined, newRole: Role | undefined): void {
  assertCanManagePeople(actor);
  if (actor.role === 'owner') return;
  if (target?.role === 'owner') throw new ForbiddenError('Only an owner can change an owner.');
  if (newRole === 'owner') throw new ForbiddenError('Only an owner can make someone an owner.');
}

/** The last active owner can be neither demoted nor deactivated: an organization always has one. */
export function assertKeepsAnOwner(
  target: { role: Role; active: boolean },
  change: { role?: Role; active?: boolean },
  activeOwners: number,
): void {
  const isActiveOwner = target.role === 'owner' && target.active;
  const losesOwnership = (change.role !== undefined && change.role !== 'owner') || change.active === false;
  if (isActiveOwner && losesOwnership && activeOwners <= 1) {
    throw new ConflictError('last_owner', 'This is the last owner. Make someone else an owner first.');
  }
}
