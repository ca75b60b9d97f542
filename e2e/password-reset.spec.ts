// A person who forgot their password asks for a link from the sign-in page, opens the emailed link and signs in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../server/test/smtp.js';
import { axeViolations, catalogs, describeViolations, openBrowser, type RunningSpine, seriousViolations, startSpine } from './helpers.js';
import { setupOwner } from './task-helpers.js';

const en = catalogs.en;

describe('forgotten password', () => {
  let spine: RunningSpine;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    spine = await startSpine({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await spine?.stop();
    await smtp?.stop();
  });

  it('emails a link from the sign-in page that sets a new password and signs in', async () => {
    const setup = await openBrowser();
    await setupOwner(setup.context, spine.url, { name: 'Selin Sahip', email: 'selin@example.com' });
    await setup.close();

    const browser = await openBrowser();
    try {
      const { page } = browser;
      await page.goto(`${spine.url}/login`);
      await page.getByRole('link', { name: en.passwordReset.forgotLink }).click();
      await page.getByRole('heading', { name: en.passwordReset.forgotTitle }).waitFor();
      expect(seriousViolations(await axeViolations(page)), describeViolations(await axeViolations(page))).toEqual([]);
      await page.getByLabel(en.login.email).fill('selin@example.com');
      await page.getByRole('button', { name: en.passwordReset.send }).click();
      await page.getByRole('status').filter({ hasText: 'selin@example.com' }).waitFor();

      const deadline = Date.now() + 10_000;
      while (smtp.messages.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const link = smtp.messages[0]?.text.match(/http:\/\/\S+\/reset-password\/[\w-]+/)?.[0];
      expect(link).toBeDefined();

      await page.goto(link!);
      await page.getByRole('heading', { name: en.passwordReset.resetTitle }).waitFor();
      await page.getByLabel(en.passwordReset.newPassword).fill('a brand new morning phrase');
      await page.getByRole('button', { name: en.passwordReset.save }).click();
      await page.waitForURL(/\/my-work$/);

      const login = await fetch(`${spine.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'selin@example.com', password: 'a brand new morning phrase' }),
      });
      expect(login.status).toBe(200);
    } finally {
      await browser.close();
    }
  });
});
