import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam, TEST_PASSWORD } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('own profile and password', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  it('changes name and language', async () => {
    const { member } = await createTeam(context);
    const response = await context.request({ method: 'PATCH', url: '/api/v1/me', as: member, body: { name: 'Ayşe Yılmaz', locale: 'tr' } });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ name: 'Ayşe Yılmaz', locale: 'tr' });
  });

  it('refuses an unsupported language', async () => {
    const { member } = await createTeam(context);
    const response = await context.request({ method: 'PATCH', url: '/api/v1/me', as: member, body: { locale: 'xx' } });
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({ pointer: '/locale', code: 'invalid_value' });
  });

  it('changes the password after checking the current one, and signs out other sessions only', async () => {
    const { member } = await createTeam(context);
    const other = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: member.email, password: TEST_PASSWORD },
    });
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/me/password',
      as: member,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new secret phrase' },
    });
    expect(response.status).toBe(204);
    expect((await context.request({ url: '/api/v1/me', as: member })).status).toBe(200);
    expect((await context.request({ url: '/api/v1/me', as: { cookie: other.sessionCookie! } })).status).toBe(401);
    const oldLogin = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: member.email, password: TEST_PASSWORD },
    });
    expect(oldLogin.status).toBe(401);
    const newLogin = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: member.email, password: 'a brand new secret phrase' },
    });
    expect(newLogin.status).toBe(200);
  });

  it('refuses a wrong current password and a weak new one', async () => {
    const { member } = await createTeam(context);
    const wrong = await context.request({
      method: 'POST',
      url: '/api/v1/me/password',
      as: member,
      body: { currentPassword: 'not my password', newPassword: 'a brand new secret phrase' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ pointer: '/currentPassword', code: 'wrong_password' });
    const weak = await context.request({
      method: 'POST',
      url: '/api/v1/me/password',
      as: member,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'qwertyuiop' },
    });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0]).toMatchObject({ pointer: '/newPassword', code: 'common_password' });
    const short = await context.request({
      method: 'POST',
      url: '/api/v1/me/password',
      as: member,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(short.body.errors[0]).toMatchObject({ pointer: '/newPassword', code: 'too_short' });
    const login = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: member.email, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
  });
});
