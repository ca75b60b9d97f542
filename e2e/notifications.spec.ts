/**
 * Notifications as people meet them, in Chromium against a real server and a real SMTP server: a
 * member sets her task waiting on her manager through the task page; the manager's open task page
 * and his bell follow within two seconds without a reload, the panel says what happened, and the
 * email with the task's link arrives. Then the settings in Profile, the full page, the phone sheet,
 * the owner's failed-work section, and axe on all of it in English and Turkish.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationPage, NotificationSettings } from '../shared/notifications.js';
import { startSmtp, type TestSmtp } from '../server/test/smtp.js';
import { chromiumPath } from './harness.js';
import {
  type Catalog,
  catalogs,
  centerOf,
  drag,
  expectAccessible,
  markNoReload,
  openBrowser,
  type RunningSpine,
  settleLive,
  startSpine,
  stillSamePage,
} from './helpers.js';
import { api, createPerson, createProject, createTask, dayFromNow, heading, type Person, setupOwner, signIn } from './task-helpers.js';

const browserMissing = !chromiumPath();
/** How long another person's change may take to reach an open screen. */
const LIVE_MS = 2_000;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
}

function bell(page: Page, m: Catalog, unread: number): Locator {
  const name = unread === 0 ? m.notifications.bell.label : fill(m.notifications.bell.labelUnread_other, { count: unread });
  return page.getByRole('banner').getByRole('button', { name, exact: true });
}

function panel(page: Page, m: Catalog): Locator {
  return page.getByRole('dialog', { name: m.notifications.title });
}

function boardColumn(page: Page, status: string): Locator {
  return page.locator(`section.board-column[data-status="${status}"]`);
}

function boardCard(page: Page, reference: string): Locator {
  return page.locator('li.card-task').filter({ has: page.getByText(reference, { exact: true }) });
}

interface Scene {
  spine: RunningSpine;
  smtp: TestSmtp;
  owner: Awaited<ReturnType<typeof openBrowser>>;
  manager: Awaited<ReturnType<typeof openBrowser>>;
  member: Awaited<ReturnType<typeof openBrowser>>;
  mehmet: Person;
  ayse: Person;
  projectId: number;
  close(): Promise<void>;
}

async function scene(): Promise<Scene> {
  const smtp = await startSmtp();
  const spine = await startSpine({ SMTP_URL: smtp.url });
  const owner = await openBrowser();
  const manager = await openBrowser();
  const member = await openBrowser();
  await setupOwner(owner.context, spine.url, { name: 'Şule Yıldırım', email: 'sule@example.com' });
  const mehmet = await createPerson(owner.context, spine.url, { name: 'Mehmet Öztürk', email: 'mehmet@example.com', role: 'manager' });
  const ayse = await createPerson(owner.context, spine.url, { name: 'Ayşe Çelik', email: 'ayse@example.com', role: 'member' });
  await signIn(manager.context, spine.url, 'mehmet@example.com', 'en');
  await signIn(member.context, spine.url, 'ayse@example.com', 'en');
  const project = await createProject(manager.context, spine.url, {
    name: 'Kordon Evi Restorasyonu',
    key: 'KOR',
    members: [
      { userId: mehmet.id, role: 'manager' },
      { userId: ayse.id, role: 'member' },
    ],
  });
  return {
    spine,
    smtp,
    owner,
    manager,
    member,
    mehmet,
    ayse,
    projectId: project.id,
    close: async () => {
      await Promise.all([owner.close(), manager.close(), member.close()]);
      await spine.stop();
      await smtp.stop();
    },
  };
}

