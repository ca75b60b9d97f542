import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { argon2Hasher, assertAcceptablePassword } from './password.js';

describe('password rules', () => {
  it('refuses common passwords whatever their case', () => {
    expect(() => assertAcceptablePassword('Password123', {})).toThrow(ValidationError);
    expect(() => assertAcceptablePassword('QWERTYUIOP', {})).toThrow(ValidationError);
    expect(() => assertAcceptablePassword('galatasaray1905', {})).toThrow(ValidationError);
  });

  it('refuses a repeated character and plain runs', () => {
    expect(() => assertAcceptablePassword('aaaaaaaaaaaa', {})).toThrow(ValidationError);
    expect(() => assertAcceptablePassword('abababababab', {})).toThrow(ValidationError);
    expect(() => assertAcceptablePassword('abcdefghijklm', {})).toThrow(ValidationError);
    expect(() => assertAcceptablePassword('9876543210', {})).toThrow(ValidationError);
  });

  it('refuses the person’s own email or name', () => {
    expect(() => assertAcceptablePassword('ada.lovelace@example.com', { email: 'ada.lovelace@example.com' })).toThrow(ValidationError);
    expect(() => assertAcceptablePassword('Ada Lovelace', { name: 'ada lovelace' })).toThrow(ValidationError);
  });

  it('accepts a passphrase without composition rules', () => {
    expect(() => assertAcceptablePassword('tea at four on the terrace', { email: 'ada@example.com' })).not.toThrow();
  });

  it('points the error at the field it checked', () => {
    try {
      assertAcceptablePassword('1234567890', {}, '/newPassword');
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).errors[0]).toMatchObject({ pointer: '/newPassword', code: 'common_password' });
    }
  });

  it('hashes with argon2id at OWASP parameters and verifies', async () => {
    const hash = await argon2Hasher.hash('tea at four on the terrace');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await argon2Hasher.verify(hash, 'tea at four on the terrace')).toBe(true);
    expect(await argon2Hasher.verify(hash, 'tea at five on the terrace')).toBe(false);
    expect(await argon2Hasher.verify('not-a-hash', 'x')).toBe(false);
  });
});
