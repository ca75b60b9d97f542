import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../errors.js';
import { actorWithRole as actor } from '../../test/actors.js';
import { assertCanChangeMembership, assertCanManagePeople, assertKeepsAnOwner } from './person.js';

describe('who manages people', () => {
  it('allows owners and admins only', () => {
    expect(() => assertCanManagePeople(actor('owner'))).not.toThrow();
    expect(() => assertCanManagePeople(actor('admin'))).not.toThrow();
    for (const role of ['manager', 'member', 'client'] as const) {
      expect(() => assertCanManagePeople(actor(role))).toThrow(ForbiddenError);
    }
  });

  it('keeps ownership decisions with owners', () => {
    expect(() => assertCanChangeMembership(actor('admin'), { role: 'owner' }, undefined)).toThrow(ForbiddenError);
    expect(() => assertCanChangeMembership(actor('admin'), { role: 'member' }, 'owner')).toThrow(ForbiddenError);
    expect(() => assertCanChangeMembership(actor('admin'), { role: 'member' }, 'admin')).not.toThrow();
    expect(() => assertCanChangeMembership(actor('owner'), { role: 'owner' }, 'member')).not.toThrow();
  });
});

describe('the last owner', () => {
  const owner = { role: 'owner' as const, active: true };

  it('cannot be demoted or deactivated when alone', () => {
    expect(() => assertKeepsAnOwner(owner, { role: 'admin' }, 1)).toThrow(ConflictError);
    expect(() => assertKeepsAnOwner(owner, { active: false }, 1)).toThrow(ConflictError);
  });

  it('may step down when another owner remains', () => {
    expect(() => assertKeepsAnOwner(owner, { role: 'admin' }, 2)).not.toThrow();
  });

  it('is unaffected by changes that keep ownership', () => {
    expect(() => assertKeepsAnOwner(owner, { role: 'owner', active: true }, 1)).not.toThrow();
    expect(() => assertKeepsAnOwner({ role: 'member', active: true }, { active: false }, 1)).not.toThrow();
  });
});
