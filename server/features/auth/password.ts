/** Password rules (pure) and hashing (argon2id with OWASP's minimum: 19 MiB, 2 passes). */
import argon2 from 'argon2';
import { ValidationError } from '../../errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export const argon2Hasher: PasswordHasher = {
  hash: (password) => argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
  verify: async (hash, password) => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  },
};

/** A hash of a random string, verified against when an email is unknown, so timing does not reveal it. */
export const DUMMY_HASH_INPUT = 'spine-dummy-password-for-timing';

function isTrivial(password: string): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2) return true;
  const codes = [...lower].map((character) => character.charCodeAt(0));
  const steps = codes.slice(1).map((code, index) => code - (codes[index] ?? 0));
  return steps.every((step) => step === 1) || steps.every((step) => step === -1);
}

/**
 * Length is checked by the request schema; this refuses what attackers try first:
 * common passwords, one repeated character or a plain run, and the person's own email or name.
 */
export function assertAcceptablePassword(password: string, context: { email?: string; name?: string }, pointer = '/password'): void {
  const lower = password.toLowerCase();
  const personal = [context.email, context.email?.split('@')[0], context.name].filter(
    (value): value is string => typeof value === 'string' && value.length >= 4,
  );
  if (COMMON_PASSWORDS.has(lower) || isTrivial(password) || personal.some((value) => lower === value.toLowerCase())) {
    throw new ValidationError({
      pointer,
      code: 'common_password',
      detail: 'This password is too easy to guess. Choose a longer phrase only you would think of.',
    });
  }
}
