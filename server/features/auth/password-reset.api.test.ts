import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam, TEST_PASSWORD } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { PASSWORD_RESET_VALIDITY_MS } from './password-reset.service.js';

describe('forgotten passwords', () => {
  let context: TestContext;
  let smtp: TestSmtp;
  beforeEach(async () => {
    smtp = await startSmtp();
    context = await createTestContext({ config: { smtpUrl: smtp.url } });
  });
  afterEach(async () => {
    await context.close();
    await smtp.stop();
  });

  const linkIn = (text: string) => text.match(/http:\/\/spine\.test\/reset-password\/([\w-]+)/)?.[1];

  it('emails a single-use link that sets a new password, ends every session and signs in', async () => {
    const { member } = await createTeam(context);
    const requested = await context.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      body: { email: member.email.toUpperCase() },
    });
    expect(requested.status).toBe(202);
    await context.jobs.runDue();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toEqual([member.email]);
    const token = linkIn(smtp.messages[0]!.text)!;
    expect((await context.request({ url: `/api/v1/auth/password-reset/${token}` })).body.email).toBe(member.email);

    const done = await context.request({
      method: 'POST',
      url: `/api/v1/auth/password-reset/${token}`,
      body: { password: 'a fresh start phrase' },
    });
    expect(done.status).toBe(200);
    expect(done.body.user.id).toBe(member.id);
    expect((await context.request({ url: '/api/v1/me', as: member })).status).toBe(401);
    expect((await context.request({ url: '/api/v1/me', as: { cookie: done.sessionCookie! } })).status).toBe(200);
    expect(
      (await context.request({ method: 'POST', url: '/api/v1/auth/login', body: { email: member.email, password: TEST_PASSWORD } })).status,
    ).toBe(401);

    const again = await context.request({
      method: 'POST',
      url: `/api/v1/auth/password-reset/${token}`,
      body: { password: 'another fresh phrase' },
    });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('reset_invalid');
  });

  it('answers the same for an unknown email and sends nothing', async () => {
    const response = await context.request({ method: 'POST', url: '/api/v1/auth/password-reset', body: { email: 'nobody@example.com' } });
    expect(response.status).toBe(202);
    await context.jobs.runDue();
    expect(smtp.messages).toEqual([]);
  });

  it('refuses an expired link and a weak password', async () => {
    const { member } = await createTeam(context);
    await context.request({ method: 'POST', url: '/api/v1/auth/password-reset', body: { email: member.email } });
    await context.jobs.runDue();
    const token = linkIn(smtp.messages[0]!.text)!;
    const weak = await context.request({ method: 'POST', url: `/api/v1/auth/password-reset/${token}`, body: { password: 'qwertyuiop' } });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0].code).toBe('common_password');
    context.clock.advance(PASSWORD_RESET_VALIDITY_MS + 1000);
    expect((await context.request({ url: `/api/v1/auth/password-reset/${token}` })).status).toBe(410);
    expect(
      (await context.request({ method: 'POST', url: '/api/v1/auth/login', body: { email: member.email, password: TEST_PASSWORD } })).status,
    ).toBe(200);
  });
});
