import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError } from '../../errors.js';
import { actorWithRole as actor } from '../../test/actors.js';
import { assertCanRunProjects, assertKeepsAManager } from './project.policy.js';

describe('who runs projects', () => {
  it('lets owners, admins and managers start projects and keep clients', () => {
    for (const role of ['owner', 'admin', 'manager'] as const) expect(() => assertCanRunProjects(actor(role))).not.toThrow();
  });

  it('refuses members and client accounts', () => {
    for (const role of ['member', 'client'] as const) expect(() => assertCanRunProjects(actor(role))).toThrow(ForbiddenError);
  });
});

describe('a project keeps a manager', () => {
  it('refuses a change that leaves no manager', () => {
    expect(() => assertKeepsAManager(actor('manager'), 0)).toThrow(ConflictError);
  });

  it('allows it while another manager stays', () => {
    expect(() => assertKeepsAManager(actor('manager'), 1)).not.toThrow();
  });

  it('lets owners and admins leave a project without a manager', () => {
    expect(() => assertKeepsAManager(actor('owner'), 0)).not.toThrow();
    expect(() => assertKeepsAManager(actor('admin'), 0)).not.toThrow();
  });
});
