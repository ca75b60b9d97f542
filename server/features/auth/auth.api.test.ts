import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrganization, createPerson, createTeam, TEST_PASSWORD } from '../../test/factories.js';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../test/harness.js';
import { SESSION_IDLE_MS } from './auth.service.js';

describe('signing in and out', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  it('signs in with email in any case and sets an HttpOnly session cookie', async () => {
    const { member } = await createTeam(context);
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: member.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ user: { id: member.id }, role: 'member' });
    expect(response.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(response.headers['set-cookie']).not.toMatch(/Secure/);
    const me = await context.request({ url: '/api/v1/me', as: { cookie: response.sessionCookie! } });
    expect(me.body.user.id).toBe(member.id);
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const secure = await createTestContext({ config: { publicUrl: 'https://spine.example.com', secureCookies: true } });
    try {
      const { member } = await createTeam(secure);
      const response = await secure.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { email: member.email, password: TEST_PASSWORD },
      });
      expect(response.headers['set-cookie']).toMatch(/Secure/);
      expect(response.headers['strict-transport-security']).toBeDefined();
    } finally {
      await secure.close();
    }
  });

  it('answers the same 401 for a wrong password and an unknown email', async () => {
    const { member } = await createTeam(context);
    const wrongPassword = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: member.email, password: 'not the password' },
    });
    const unknownEmail = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: 'nobody@example.com', password: 'not the password' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrongPassword.body)).toEqual(strip(unknownEmail.body));
    expect(wrongPassword.body.code).toBe('invalid_credentials');
    expect(wrongPassword.sessionCookie).toBeUndefined();
  });

  it('refuses sign-in of someone deactivated in their only organization', async () => {
    const { owner, member } = await createTeam(context);
    await context.request({ method: 'PATCH', url: `/api/v1/users/${member.id}`, as: owner, body: { active: false } });
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: member.email, password: TEST_PASSWORD },
    });
    expect(response.status).toBe(401);
  });

  it('logout ends the session on the server', async () => {
    const { member } = await createTeam(context);
    const logout = await context.request({ method: 'POST', url: '/api/v1/auth/logout', as: member });
    expect(logout.status).toBe(204);
    expect(logout.headers['set-cookie']).toMatch(/spine_session=;/);
    const me = await context.request({ url: '/api/v1/me', as: member });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('not_authenticated');
  });

  it('expires a session after a week without use', async () => {
    const { member } = await createTeam(context);
    context.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await context.request({ url: '/api/v1/me', as: member })).status).toBe(200);
    context.clock.advance(SESSION_IDLE_MS - 60_000);
    expect((await context.request({ url: '/api/v1/me', as: member })).status).toBe(200);
    context.clock.advance(SESSION_IDLE_MS + 1000);
    expect((await context.request({ url: '/api/v1/me', as: member })).status).toBe(401);
  });

  it('expires a session 30 days after sign-in however active it is', async () => {
    const { member } = await createTeam(context);
    for (let day = 0; day < 29; day += 3) {
      context.clock.advance(3 * 24 * 3600_000);
      await context.request({ url: '/api/v1/me', as: member });
    }
    context.clock.advance(2 * 24 * 3600_000);
    expect((await context.request({ url: '/api/v1/me', as: member })).status).toBe(401);
  });

  it('refuses a cookie-authenticated change from another origin or without an origin', async () => {
    const { member } = await createTeam(context);
    const foreign = await context.request({
      method: 'PATCH',
      url: '/api/v1/me',
      as: member,
      body: { name: 'Mallory' },
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('csrf_failed');
    const missing = await context.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie: `spine_session=${member.cookie}` },
      payload: { name: 'Mallory' },
    });
    expect(missing.statusCode).toBe(403);
    const me = await context.request({ url: '/api/v1/me', as: member });
    expect(me.body.user.name).toBe(member.name);
    const sameOrigin = await context.request({
      method: 'PATCH',
      url: '/api/v1/me',
      as: member,
      body: { name: 'Grace' },
      headers: { origin: TEST_ORIGIN },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('rate-limits repeated sign-in attempts for one account', async () => {
    const limited = await createTestContext({ authRateLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const { member } = await createTeam(limited);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await limited.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          body: { email: member.email, password: 'wrong password!' },
        });
        expect(response.status).toBe(401);
      }
      const blocked = await limited.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { email: member.email, password: TEST_PASSWORD },
      });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('switches the session to another organization the person belongs to', async () => {
    const { member, organization } = await createTeam(context);
    const other = await createOrganization(context, 'Second Co');
    await context.request({ method: 'POST', url: '/api/v1/auth/logout', as: member });
    const { insertMembership } = await import('../users/users.repository.js');
    await insertMembership(
      context.deps.database.db,
      { organizationId: other.id, userId: member.id, role: 'manager', capacityMinutes: 600 },
      context.clock.now(),
    );
    const login = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: member.email, password: TEST_PASSWORD },
    });
    const cookie = login.sessionCookie!;
    expect(login.body.organizations.map((o: { id: number }) => o.id).sort()).toEqual([organization.id, other.id].sort());

    const switched = await context.request({
      method: 'POST',
      url: '/api/v1/auth/switch',
      as: { cookie },
      body: { organizationId: other.id },
    });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ organization: { id: other.id, name: 'Second Co' }, role: 'manager' });
    expect((await context.request({ url: '/api/v1/me', as: { cookie } })).body.organization.id).toBe(other.id);

    // The next sign-in starts where the person left off.
    const again = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: member.email, password: TEST_PASSWORD },
    });
    expect(again.body.organization.id).toBe(other.id);
  });

  it('answers 404 when switching to an organization the person does not belong to', async () => {
    const { member } = await createTeam(context);
    const stranger = await createOrganization(context);
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/auth/switch',
      as: member,
      body: { organizationId: stranger.id },
    });
    expect(response.status).toBe(404);
    expect((await context.request({ url: '/api/v1/me', as: member })).body.organization.id).toBe(member.organizationId);
  });

  it('requires a session for /me', async () => {
    const response = await context.request({ url: '/api/v1/me' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ status: 401, code: 'not_authenticated', type: '/docs/problems/not_authenticated' });
  });

  it('ignores an unknown session cookie', async () => {
    const response = await context.request({ url: '/api/v1/me', as: { cookie: 'forged-session-value' } });
    expect(response.status).toBe(401);
  });

  it('a person created in a second organization can sign in', async () => {
    const organization = await createOrganization(context);
    const person = await createPerson(context, organization.id, 'member');
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: person.email, password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
  });
});
