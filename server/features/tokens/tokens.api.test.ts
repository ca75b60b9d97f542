import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('API tokens', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  it('returns the token once, lists it without the secret, and it works as Bearer on every route', async () => {
    const { member } = await createTeam(context);
    const created = await context.request({ method: 'POST', url: '/api/v1/tokens', as: member, body: { name: 'CI script' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^spn_[\w-]{40,}$/);
    expect(created.body.token.startsWith(created.body.prefix)).toBe(true);

    const list = await context.request({ url: '/api/v1/tokens', as: member });
    expect(list.body.items).toEqual([expect.objectContaining({ id: created.body.id, name: 'CI script', lastUsedAt: null })]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);

    const me = await context.request({ url: '/api/v1/me', as: { token: created.body.token } });
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(member.id);
    // Bearer requests are not subject to the browser Origin check.
    const patch = await context.request({ method: 'PATCH', url: '/api/v1/me', as: { token: created.body.token }, body: { locale: 'tr' } });
    expect(patch.status).toBe(200);
    expect(patch.body.user.locale).toBe('tr');
    const used = await context.request({ url: '/api/v1/tokens', as: member });
    expect(used.body.items[0].lastUsedAt).not.toBeNull();
  });

  it('revokes a token so it stops working at once', async () => {
    const { member } = await createTeam(context);
    const created = await context.request({ method: 'POST', url: '/api/v1/tokens', as: member, body: { name: 'temp' } });
    const revoked = await context.request({ method: 'DELETE', url: `/api/v1/tokens/${created.body.id}`, as: member });
    expect(revoked.status).toBe(204);
    const me = await context.request({ url: '/api/v1/me', as: { token: created.body.token } });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('invalid_token');
  });

  it('answers 404 when revoking someone else’s token and leaves it working', async () => {
    const { member, manager } = await createTeam(context);
    const created = await context.request({ method: 'POST', url: '/api/v1/tokens', as: member, body: { name: 'mine' } });
    const attempt = await context.request({ method: 'DELETE', url: `/api/v1/tokens/${created.body.id}`, as: manager });
    expect(attempt.status).toBe(404);
    expect((await context.request({ url: '/api/v1/me', as: { token: created.body.token } })).status).toBe(200);
    expect((await context.request({ url: '/api/v1/tokens', as: manager })).body.items).toEqual([]);
  });

  it('refuses an unknown bearer token with 401', async () => {
    const response = await context.request({ url: '/api/v1/me', as: { token: 'spn_not-a-real-token' } });
    expect(response.status).toBe(401);
  });

  it('requires a name', async () => {
    const { member } = await createTeam(context);
    const response = await context.request({ method: 'POST', url: '/api/v1/tokens', as: member, body: { name: '  ' } });
    expect(response.status).toBe(422);
    expect(response.body.errors[0].pointer).toBe('/name');
  });

  it('a token cannot switch organizations', async () => {
    const { member, organization } = await createTeam(context);
    const created = await context.request({ method: 'POST', url: '/api/v1/tokens', as: member, body: { name: 'pinned' } });
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/auth/switch',
      as: { token: created.body.token },
      body: { organizationId: organization.id },
    });
    expect(response.status).toBe(403);
  });
});
