import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrganization, createPerson, createTeam, TEST_PASSWORD } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('people of an organization', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  it('lists people with role, capacity and state for owners and admins', async () => {
    const team = await createTeam(context);
    for (const admin of [team.owner, team.admin]) {
      const response = await context.request({ url: '/api/v1/users', as: admin });
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(5);
      expect(response.body.items).toContainEqual(
        expect.objectContaining({ id: team.member.id, role: 'member', capacityHours: 40, active: true, state: 'active' }),
      );
    }
  });

  it('answers 403 to managers, members and clients managing people', async () => {
    const team = await createTeam(context);
    for (const person of [team.manager, team.member, team.client]) {
      expect((await context.request({ url: '/api/v1/users', as: person })).status).toBe(403);
      expect((await context.request({ url: `/api/v1/users/${team.owner.id}`, as: person })).status).toBe(403);
      const create = await context.request({
        method: 'POST',
        url: '/api/v1/users',
        as: person,
        body: { name: 'X', email: `x-${person.id}@example.com`, role: 'member' },
      });
      expect(create.status).toBe(403);
      expect(create.body.code).toBe('forbidden');
      const patch = await context.request({ method: 'PATCH', url: `/api/v1/users/${team.member.id}`, as: person, body: { role: 'admin' } });
      expect(patch.status).toBe(403);
    }
    const people = await context.request({ url: '/api/v1/users', as: team.owner });
    expect(people.body.items.find((p: { id: number }) => p.id === team.member.id).role).toBe('member');
  });

  it('invites a person without a password; the link sets the password once and signs them in', async () => {
    const { owner } = await createTeam(context);
    const created = await context.request({
      method: 'POST',
      url: '/api/v1/users',
      as: owner,
      body: { name: 'Grace Hopper', email: 'Grace@Example.com', role: 'manager', capacityHours: 32 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      role: 'manager',
      capacityHours: 32,
      state: 'invited',
    });
    const url: string = created.body.invitation.url;
    expect(url).toMatch(/^http:\/\/spine\.test\/invite\/[\w-]{40,}$/);
    const expiresIn = new Date(created.body.invitation.expiresAt).getTime() - context.clock.now().getTime();
    expect(expiresIn).toBe(7 * 24 * 3600_000);

    const token = url.split('/invite/')[1]!;
    const invitation = await context.request({ url: `/api/v1/invitations/${token}` });
    expect(invitation.status).toBe(200);
    expect(invitation.body).toMatchObject({ email: 'grace@example.com', name: 'Grace Hopper' });

    const accepted = await context.request({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      body: { password: 'compilers all the way down' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ user: { email: 'grace@example.com' }, role: 'manager' });
    expect((await context.request({ url: '/api/v1/me', as: { cookie: accepted.sessionCookie! } })).status).toBe(200);

    const reused = await context.request({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      body: { password: 'another long password' },
    });
    expect(reused.status).toBe(410);
    expect(reused.body.code).toBe('invitation_invalid');
    const login = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: 'grace@example.com', password: 'compilers all the way down' },
    });
    expect(login.status).toBe(200);
    const person = await context.request({ url: `/api/v1/users/${created.body.id}`, as: owner });
    expect(person.body.state).toBe('active');
  });

  it('refuses an expired invitation and an unknown one', async () => {
    const { owner } = await createTeam(context);
    const created = await context.request({
      method: 'POST',
      url: '/api/v1/users',
      as: owner,
      body: { name: 'Late', email: 'late@example.com', role: 'member' },
    });
    const token = created.body.invitation.url.split('/invite/')[1];
    context.clock.advance(7 * 24 * 3600_000 + 1000);
    const expired = await context.request({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      body: { password: 'finally joining now' },
    });
    expect(expired.status).toBe(410);
    const unknown = await context.request({ url: '/api/v1/invitations/this-is-not-a-real-invitation-token' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('invitation_invalid');
  });

  it('a new invitation link replaces the previous one', async () => {
    const { admin } = await createTeam(context);
    const created = await context.request({
      method: 'POST',
      url: '/api/v1/users',
      as: admin,
      body: { name: 'Lin', email: 'lin@example.com', role: 'member' },
    });
    const first = created.body.invitation.url.split('/invite/')[1];
    const renewed = await context.request({ method: 'POST', url: `/api/v1/users/${created.body.id}/invitation`, as: admin });
    expect(renewed.status).toBe(201);
    const second = renewed.body.url.split('/invite/')[1];
    expect((await context.request({ url: `/api/v1/invitations/${first}` })).status).toBe(410);
    expect((await context.request({ url: `/api/v1/invitations/${second}` })).status).toBe(200);
  });

  it('answers 409 for a new link to someone who already has a password', async () => {
    const { owner, member } = await createTeam(context);
    const response = await context.request({ method: 'POST', url: `/api/v1/users/${member.id}/invitation`, as: owner });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('not_invited');
  });

  it('creates a person with a password who can sign in at once', async () => {
    const { owner } = await createTeam(context);
    const created = await context.request({
      method: 'POST',
      url: '/api/v1/users',
      as: owner,
      body: { name: 'Direct', email: 'direct@example.com', role: 'member', password: 'set by the admin today' },
    });
    expect(created.status).toBe(201);
    expect(created.body.invitation).toBeNull();
    expect(created.body.state).toBe('active');
    const login = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: 'direct@example.com', password: 'set by the admin today' },
    });
    expect(login.status).toBe(200);
  });

  it('refuses a duplicate email in the same organization with 409, comparing case-insensitively', async () => {
    const { owner, member } = await createTeam(context);
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/users',
      as: owner,
      body: { name: 'Twin', email: member.email.toUpperCase(), role: 'member' },
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('already_member');
  });

  it('adds someone with an account elsewhere as a member here without an invitation', async () => {
    const { owner } = await createTeam(context);
    const elsewhere = await createOrganization(context);
    const known = await createPerson(context, elsewhere.id, 'owner');
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/users',
      as: owner,
      body: { name: known.name, email: known.email, role: 'member' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ id: known.id, state: 'active', invitation: null });
    const login = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: known.email, password: TEST_PASSWORD },
    });
    expect(login.body.organizations).toHaveLength(2);
  });

  it('changes role and capacity', async () => {
    const { owner, member } = await createTeam(context);
    const response = await context.request({
      method: 'PATCH',
      url: `/api/v1/users/${member.id}`,
      as: owner,
      body: { role: 'manager', capacityHours: 30.5 },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ role: 'manager', capacityHours: 30.5 });
    expect((await context.request({ url: '/api/v1/me', as: member })).body.role).toBe('manager');
  });

  it('deactivating ends the person’s sessions and API tokens at once', async () => {
    const { owner, member } = await createTeam(context);
    const token = await context.request({ method: 'POST', url: '/api/v1/tokens', as: member, body: { name: 'script' } });
    expect((await context.request({ url: '/api/v1/me', as: { token: token.body.token } })).status).toBe(200);

    const response = await context.request({ method: 'PATCH', url: `/api/v1/users/${member.id}`, as: owner, body: { active: false } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ active: false, state: 'deactivated' });
    expect((await context.request({ url: '/api/v1/me', as: member })).status).toBe(401);
    expect((await context.request({ url: '/api/v1/me', as: { token: token.body.token } })).status).toBe(401);

    const reactivated = await context.request({ method: 'PATCH', url: `/api/v1/users/${member.id}`, as: owner, body: { active: true } });
    expect(reactivated.body.state).toBe('active');
    expect((await context.request({ url: '/api/v1/me', as: { token: token.body.token } })).status).toBe(401);
  });

  it('keeps the last owner: no demotion, no deactivation (409)', async () => {
    const { owner } = await createTeam(context);
    const demote = await context.request({ method: 'PATCH', url: `/api/v1/users/${owner.id}`, as: owner, body: { role: 'admin' } });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('last_owner');
    const deactivate = await context.request({ method: 'PATCH', url: `/api/v1/users/${owner.id}`, as: owner, body: { active: false } });
    expect(deactivate.status).toBe(409);
    expect((await context.request({ url: '/api/v1/me', as: owner })).body.role).toBe('owner');
  });

  it('lets an owner step down once another owner exists', async () => {
    const { owner, admin } = await createTeam(context);
    await context.request({ method: 'PATCH', url: `/api/v1/users/${admin.id}`, as: owner, body: { role: 'owner' } });
    const demote = await context.request({ method: 'PATCH', url: `/api/v1/users/${owner.id}`, as: owner, body: { role: 'admin' } });
    expect(demote.status).toBe(200);
    expect(demote.body.role).toBe('admin');
  });

  it('forbids admins from making owners or changing an owner', async () => {
    const { owner, admin, member } = await createTeam(context);
    const promote = await context.request({ method: 'PATCH', url: `/api/v1/users/${member.id}`, as: admin, body: { role: 'owner' } });
    expect(promote.status).toBe(403);
    const createOwner = await context.request({
      method: 'POST',
      url: '/api/v1/users',
      as: admin,
      body: { name: 'O', email: 'o@example.com', role: 'owner' },
    });
    expect(createOwner.status).toBe(403);
    const deactivateOwner = await context.request({
      method: 'PATCH',
      url: `/api/v1/users/${owner.id}`,
      as: admin,
      body: { active: false },
    });
    expect(deactivateOwner.status).toBe(403);
    const promoteMember = await context.request({
      method: 'PATCH',
      url: `/api/v1/users/${member.id}`,
      as: admin,
      body: { role: 'manager' },
    });
    expect(promoteMember.status).toBe(200);
  });

  it('validates fields: role, capacity, unknown fields', async () => {
    const { owner, member } = await createTeam(context);
    const response = await context.request({
      method: 'PATCH',
      url: `/api/v1/users/${member.id}`,
      as: owner,
      body: { role: 'boss', capacityHours: -1, salary: 5 },
    });
    expect(response.status).toBe(422);
    const pointers = response.body.errors.map((error: { pointer: string }) => error.pointer).sort();
    expect(pointers).toEqual(['/capacityHours', '/role', '/salary']);
    const badId = await context.request({ url: '/api/v1/users/abc', as: owner });
    expect(badId.status).toBe(422);
    expect(badId.body.errors[0].pointer).toBe('/params/id');
  });

  it('answers 404 for a person of another organization', async () => {
    const { owner } = await createTeam(context);
    const other = await createTeam(context);
    expect((await context.request({ url: `/api/v1/users/${other.member.id}`, as: owner })).status).toBe(404);
    const patch = await context.request({ method: 'PATCH', url: `/api/v1/users/${other.member.id}`, as: owner, body: { active: false } });
    expect(patch.status).toBe(404);
    expect((await context.request({ url: '/api/v1/me', as: other.member })).status).toBe(200);
    expect((await context.request({ method: 'POST', url: `/api/v1/users/${other.member.id}/invitation`, as: owner })).status).toBe(404);
  });
});
