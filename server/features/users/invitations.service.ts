/** Opening and accepting an invitation link: the invited person sets a password and is signed in. */
import type { AcceptInvitationBody, Invitation } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import { GoneError, NotFoundError } from '../../errors.js';
import { findInvitationByHash, type InvitationRecord, useInvitation } from '../auth/auth.repository.js';
import { assertAcceptablePassword } from '../auth/password.js';
import { hashSecret } from '../auth/secrets.js';
import { updateUser } from './users.repository.js';

async function findUsableInvitation(deps: Deps, token: string): Promise<InvitationRecord> {
  const invitation = await findInvitationByHash(deps.database.db, hashSecret(token));
  if (!invitation) throw new NotFoundError('This invitation', 'invitation_invalid');
  if (invitation.usedAt !== null || !invitation.membershipActive || invitation.expiresAt <= deps.clock.now()) {
    throw new GoneError(
      'invitation_invalid',
      'This invitation link was already used or has expired. Ask your administrator for a new one.',
    );
  }
  return invitation;
}

export async function getInvitation(deps: Deps, token: string): Promise<Invitation> {
  const invitation = await findUsableInvitation(deps, token);
  return {
    email: invitation.email,
    name: invitation.name,
    organizationName: invitation.organizationName,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** Sets the password (and name) and uses the invitation up; a second use of the same link fails. */
export async function acceptInvitation(
  deps: Deps,
  token: string,
  body: AcceptInvitationBody,
): Promise<{ userId: number; organizationId: number }> {
  const invitation = await findUsableInvitation(deps, token);
  assertAcceptablePassword(body.password, { email: invitation.email, name: body.name ?? invitation.name });
  const passwordHash = await deps.passwords.hash(body.password);
  await deps.database.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    if (!(await useInvitation(tx, invitation.id, now))) {
      throw new GoneError('invitation_invalid', 'This invitation link was already used.');
    }
    await updateUser(
      tx,
      invitation.userId,
      { passwordHash, lastOrganizationId: invitation.organizationId, ...(body.name !== undefined && { name: body.name }) },
      now,
    );
  });
  return { userId: invitation.userId, organizationId: invitation.organizationId };
}
