import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('first-run setup', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  const body = { organizationName: 'Acme Design', name: 'Ada Lovelace', email: 'Ada@Example.com', password: 'tea at four on the terrace' };

  it('reports that setup is needed while no user exists', async () => {
    const response = await context.request({ url: '/api/v1/setup' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ needed: true });
  });

  it('creates the organization and its owner, who administers the instance, and signs them in', async () => {
    const response = await context.request({ method: 'POST', url: '/api/v1/setup', body });
    expect(response.status).toBe(201);
    expect(response.body.user).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', isInstanceAdmin: true });
    expect(response.body.organization).toMatchObject({ name: 'Acme Design', timeZone: 'UTC', currency: 'EUR' });
    expect(response.body.role).toBe('owner');
    expect(response.headers['set-cookie']).toMatch(/spine_session=.+; .*HttpOnly; SameSite=Lax/);

    const me = await context.request({ url: '/api/v1/me', as: { cookie: response.sessionCookie! } });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('ada@example.com');
    expect((await context.request({ url: '/api/v1/setup' })).body).toEqual({ needed: false });
  });

  it('answers 409 once Spine is set up', async () => {
    await context.request({ method: 'POST', url: '/api/v1/setup', body });
    const again = await context.request({ method: 'POST', url: '/api/v1/setup', body: { ...body, email: 'eve@example.com' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('setup_done');
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('names each invalid field', async () => {
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/setup',
      body: { organizationName: '', name: 'Ada', email: 'not-an-email', password: 'short' },
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('validation_failed');
    const pointers = response.body.errors.map((error: { pointer: string }) => error.pointer).sort();
    expect(pointers).toEqual(['/email', '/organizationName', '/password']);
    expect((await context.request({ url: '/api/v1/setup' })).body).toEqual({ needed: true });
  });

  it('refuses a common password and one over 256 characters', async () => {
    const common = await context.request({ method: 'POST', url: '/api/v1/setup', body: { ...body, password: 'Password123' } });
    expect(common.status).toBe(422);
    expect(common.body.errors).toEqual([expect.objectContaining({ pointer: '/password', code: 'common_password' })]);
    const long = await context.request({ method: 'POST', url: '/api/v1/setup', body: { ...body, password: 'x'.repeat(257) } });
    expect(long.status).toBe(422);
    expect(long.body.errors[0]).toMatchObject({ pointer: '/password', code: 'too_long' });
  });

  it('rate-limits setup attempts', async () => {
    const limited = await createTestContext({ authRateLimit: { max: 2, timeWindow: 60_000 } });
    try {
      const bad = { ...body, password: 'short' };
      await limited.request({ method: 'POST', url: '/api/v1/setup', body: bad });
      await limited.request({ method: 'POST', url: '/api/v1/setup', body: bad });
      const third = await limited.request({ method: 'POST', url: '/api/v1/setup', body });
      expect(third.status).toBe(429);
      expect(third.body.code).toBe('rate_limited');
      expect(third.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
