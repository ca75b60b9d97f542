/**
 * Forgotten passwords: a single-use link by email, valid for an hour. The request answers the same
 * whether the email is known or not, so it tells nobody who has an account.
 */
import type { Deps } from '../../deps.js';
import { GoneError, NotFoundError } from '../../errors.js';
import { fromStored, toStored } from '../../db/rows.js';
import { passwordResetEmail } from '../../emails/messages.js';
import { queueEmail } from '../../jobs/send-email.job.js';
import { findUserByEmail, findUserById, updateUser } from '../users/users.repository.js';
import { deleteSessionsOfUser } from './auth.repository.js';
import { assertAcceptablePassword } from './password.js';
import { hashSecret, newSecret } from './secrets.js';

export const PASSWORD_RESET_VALIDITY_MS = 3600_000;

export async function requestPasswordReset(deps: Deps, email: string): Promise<void> {
  const { db } = deps.database;
  const user = await findUserByEmail(db, email);
  if (!user || user.passwordHash === null || !deps.mailer.enabled) return;
  const secret = newSecret();
  const now = deps.clock.now();
  await db.transaction().execute(async (tx) => {
    // A new link replaces the open ones.
    await tx
      .updateTable('password_resets')
      .set({ used_at: toStored(now) })
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    await tx
      .insertInto('password_resets')
      .values({
        user_id: user.id,
        token_hash: hashSecret(secret),
        created_at: toStored(now),
        expires_at: toStored(new Date(now.getTime() + PASSWORD_RESET_VALIDITY_MS)),
      })
      .execute();
    await queueEmail(
      tx,
      now,
      null,
      user.email,
      passwordResetEmail(user.locale, user.name, `${deps.config.publicUrl}/reset-password/${secret}`),
    );
  });
  deps.jobs.nudge();
}

async function findUsableReset(deps: Deps, token: string) {
  const row = await deps.database.db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row) throw new NotFoundError('This reset link', 'reset_invalid');
  if (row.used_at !== null || fromStored(row.expires_at) <= deps.clock.now()) {
    throw new GoneError('reset_invalid', 'This reset link was already used or has expired. Ask for a new one.');
  }
  return row;
}

export async function getPasswordReset(deps: Deps, token: string): Promise<{ email: string; expiresAt: string }> {
  const reset = await findUsableReset(deps, token);
  const user = await findUserById(deps.database.db, reset.user_id);
  if (!user) throw new NotFoundError('This reset link', 'reset_invalid');
  return { email: user.email, expiresAt: fromStored(reset.expires_at).toISOString() };
}

/** Sets the new password, uses the link up and ends every session of the person. */
export async function completePasswordReset(deps: Deps, token: string, password: string): Promise<number> {
  const reset = await findUsableReset(deps, token);
  const user = await findUserById(deps.database.db, reset.user_id);
  if (!user) throw new NotFoundError('This reset link', 'reset_invalid');
  assertAcceptablePassword(password, { email: user.email, name: user.name });
  const passwordHash = await deps.passwords.hash(password);
  await deps.database.db.transaction().execute(async (tx) => {
    const now = deps.clock.now();
    const used = await tx
      .updateTable('password_resets')
      .set({ used_at: toStored(now) })
      .where('id', '=', reset.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) === 0) throw new GoneError('reset_invalid', 'This reset link was already used.');
    await updateUser(tx, user.id, { passwordHash }, now);
    await deleteSessionsOfUser(tx, user.id);
  });
  return user.id;
}
