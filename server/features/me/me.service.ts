/** The signed-in person's own account: profile, language, password. */
import type { ChangePasswordBody, Me, UpdateProfileBody } from '../../../shared/api.js';
import type { Deps } from '../../deps.js';
import { NotAuthenticatedError, ValidationError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { deleteSessionsOfUser } from '../auth/auth.repository.js';
import { getMe } from '../auth/auth.service.js';
import { assertAcceptablePassword } from '../auth/password.js';
import { findUserById, updateUser } from '../users/users.repository.js';

export async function updateProfile(deps: Deps, actor: Actor, body: UpdateProfileBody): Promise<Me> {
  await updateUser(deps.database.db, actor.userId, body, deps.clock.now());
  return getMe(deps, actor.userId, actor.organizationId);
}

/** Changes the password after checking the current one, and signs out every other session. */
export async function changePassword(deps: Deps, actor: Actor, body: ChangePasswordBody): Promise<void> {
  const { db } = deps.database;
  const user = await findUserById(db, actor.userId);
  if (!user) throw new NotAuthenticatedError();
  if (user.passwordHash === null || !(await deps.passwords.verify(user.passwordHash, body.currentPassword))) {
    throw new ValidationError({ pointer: '/currentPassword', code: 'wrong_password', detail: 'The current password is not correct.' });
  }
  assertAcceptablePassword(body.newPassword, { email: user.email, name: user.name }, '/newPassword');
  const passwordHash = await deps.passwords.hash(body.newPassword);
  await db.transaction().execute(async (tx) => {
    await updateUser(tx, actor.userId, { passwordHash }, deps.clock.now());
    await deleteSessionsOfUser(tx, actor.userId, actor.via.kind === 'session' ? actor.via.sessionId : undefined);
  });
}
