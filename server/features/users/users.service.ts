/** People of an organization: listing, inviting, changing roles and capacity, deactivating. */
import type { CreateUserBody, CreatedPerson, InvitationLink, Person, UpdateUserBody } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import { invitationEmail } from '../../emails/messages.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { queueEmail } from '../../jobs/send-email.job.js';
import type { Actor } from '../auth/actor.js';
import {
  deleteApiTokensOfMembership,
  deleteSessionsOfMembership,
  insertInvitation,
  revokeOpenInvitations,
} from '../auth/auth.repository.js';
import { assertAcceptablePassword } from '../auth/password.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import {
  assertCanChangeMembership,
  assertCanManagePeople,
  assertKeepsAnOwner,
  DEFAULT_CAPACITY_MINUTES,
  INVITATION_VALIDITY_MS,
} from './person.js';
import {
  countActiveOwners,
  findPerson,
  findUserByEmail,
  findUserById,
  insertMembership,
  insertUser,
  listPeople,
  updateMembership,
  updateUser,
} from './users.repository.js';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';

export async function listOrganizationPeople(deps: Deps, actor: Actor): Promise<Person[]> {
  assertCanManagePeople(actor);
  return listPeople(deps.database.db, actor.organizationId);
}

export async function getPerson(deps: Deps, actor: Actor, userId: number): Promise<Person> {
  assertCanManagePeople(actor);
  const person = await findPerson(deps.database.db, actor.organizationId, userId);
  if (!person) throw new NotFoundError('This person');
  return person;
}

async function createInvitation(deps: Deps, db: Kysely<Schema>, actor: Actor, userId: number): Promise<InvitationLink> {
  const secret = newSecret();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_VALIDITY_MS);
  await revokeOpenInvitations(db, userId, actor.organizationId, now);
  await insertInvitation(
    db,
    { organizationId: actor.organizationId, userId, tokenHash: hashSecret(secret), createdBy: actor.userId, expiresAt },
    now,
  );
  return { url: `${deps.config.publicUrl}/invite/${secret}`, expiresAt: expiresAt.toISOString() };
}

/** The invitation link by email, when email is configured (the admin also sees the link). */
async function queueInvitationEmail(
  deps: Deps,
  db: Kysely<Schema>,
  invitation: { organizationId: number; inviterId: number; userId: number; url: string; expiresAt: string },
): Promise<void> {
  if (!deps.mailer.enabled) return;
  const invitee = await findUserById(db, invitation.userId);
  const inviter = await findUserById(db, invitation.inviterId);
  const organization = await findOrganization(db, invitation.organizationId);
  if (!invitee || !organization) return;
  const content = invitationEmail(
    invitee.locale,
    invitee.name,
    organization.name,
    inviter?.name ?? organization.name,
    invitation.url,
    invitation.expiresAt,
  );
  await queueEmail(db, deps.clock.now(), invitation.organizationId, invitee.email, content);
}

/**
 * Adds a person. A new account without a password gets a single-use invitation link (7 days);
 * someone who already has a Spine account (another organization) simply joins.
 */
export async function createPerson(deps: Deps, actor: Actor, body: CreateUserBody): Promise<CreatedPerson> {
  assertCanChangeMembership(actor, undefined, body.role);
  const { db } = deps.database;
  const existing = await findUserByEmail(db, body.email);
  if (existing && (await findPerson(db, actor.organizationId, existing.id))) {
    throw new ConflictError('already_member', 'This person already belongs to the organization.');
  }
  if (existing && body.password !== undefined) {
    throw new ValidationError({
      pointer: '/password',
      code: 'account_exists',
      detail: 'This person already has a Spine account and signs in with their own password; leave the password empty.',
    });
  }
  if (body.password !== undefined) assertAcceptablePassword(body.password, { email: body.email, name: body.name });
  const passwordHash = body.password === undefined ? null : await deps.passwords.hash(body.password);
  const capacityMinutes = Math.round((body.capacityHours ?? DEFAULT_CAPACITY_MINUTES / 60) * 60);

  return db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const user =
      existing ??
      (await insertUser(
        tx,
        { email: body.email, name: body.name, passwordHash, isInstanceAdmin: false, lastOrganizationId: actor.organizationId },
        now,
      ));
    await insertMembership(tx, { organizationId: actor.organizationId, userId: user.id, role: body.role, capacityMinutes }, now);
    const invitation = user.passwordHash === null && passwordHash === null ? await createInvitation(deps, tx, actor, user.id) : null;
    if (invitation)
      await queueInvitationEmail(deps, tx, {
        organizationId: actor.organizationId,
        inviterId: actor.userId,
        userId: user.id,
        ...invitation,
      });
    const person = await findPerson(tx, actor.organizationId, user.id);
    if (!person) throw new Error('membership vanished inside its own transaction');
    return { ...person, invitation };
  });
}

export async function updatePerson(deps: Deps, actor: Actor, userId: number, body: UpdateUserBody): Promise<Person> {
  assertCanManagePeople(actor);
  const { db } = deps.database;
  return db.transaction().execute(async (tx) => {
    const target = await findPerson(tx, actor.organizationId, userId);
    if (!target) throw new NotFoundError('This person');
    const changesMembership = body.role !== undefined || body.active !== undefined;
    if (changesMembership || body.name !== undefined) assertCanChangeMembership(actor, target, body.role);
    assertKeepsAnOwner(target, body, await countActiveOwners(tx, actor.organizationId));
    const now = deps.clock.now();
    if (body.name !== undefined) await updateUser(tx, userId, { name: body.name }, now);
    await updateMembership(
      tx,
      actor.organizationId,
      userId,
      {
        ...(body.role !== undefined && { role: body.role }),
        ...(body.active !== undefined && { active: body.active }),
        ...(body.capacityHours !== undefined && { capacityMinutes: Math.round(body.capacityHours * 60) }),
      },
      now,
    );
    if (body.active === false && target.active) {
      // Deactivation takes effect at once: sessions and tokens in this organization end now.
      await deleteSessionsOfMembership(tx, userId, actor.organizationId);
      await deleteApiTokensOfMembership(tx, userId, actor.organizationId);
      await revokeOpenInvitations(tx, userId, actor.organizationId, now);
    }
    const updated = await findPerson(tx, actor.organizationId, userId);
    if (!updated) throw new NotFoundError('This person');
    return updated;
  });
}

/** A fresh invitation link for someone who has not set a password yet; older links stop working. */
export async function renewInvitation(deps: Deps, actor: Actor, userId: number): Promise<InvitationLink> {
  assertCanManagePeople(actor);
  const { db } = deps.database;
  return db.transaction().execute(async (tx) => {
    const target = await findPerson(tx, actor.organizationId, userId);
    if (!target) throw new NotFoundError('This person');
    assertCanChangeMembership(actor, target, undefined);
    if (target.state !== 'invited') {
      throw new ConflictError('not_invited', 'This person already has a password or is deactivated; no invitation is needed.');
    }
    const invitation = await createInvitation(deps, tx, actor, userId);
    await queueInvitationEmail(deps, tx, { organizationId: actor.organizationId, inviterId: actor.userId, userId, ...invitation });
    return invitation;
  });
}
