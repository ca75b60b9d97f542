/**
 * The platform as people use it, in a real browser against a real server: first-run setup,
 * inviting people by link, roles shaping what each person sees, signing out; and axe-core on
 * every platform page in English and Turkish.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './harness.js';
import { type Catalog, catalogs, expectAccessible, openBrowser, type RunningSpine, startSpine } from './helpers.js';

type Lang = keyof typeof catalogs;
const LOCALE = { en: 'en-US', tr: 'tr-TR' } as const;
const PASSWORD = 'correct horse battery staple';

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function completeSetup(page: Page, m: Catalog, email: string): Promise<void> {
  await page.getByLabel(m.setup.organizationName).fill('Ayvalık Mimarlık');
  await page.getByLabel(m.setup.name).fill('Şule Yıldırım');
  await page.getByLabel(m.setup.email).fill(email);
  await page.getByLabel(m.setup.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: m.setup.submit }).click();
  await page.waitForURL('**/my-work');
  await heading(page, m.app.nav.myWork);
}

/** Invites someone without a password from the People page and returns the link shown. */
async function invite(page: Page, m: Catalog, person: { name: string; email: string; role: string }): Promise<string> {
  await page.getByRole('button', { name: m.people.invite.open }).click();
  await page.getByLabel(m.people.fields.name, { exact: true }).fill(person.name);
  await page.getByLabel(m.people.fields.email, { exact: true }).fill(person.email);
  await page.getByLabel(m.people.fields.role, { exact: true }).selectOption(person.role);
  await page.getByRole('button', { name: m.people.invite.submit, exact: true }).click();
  const link = page.getByLabel(m.people.invitationLink);
  await link.waitFor();
  const url = await link.inputValue();
  await page.getByRole('button', { name: m.common.done }).click();
  return url;
}

async function acceptInvitation(page: Page, m: Catalog, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel(m.invitation.password).fill(PASSWORD);
  await page.getByRole('button', { name: m.invitation.submit }).click();
  await page.waitForURL('**/my-work');
  await heading(page, m.app.nav.myWork);
}

async function navLinks(page: Page, m: Catalog): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: m.app.nav.label });
  return (await nav.getByRole('link').allInnerTexts()).map((text) => text.trim());
}

const browserMissing = !chromiumPath();

describe.skipIf(browserMissing)('platform journey', () => {
  let spine: RunningSpine;
  beforeAll(async () => {
    spine = await startSpine();
  });
  afterAll(async () => {
    await spine?.stop();
  });

  it('sets up, invites by link, shows each role its navigation, refuses members, and signs out', async () => {
    const m = catalogs.en;
    const owner = await openBrowser({ locale: 'en-US' });
    const manager = await openBrowser({ locale: 'en-US' });
    const member = await openBrowser({ locale: 'en-US' });
    try {
      // First run: the app sends a visitor to setup; setup signs the new owner in.
      await owner.page.goto(spine.url);
      await owner.page.waitForURL('**/setup');
      await completeSetup(owner.page, m, 'sule@example.com');
      expect(await navLinks(owner.page, m)).toContain(m.app.nav.people);

      await owner.page.getByRole('link', { name: m.app.nav.people }).click();
      await heading(owner.page, m.people.title);
      const managerLink = await invite(owner.page, m, { name: 'Mehmet Öztürk', email: 'mehmet@example.com', role: 'manager' });
      const memberLink = await invite(owner.page, m, { name: 'Ayşe Çelik', email: 'ayse@example.com', role: 'member' });
      expect(managerLink).toMatch(new RegExp(`^${spine.url}/invite/`));
      expect(memberLink).not.toBe(managerLink);
      const rows = owner.page.getByRole('row');
      await expect.poll(() => rows.count()).toBe(4); // header + three people
      await owner.page
        .getByRole('row', { name: /Mehmet Öztürk/ })
        .getByText(m.people.states.invited)
        .waitFor();

      // Each invited person opens their own link in their own browser and lands signed in.
      await acceptInvitation(manager.page, m, managerLink);
      const managerNav = await navLinks(manager.page, m);
      expect(managerNav).toContain(m.app.nav.settings);
      expect(managerNav).not.toContain(m.app.nav.people);

      await acceptInvitation(member.page, m, memberLink);
      const memberNav = await navLinks(member.page, m);
      expect(memberNav).toContain(m.app.nav.myWork);
      expect(memberNav).not.toContain(m.app.nav.people);

      // A member who types /people gets an explanation, not management controls…
      await member.page.goto(`${spine.url}/people`);
      await heading(member.page, m.people.title);
      await member.page.getByRole('heading', { name: m.noAccess.title }).waitFor();
      expect(await member.page.getByRole('button', { name: m.people.invite.open }).count()).toBe(0);
      expect(await member.page.getByRole('table').count()).toBe(0);
      // …and the server refuses the request itself.
      const status = await member.page.evaluate(async () => {
        const response = await fetch('/api/v1/users', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'Intruder', email: 'intruder@example.com', role: 'owner' }),
        });
        return response.status;
      });
      expect(status).toBe(403);

      // The owner now sees both as active.
      await owner.page.reload();
      await owner.page
        .getByRole('row', { name: /Ayşe Çelik/ })
        .getByText(m.people.states.active)
        .waitFor();

      // Signing out ends the session for real.
      await member.page.getByRole('button', { name: new RegExp(m.app.userMenu.label) }).click();
      await member.page.getByRole('button', { name: m.app.userMenu.signOut }).click();
      await member.page.waitForURL((url) => url.pathname === '/login');
      await heading(member.page, m.login.title);
      await member.page.reload();
      await heading(member.page, m.login.title);
      expect(new URL(member.page.url()).pathname).toBe('/login');
      const meStatus = await member.page.evaluate(async () => (await fetch('/api/v1/me')).status);
      expect(meStatus).toBe(401);

      // And the member can sign in again with the password they chose.
      await member.page.getByLabel(m.login.email).fill('ayse@example.com');
      await member.page.getByLabel(m.login.password).fill(PASSWORD);
      await member.page.getByRole('button', { name: m.login.submit }).click();
      await heading(member.page, m.app.nav.myWork);
    } finally {
      await Promise.all([owner.close(), manager.close(), member.close()]);
    }
  });
});