describe.skipIf(browserMissing)('notifications', () => {
  let s: Scene;
  let taskId = 0;
  const title = 'Prepare the facade survey drawings';
  const reason = 'Needs the signed contract from the client.';

  beforeAll(async () => {
    s = await scene();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('tells the manager live, in the bell and by email, when work starts waiting on him', async () => {
    const m = catalogs.en;
    const { spine, manager, member } = s;
    const task = await createTask(manager.context, spine.url, {
      projectId: s.projectId,
      title,
      captainId: s.ayse.id,
      deadline: `${dayFromNow(5)}T17:00`,
    });
    taskId = task.id;
    const reference = task.reference;

    // Mehmet keeps the task page open; his bell shows nothing unread.
    await manager.page.goto(`${spine.url}/tasks/${task.id}`);
    await heading(manager.page, title);
    await bell(manager.page, m, 0).waitFor();
    await markNoReload(manager.page);
    await settleLive(manager.page);

    // Ayşe starts the task and sets it waiting on Mehmet, through the task page.
    const page = member.page;
    await page.goto(`${spine.url}/tasks/${task.id}`);
    await heading(page, title);
    await page.getByRole('button', { name: m.tasks.action.start, exact: true }).click();
    await manager.page.locator('.task-head .status-badge', { hasText: m.tasks.status.in_progress }).waitFor({ timeout: LIVE_MS });
    await page.getByRole('button', { name: `${m.tasks.action.wait}…` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(m.tasks.transition.waitingReason).fill(reason);
    await dialog.getByLabel(m.tasks.transition.person).selectOption({ label: 'Mehmet Öztürk' });
    const mailsBefore = s.smtp.messages.length;
    await dialog.getByRole('button', { name: m.tasks.action.wait, exact: true }).click();
    const changedAt = Date.now();

    // Within two seconds, without a reload: the new status, and one unread in the bell.
    await Promise.all([
      manager.page.locator('.task-head .status-badge', { hasText: m.tasks.status.waiting }).waitFor({ timeout: LIVE_MS }),
      bell(manager.page, m, 1).waitFor({ timeout: LIVE_MS }),
    ]);
    expect(Date.now() - changedAt).toBeLessThan(LIVE_MS + 500);
    expect(await stillSamePage(manager.page)).toBe(true);
    expect(await bell(manager.page, m, 1).textContent()).toBe('1');

    // The panel opens with focus inside and tells what happened, with the reason.
    const button = bell(manager.page, m, 1);
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const open = panel(manager.page, m);
    await open.waitFor();
    expect(await button.getAttribute('aria-controls')).toBe(await open.getAttribute('id'));
    expect(await open.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await open.getByRole('heading', { name: m.notifications.today }).waitFor();
    const sentence = fill(m.notifications.item.waitingOnYou, { task: `${reference} ${title}` });
    const item = open.getByRole('listitem').filter({ hasText: sentence });
    await item.waitFor();
    await item.getByText(reason).waitFor();
    expect(await item.getByRole('link').getAttribute('href')).toBe(`/tasks/${task.id}`);
    await expectAccessible(manager.page, 'the open notification panel (en)');

    // Escape closes it and gives focus back to the bell.
    await manager.page.keyboard.press('Escape');
    await open.waitFor({ state: 'hidden' });
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // The email reaches Mehmet with the task's link.
    await expect
      .poll(() => s.smtp.messages.slice(mailsBefore).find((mail) => mail.to.includes('mehmet@example.com')), { timeout: 15_000 })
      .toBeDefined();
    const mail = s.smtp.messages.slice(mailsBefore).find((message) => message.to.includes('mehmet@example.com'))!;
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain(`${spine.url}/tasks/${task.id}`);
    expect(mail.text).toContain(reason);

    // Opening the notification by keyboard marks it read and leads to the task.
    await manager.page.keyboard.press('Enter');
    await open.waitFor();
    await item.getByRole('link').focus();
    await manager.page.keyboard.press('Enter');
    await open.waitFor({ state: 'hidden' });
    await bell(manager.page, m, 0).waitFor();
    expect(manager.page.url()).toBe(`${spine.url}/tasks/${task.id}`);
    await expect.poll(async () => (await api(manager.context, spine.url).get<NotificationPage>('/notifications')).unreadCount).toBe(0);
  });

  it('moves the card on the manager’s open board within a second when the member drags it to waiting', async () => {
    const m = catalogs.en;
    const { spine, manager, member } = s;
    const boardTitle = 'Measure the courtyard walls';
    const task = await createTask(manager.context, spine.url, {
      projectId: s.projectId,
      title: boardTitle,
      captainId: s.ayse.id,
      deadline: `${dayFromNow(6)}T12:00`,
    });
    await api(member.context, spine.url).post(`/tasks/${task.id}/status`, { status: 'in_progress' });

    await manager.page.goto(`${spine.url}/projects/${s.projectId}/board`);
    await boardCard(manager.page, task.reference).waitFor();
    await boardColumn(manager.page, 'in_progress').locator('li.card-task').filter({ hasText: task.reference }).waitFor();
    await markNoReload(manager.page);
    await settleLive(manager.page);
    const unreadBefore = (await api(manager.context, spine.url).get<NotificationPage>('/notifications')).unreadCount;

    const page = member.page;
    await page.goto(`${spine.url}/projects/${s.projectId}/board`);
    await boardCard(page, task.reference).waitFor();
    await drag(
      page,
      await centerOf(boardCard(page, task.reference).locator('.card-task__ref')),
      await centerOf(boardColumn(page, 'waiting').locator('ul')),
    );
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(m.tasks.transition.waitingReason).fill('The mason comes on Monday.');
    await dialog.getByLabel(m.tasks.transition.person).selectOption({ label: 'Mehmet Öztürk' });
    const mailsBefore = s.smtp.messages.length;
    await dialog.getByRole('button', { name: m.tasks.action.wait, exact: true }).click();
    const movedAt = Date.now();

    await boardColumn(manager.page, 'waiting').locator('li.card-task').filter({ hasText: task.reference }).waitFor({ timeout: 1000 });
    expect(Date.now() - movedAt).toBeLessThan(1000);
    expect(await stillSamePage(manager.page)).toBe(true);
    await bell(manager.page, m, unreadBefore + 1).waitFor({ timeout: LIVE_MS });

    const deadline = Date.now() + 10_000;
    const arrived = () =>
      s.smtp.messages
        .slice(mailsBefore)
        .find((mail) => mail.to.includes('mehmet@example.com') && mail.text.includes('The mason comes on Monday.'));
    while (!arrived() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(arrived()?.text).toContain(`/tasks/${task.id}`);
    // Leave the manager with nothing unread, as the next journeys expect.
    await api(manager.context, spine.url).post('/notifications/read-all');
  });

  it('lists notifications on their own page and marks them all read', async () => {
    const m = catalogs.en;
    const { spine, manager, member } = s;
    // Ayşe resumes and hands the task in: Mehmet is asked to review it.
    await api(member.context, spine.url).post(`/tasks/${taskId}/status`, { status: 'in_progress' });
    const page = manager.page;
    await page.goto(`${spine.url}/my-work`);
    await markNoReload(page);
    await settleLive(page);
    await api(member.context, spine.url).post(`/tasks/${taskId}/status`, { status: 'review' });
    await bell(page, m, 1).waitFor({ timeout: LIVE_MS });

    await bell(page, m, 1).click();
    await panel(page, m).getByRole('link', { name: m.notifications.panel.seeAll }).click();
    await heading(page, m.notifications.title);
    expect(await stillSamePage(page)).toBe(true);
    const main = page.getByRole('main');
    await main
      .getByRole('listitem')
      .filter({ hasText: fill(m.notifications.item.reviewRequested, { actor: 'Ayşe Çelik', task: `KOR-1 ${title}` }) })
      .waitFor();
    await main
      .getByRole('listitem')
      .filter({ hasText: fill(m.notifications.item.waitingOnYou, { task: `KOR-1 ${title}` }) })
      .waitFor();
    await main.getByRole('button', { name: m.notifications.markAllRead }).click();
    await bell(page, m, 0).waitFor();
    expect(await main.getByRole('button', { name: m.notifications.markAllRead }).isDisabled()).toBe(true);
    await expectAccessible(page, 'the notifications page (en)');
  });

  it('opens as a full-width sheet on a phone', async () => {
    const m = catalogs.en;
    const page = s.manager.page;
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.goto(`${s.spine.url}/my-work`);
      await bell(page, m, 0).click();
      const open = panel(page, m);
      await open.waitFor();
      const box = await open.boundingBox();
      expect(box?.x).toBe(0);
      expect(box?.width).toBe(360);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.getByRole('button', { name: m.notifications.panel.close }).click();
      await open.waitFor({ state: 'hidden' });
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('saves notification settings from the profile', async () => {
    const m = catalogs.en;
    const { spine, manager } = s;
    const page = manager.page;
    await page.goto(`${spine.url}/profile`);
    const section = page
      .getByRole('region', { name: m.notifications.settings.title })
      .or(page.locator('section.card', { has: page.getByRole('heading', { name: m.notifications.settings.title, exact: true }) }));
    const table = section.getByRole('table', { name: m.notifications.settings.caption });
    await table.waitFor();
    const commentsByEmail = table.getByRole('checkbox', {
      name: `${m.notifications.settings.kinds.commented.name} ${m.notifications.settings.channels.email}`,
    });
    expect(await commentsByEmail.isChecked()).toBe(false);
    await commentsByEmail.check();
    const overdueDigestOnly = table.getByRole('checkbox', {
      name: `${m.notifications.settings.kinds.overdue.name} ${m.notifications.settings.channels.digestOnly}`,
    });
    await overdueDigestOnly.check();
    // Gathered into the digest, a notice is not emailed at once: its email box is disabled.
    expect(
      await table
        .getByRole('checkbox', { name: `${m.notifications.settings.kinds.overdue.name} ${m.notifications.settings.channels.email}` })
        .isDisabled(),
    ).toBe(true);
    await section.getByRole('checkbox', { name: m.notifications.settings.digest }).uncheck();
    await section.getByText(m.notifications.settings.digestOff).waitFor();
    await expectAccessible(page, 'the notification settings (en)');
    await section.getByRole('button', { name: m.common.save }).click();
    await section.getByText(m.notifications.settings.saved).waitFor();
    const saved = await api(manager.context, spine.url).get<NotificationSettings>('/me/notification-settings');
    expect(saved.digest).toBe(false);
    expect(saved.kinds.commented?.email).toBe(true);
    expect(saved.kinds.overdue?.digestOnly).toBe(true);
    await page.reload();
    await table.waitFor();
    expect(await commentsByEmail.isChecked()).toBe(true);
  });

  it('shows owners the failed background work, and nobody else', async () => {
    const m = catalogs.en;
    const { spine, owner, manager } = s;
    await owner.page.goto(`${spine.url}/settings`);
    await heading(owner.page, m.settings.title);
    await owner.page.getByRole('heading', { name: m.notifications.failedJobs.title }).waitFor();
    await owner.page.getByText(m.notifications.failedJobs.empty).waitFor();
    await manager.page.goto(`${spine.url}/settings`);
    await heading(manager.page, m.settings.title);
    await manager.page.waitForLoadState('networkidle');
    expect(await manager.page.getByRole('heading', { name: m.notifications.failedJobs.title }).count()).toBe(0);
  });

  it('reads naturally and stays accessible in Turkish', async () => {
    const m = catalogs.tr;
    const { spine, manager } = s;
    await api(manager.context, spine.url).patch('/me', { locale: 'tr' });
    const page = manager.page;
    await page.goto(`${spine.url}/my-work`);
    await heading(page, m.app.nav.myWork);
    await bell(page, m, 0).click();
    const open = panel(page, m);
    await open
      .getByRole('listitem')
      .filter({ hasText: fill(m.notifications.item.waitingOnYou, { task: `KOR-1 ${title}` }) })
      .waitFor();
    await open.getByRole('heading', { name: m.notifications.today }).waitFor();
    await expectAccessible(page, 'the open notification panel (tr)');
    // Arrow keys move between notifications; tabbing past the panel's last link closes it.
    const links = open.locator('.notification__link');
    await links.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await links.nth(1).evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await links.first().evaluate((element) => element === document.activeElement)).toBe(true);
    await open.getByRole('link', { name: m.notifications.panel.seeAll }).focus();
    await page.keyboard.press('Tab');
    await open.waitFor({ state: 'hidden' });
    await page.goto(`${spine.url}/profile`);
    await page.getByRole('table', { name: m.notifications.settings.caption }).waitFor();
    await page.getByText(m.notifications.settings.kinds.waiting.help).waitFor();
    await expectAccessible(page, 'the notification settings (tr)');
  });
});
