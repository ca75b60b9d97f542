/**
 * Walks through the platform pages in English and Turkish and saves screenshots at desktop and
 * phone sizes into screenshots/ (git-ignored), to look at what was built.
 *   npx tsx e2e/screenshots.ts [en|tr]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, catalogs, describeViolations, openBrowser, seriousViolations, startSpine } from './helpers.js';

const OUT = path.resolve('screenshots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

async function run(lang: 'en' | 'tr') {
  const m = catalogs[lang];
  const spine = await startSpine();
  const owner = await openBrowser({ locale: lang === 'en' ? 'en-US' : 'tr-TR' });
  const page = owner.page;
  const problems: string[] = [];
  page.on('console', (message) => {
    // Refusals the flow provokes on purpose (401 from /me when signed out, 409 last owner) are logged by Chromium.
    if (/status of 4\d\d/.test(message.text())) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  async function shoot(name: string, target: Page = page) {
    for (const size of SIZES) {
      await target.setViewportSize(size);
      // Sticky headers land mid-page in a full-page shot taken while scrolled.
      await target.evaluate(() => window.scrollTo(0, 0));
      await target.waitForTimeout(150);
      await target.screenshot({ path: path.join(OUT, `${lang}-${name}-${size.width}.png`), fullPage: true });
    }
    await target.setViewportSize(SIZES[0]!);
    const serious = seriousViolations(await axeViolations(target));
    if (serious.length) problems.push(`axe on ${name}:\n${describeViolations(serious)}`);
  }

  try {
    await page.goto(spine.url);
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shoot('01-setup');

    await page.getByRole('button', { name: m.setup.submit }).click();
    await page.getByText(m.validation.required).first().waitFor();
    await shoot('02-setup-errors');

    await page.getByLabel(m.setup.organizationName).fill('Ayvalık Mimarlık');
    await page.getByLabel(m.setup.name).fill('Şule Yıldırım');
    await page.getByLabel(m.setup.email).fill('sule@example.com');
    await page.getByLabel(m.setup.password, { exact: true }).fill('correct horse battery staple');
    await page.getByRole('button', { name: m.setup.submit }).click();
    await page.waitForURL('**/my-work');
    await page.getByRole('heading', { level: 1, name: m.app.nav.myWork }).waitFor();
    await shoot('03-my-work');

    await page.getByRole('link', { name: m.app.nav.people }).click();
    await page.getByRole('heading', { level: 1, name: m.people.title }).waitFor();
    await shoot('04-people');

    await page.getByRole('button', { name: m.people.invite.open }).click();
    await page.getByRole('button', { name: m.people.invite.submit, exact: true }).click();
    await shoot('05-invite-errors');
    await page.getByLabel(m.people.fields.name, { exact: true }).fill('Mehmet Öztürk');
    await page.getByLabel(m.people.fields.email, { exact: true }).fill('mehmet@example.com');
    await page.getByLabel(m.people.fields.role, { exact: true }).selectOption('manager');
    await page.getByRole('button', { name: m.people.invite.submit, exact: true }).click();
    const link = page.getByLabel(m.people.invitationLink);
    await link.waitFor();
    let inviteUrl = await link.inputValue();
    await shoot('06-invitation-link');
    await page.getByRole('button', { name: m.common.done }).click();

    await page.getByRole('button', { name: m.people.invite.open }).click();
    await page.getByLabel(m.people.fields.name, { exact: true }).fill('Ayşe Çelik');
    await page.getByLabel(m.people.fields.email, { exact: true }).fill('ayse@example.com');
    await page.getByLabel(m.people.fields.passwordOptional).fill('a much longer password');
    await page.getByRole('button', { name: m.people.invite.submit, exact: true }).click();
    await page.getByRole('button', { name: m.common.done }).click();
    await page.getByRole('cell', { name: 'ayse@example.com' }).waitFor();
    await shoot('07-people-list');

    await page.getByRole('button', { name: `${m.people.manage.button} Mehmet Öztürk` }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('button', { name: m.people.manage.newLink }).click();
    // The new link replaces the first one.
    inviteUrl = await page.getByRole('dialog').getByLabel(m.people.invitationLink).inputValue();
    await shoot('08-manage-person');
    await page.keyboard.press('Escape');

    // The only owner cannot demote themselves: the server's refusal should read well.
    await page.getByRole('button', { name: `${m.people.manage.button} Şule Yıldırım` }).click();
    await page.getByRole('dialog').getByLabel(m.people.fields.role, { exact: true }).selectOption('member');
    await page.getByRole('dialog').getByRole('button', { name: m.common.save }).click();
    await page.getByRole('dialog').getByRole('alert').filter({ hasText: /./ }).first().waitFor();
    await shoot('09-last-owner');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: m.app.nav.settings }).click();
    await page.getByRole('heading', { level: 1, name: m.settings.title }).waitFor();
    await page.getByLabel(m.settings.organization.name).waitFor();
    await shoot('10-settings');
    await page.getByLabel(m.settings.organization.currency).fill('TRY');
    await page.getByLabel(m.settings.organization.timeZone).selectOption('Europe/Istanbul');
    await page.getByRole('button', { name: m.common.save }).first().click();
    await page.getByText(m.settings.organization.saved).waitFor();

    // A second organization, whose owner adds Şule: her menu then offers a switch.
    await page.getByLabel(m.organizations.create.name).fill('Kuzey Danışmanlık');
    await page.getByLabel(m.organizations.create.ownerName).fill('Deniz Kaya');
    await page.getByLabel(m.organizations.create.ownerEmail).fill('deniz@example.com');
    await page.getByLabel(m.organizations.create.ownerPassword).fill('deniz has a long password');
    await page.getByRole('button', { name: m.organizations.create.submit }).click();
    await page.getByText('deniz@example.com', { exact: false }).first().waitFor();
    await shoot('10b-organization-created');
    const deniz = await openBrowser({ locale: lang === 'en' ? 'en-US' : 'tr-TR' });
    await deniz.page.goto(`${spine.url}/login`);
    await deniz.page.getByLabel(m.login.email).fill('deniz@example.com');
    await deniz.page.getByLabel(m.login.password).fill('deniz has a long password');
    await deniz.page.getByRole('button', { name: m.login.submit }).click();
    await deniz.page.waitForURL('**/my-work');
    // Deniz's account was made by the administrator: it speaks the account's language, not the browser's.
    const dm = catalogs[(await deniz.page.evaluate(() => document.documentElement.lang)) === 'tr' ? 'tr' : 'en'];
    await deniz.page.getByRole('link', { name: dm.app.nav.people }).click();
    await deniz.page.getByRole('button', { name: dm.people.invite.open }).click();
    await deniz.page.getByLabel(dm.people.fields.name, { exact: true }).fill('Şule Yıldırım');
    await deniz.page.getByLabel(dm.people.fields.email, { exact: true }).fill('sule@example.com');
    await deniz.page.getByLabel(dm.people.fields.role, { exact: true }).selectOption('admin');
    await deniz.page.getByRole('button', { name: dm.people.invite.submit, exact: true }).click();
    await deniz.page.getByRole('button', { name: dm.common.done }).waitFor();
    await shoot('10c-existing-account-joined', deniz.page);
    await deniz.close();
    await page.reload();
    const switcher = page.getByLabel(m.app.organization.switch);
    await switcher.waitFor();
    await shoot('10d-switcher');
    await switcher.selectOption({ label: 'Kuzey Danışmanlık' });
    await page.getByRole('link', { name: m.app.nav.people }).click();
    await page.getByRole('cell', { name: 'deniz@example.com' }).waitFor();
    await shoot('10e-switched-people');
    await page.getByLabel(m.app.organization.switch).selectOption({ label: 'Ayvalık Mimarlık' });
    await page.getByRole('cell', { name: 'mehmet@example.com' }).waitFor();
    await page.getByRole('link', { name: m.app.nav.settings }).click();

    await page.getByRole('button', { name: new RegExp(m.app.userMenu.label) }).click();
    await shoot('11-user-menu');
    await page.getByRole('link', { name: m.app.userMenu.profile }).click();
    await page.getByRole('heading', { level: 1, name: m.profile.title }).waitFor();
    await page.getByLabel(m.tokens.name, { exact: true }).fill('Invoicing script');
    await page.getByRole('button', { name: m.tokens.create }).click();
    await page.getByLabel(m.tokens.tokenValue).waitFor();
    await shoot('12-profile');

    await page.setViewportSize(SIZES[1]!);
    await page.getByRole('button', { name: m.app.menu, exact: true }).click();
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(OUT, `${lang}-13-phone-nav-390.png`) });
    await page.keyboard.press('Escape');
    await page.setViewportSize(SIZES[0]!);

    // The invited manager opens their link in their own browser.
    const guest = await openBrowser({ locale: lang === 'en' ? 'en-US' : 'tr-TR' });
    await guest.page.goto(inviteUrl);
    await guest.page
      .getByLabel(m.invitation.password)
      .waitFor({ timeout: 5000 })
      .catch(async (error) => {
        await guest.page.screenshot({ path: path.join(OUT, `${lang}-invite-failure.png`), fullPage: true });
        throw error;
      });
    await shoot('14-invitation', guest.page);
    await guest.page.getByLabel(m.invitation.password).fill('another long password');
    await guest.page.getByRole('button', { name: m.invitation.submit }).click();
    await guest.page.waitForURL('**/my-work');
    await shoot('15-manager-home', guest.page);
    await guest.page.goto(`${spine.url}/people`);
    await guest.page.getByRole('heading', { level: 1, name: m.people.title }).waitFor();
    await shoot('16-manager-people', guest.page);
    await guest.close();

    await page.getByRole('button', { name: new RegExp(m.app.userMenu.label) }).click();
    await page.getByRole('button', { name: m.app.userMenu.signOut }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await shoot('17-login');
    await page.getByLabel(m.login.email).fill('sule@example.com');
    await page.getByLabel(m.login.password).fill('wrong password!');
    await page.getByRole('button', { name: m.login.submit }).click();
    await page.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
    await shoot('18-login-error');
  } catch (error) {
    await page.screenshot({ path: path.join(OUT, `${lang}-failure.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await owner.close();
    await spine.stop();
    if (problems.length) console.log(`[${lang}] problems:\n${problems.join('\n')}`);
    else console.log(`[${lang}] no console errors, no serious axe violations`);
  }
}

fs.mkdirSync(OUT, { recursive: true });
const languages = process.argv[2] ? [process.argv[2] as 'en' | 'tr'] : (['en', 'tr'] as const);
for (const lang of languages) await run(lang);
