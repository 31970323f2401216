import { describe, expect, it } from 'vitest';
import { DomainError } from '../core/domain-error.js';
import { assertPasswordAcceptable, hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from './password.js';

describe('staff passwords', () => {
  it('verifies the right password and refuses any other', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, so equal passwords are stored differently', async () => {
    const [first, second] = await Promise.all([hashPassword('same password!'), hashPassword('same password!')]);
    expect(first).not.toBe(second);
    expect(needsRehash(first)).toBe(false);
  });

  it('refuses stored hashes that are malformed or ask for unbounded work', async () => {
    const stored = await hashPassword('some password');
    const [, , , salt, hash] = stored.split('$');
    expect(await verifyPassword('some password', `$scrypt$ln=30,r=8,p=1$${salt}$${hash}`)).toBe(false);
    expect(await verifyPassword('some password', `$argon2id$v=19$m=65536,t=3,p=4$${salt}$${hash}`)).toBe(false);
    expect(await verifyPassword('some password', 'plaintext')).toBe(false);
    expect(needsRehash(`$scrypt$ln=14,r=8,p=1$${salt}$${hash}`)).toBe(true);
  });

  it('answers false for the dummy verification used for unknown emails', async () => {
    expect(await verifyDummyPassword('comptoir-dummy-password')).toBe(false);
  });

  it.each([
    ['123456789', false],
    ['1234567890', true],
    ['ééééééééé', false],
    ['éééééééééé', true],
    ['x'.repeat(201), false],
  ])('accepts %j as a password: %s', (password, isAccepted) => {
    if (isAccepted) expect(() => assertPasswordAcceptable(password)).not.toThrow();
    else expect(() => assertPasswordAcceptable(password)).toThrow(DomainError);
  });
});
