// Two organizations on one installation: nothing of one is visible or changeable from the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from './test/factories.js';
import { createTestContext, type TestContext } from './test/harness.js';

describe('organization isolation', () => {
  let context: TestContext;
  let a: Awaited<ReturnType<typeof createTeam>>;
  let b: Awaited<ReturnType<typeof createTeam>>;
  beforeAll(async () => {
    context = await createTestContext();
    a = await createTeam(context);
    b = await createTeam(context);
  });
  afterAll(() => context.close());

  it('lists only the caller’s own organization’s people', async () => {
    const people = await context.request({ url: '/api/v1/users', as: a.owner });
    const ids = people.body.items.map((person: { id: number }) => person.id);
    for (const person of [b.owner, b.admin, b.manager, b.member, b.client]) expect(ids).not.toContain(person.id);
  });

  it('cannot read, change, re-invite or deactivate people of another organization', async () => {
    for (const target of [b.owner, b.member]) {
      expect((await context.request({ url: `/api/v1/users/${target.id}`, as: a.owner })).status).toBe(404);
      expect(
        (await context.request({ method: 'PATCH', url: `/api/v1/users/${target.id}`, as: a.owner, body: { role: 'client' } })).status,
      ).toBe(404);
      expect((await context.request({ method: 'POST', url: `/api/v1/users/${target.id}/invitation`, as: a.owner })).status).toBe(404);
    }
    const people = await context.request({ url: '/api/v1/users', as: b.owner });
    expect(people.body.items.find((person: { id: number }) => person.id === b.member.id).role).toBe('member');
  });

  it('reads and changes only its own organization settings', async () => {
    await context.request({ method: 'PATCH', url: '/api/v1/organization', as: a.owner, body: { name: 'A renamed' } });
    expect((await context.request({ url: '/api/v1/organization', as: b.owner })).body.name).toBe(b.organization.name);
    expect((await context.request({ url: '/api/v1/organization', as: a.member })).body.name).toBe('A renamed');
  });

  it('cannot see or revoke tokens of another organization, and a token works only in its own', async () => {
    const token = await context.request({ method: 'POST', url: '/api/v1/tokens', as: b.member, body: { name: 'b' } });
    expect((await context.request({ method: 'DELETE', url: `/api/v1/tokens/${token.body.id}`, as: a.owner })).status).toBe(404);
    const me = await context.request({ url: '/api/v1/me', as: { token: token.body.token } });
    expect(me.body.organization.id).toBe(b.organization.id);
    expect((await context.request({ url: '/api/v1/users', as: { token: token.body.token } })).status).toBe(403);
  });

  it('cannot switch into another organization', async () => {
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/auth/switch',
      as: a.owner,
      body: { organizationId: b.organization.id },
    });
    expect(response.status).toBe(404);
  });

  it('an invitation of B cannot be renewed from A and does not show A', async () => {
    const created = await context.request({
      method: 'POST',
      url: '/api/v1/users',
      as: b.owner,
      body: { name: 'New B', email: 'new-b@example.com', role: 'member' },
    });
    const invitation = await context.request({ url: `/api/v1/invitations/${created.body.invitation.url.split('/invite/')[1]}` });
    expect(invitation.body.organizationName).toBe(b.organization.name);
    expect((await context.request({ method: 'POST', url: `/api/v1/users/${created.body.id}/invitation`, as: a.admin })).status).toBe(404);
  });
});
