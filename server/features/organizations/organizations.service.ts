/** The current organization's settings, and new organizations made by the instance administrator. */
import type { CreateOrganizationBody, Organization, UpdateOrganizationBody } from '../../../shared/api.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import type { Deps } from '../../deps.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { assertAcceptablePassword } from '../auth/password.js';
import { DEFAULT_CAPACITY_MINUTES } from '../users/person.js';
import { findUserByEmail, insertMembership, insertUser } from '../users/users.repository.js';
import { findOrganization, insertOrganization, updateOrganization } from './organizations.repository.js';

export async function getCurrentOrganization(deps: Deps, actor: Actor): Promise<Organization> {
  const organization = await findOrganization(deps.database.db, actor.organizationId);
  if (!organization) throw new NotFoundError('This organization');
  return organization;
}

export async function updateCurrentOrganization(deps: Deps, actor: Actor, body: UpdateOrganizationBody): Promise<Organization> {
  if (!isOrganizationAdmin(actor.role)) throw new ForbiddenError('Only owners and admins change organization settings.');
  return updateOrganization(deps.database.db, actor.organizationId, body, deps.clock.now());
}

/**
 * Creates another organization on this installation with its first owner. An owner email that
 * already has an account joins as owner and keeps its own password.
 */
export async function createOrganization(deps: Deps, actor: Actor, body: CreateOrganizationBody): Promise<Organization> {
  if (!actor.isInstanceAdmin) throw new ForbiddenError('Only the administrator of this Spine installation creates organizations.');
  const { db } = deps.database;
  const existing = await findUserByEmail(db, body.owner.email);
  let passwordHash: string | null = null;
  if (!existing) {
    assertAcceptablePassword(body.owner.password, { email: body.owner.email, name: body.owner.name }, '/owner/password');
    passwordHash = await deps.passwords.hash(body.owner.password);
  }
  return db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const organization = await insertOrganization(tx, body.name, now);
    const owner =
      existing ??
      (await insertUser(
        tx,
        { email: body.owner.email, name: body.owner.name, passwordHash, isInstanceAdmin: false, lastOrganizationId: organization.id },
        now,
      ));
    await insertMembership(
      tx,
      { organizationId: organization.id, userId: owner.id, role: 'owner', capacityMinutes: DEFAULT_CAPACITY_MINUTES },
      now,
    );
    return organization;
  });
}