describe.skipIf(browserMissing).each(['en', 'tr'] as const)('accessibility (%s)', (lang: Lang) => {
  const m = catalogs[lang];
  let spine: RunningSpine;
  beforeAll(async () => {
    spine = await startSpine();
  });
  afterAll(async () => {
    await spine?.stop();
  });

  it('has no serious or critical axe violations on the platform pages', async () => {
    const owner = await openBrowser({ locale: LOCALE[lang] });
    const guest = await openBrowser({ locale: LOCALE[lang] });
    try {
      const page = owner.page;
      await page.goto(spine.url);
      await heading(page, m.setup.title);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await expectAccessible(page, `setup (${lang})`);
      // Errors shown: still accessible.
      await page.getByRole('button', { name: m.setup.submit }).click();
      await page.getByText(m.validation.required).first().waitFor();
      await expectAccessible(page, `setup with errors (${lang})`);

      await completeSetup(page, m, 'sule@example.com');
      // The owner keeps the language they set up in.
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);

      await page.getByRole('link', { name: m.app.nav.people }).click();
      await heading(page, m.people.title);
      const link = await invite(page, m, { name: 'Mehmet Öztürk', email: 'mehmet@example.com', role: 'member' });
      await expectAccessible(page, `people (${lang})`);
      await page.getByRole('button', { name: `${m.people.manage.button} Mehmet Öztürk` }).click();
      await page.getByRole('dialog').waitFor();
      await expectAccessible(page, `person dialog (${lang})`);
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: m.app.nav.settings }).click();
      await heading(page, m.settings.title);
      await page.getByLabel(m.settings.organization.timeZone).waitFor();
      await expectAccessible(page, `settings (${lang})`);

      await page.goto(`${spine.url}/profile`);
      await heading(page, m.profile.title);
      await page.getByLabel(m.tokens.name, { exact: true }).fill('CI');
      await page.getByRole('button', { name: m.tokens.create }).click();
      await page.getByLabel(m.tokens.tokenValue).waitFor();
      await expectAccessible(page, `profile (${lang})`);

      await guest.page.goto(link);
      await guest.page.getByLabel(m.invitation.password).waitFor();
      await expectAccessible(guest.page, `invitation (${lang})`);

      await page.getByRole('button', { name: new RegExp(m.app.userMenu.label) }).click();
      await page.getByRole('button', { name: m.app.userMenu.signOut }).click();
      await heading(page, m.login.title);
      await expectAccessible(page, `sign-in (${lang})`);
      await page.getByLabel(m.login.email).fill('sule@example.com');
      await page.getByLabel(m.login.password).fill('not the password');
      await page.getByRole('button', { name: m.login.submit }).click();
      await page.getByText(m.problems.invalid_credentials).waitFor();
      await expectAccessible(page, `sign-in with error (${lang})`);
    } finally {
      await Promise.all([owner.close(), guest.close()]);
    }
  });
});

describe.skipIf(browserMissing)('keyboard use', () => {
  let spine: RunningSpine;
  beforeAll(async () => {
    spine = await startSpine();
  });
  afterAll(async () => {
    await spine?.stop();
  });

  it('offers a skip link, a phone menu and dialogs that keep focus where people expect it', async () => {
    const m = catalogs.en;
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const page = browser.page;
      await page.goto(spine.url);
      await completeSetup(page, m, 'sule@example.com');
      await page.goto(`${spine.url}/people`);
      await heading(page, m.people.title);

      // The first Tab reaches the skip link; following it puts focus on the main content.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: m.app.skipToContent });
      await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');

      // A dialog opened from the keyboard returns focus to its opener when closed with Escape.
      const manage = page.getByRole('button', { name: `${m.people.manage.button} Şule Yıldırım` });
      await manage.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => manage.evaluate((el) => el === document.activeElement)).toBe(true);

      // At phone width the navigation sits behind a menu button that reports its state.
      await page.setViewportSize({ width: 360, height: 740 });
      const menu = page.getByRole('button', { name: m.app.menu, exact: true });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('link', { name: m.app.nav.settings }).isVisible()).toBe(false);
      await menu.focus();
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      const firstLink = page.getByRole('link', { name: m.app.nav.myWork });
      await expect.poll(() => firstLink.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => menu.evaluate((el) => el === document.activeElement)).toBe(true);
      // Nothing is wider than a 360 px phone screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await browser.close();
    }
  });
});
