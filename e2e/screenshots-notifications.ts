/**
 * Screenshots of the notification bell, its panel (desktop popover and phone sheet), the
 * /notifications page, the settings section in Profile and the failed-work section in Settings, in
 * English and Turkish, into screenshots/ (git-ignored), with axe run on each screen.
 *   npx tsx e2e/screenshots-notifications.ts [en|tr]
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, catalogs, describeViolations, openBrowser, seriousViolations, startSpine } from './helpers.js';
import { api, createPerson, createProject, createTask, dayFromNow, heading, setupOwner, signIn } from './task-helpers.js';

const OUT = path.resolve('screenshots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

const WORDS = {
  en: {
    tasks: [
      'Prepare the facade survey drawings',
      'Order the replacement roof tiles',
      'Write the heritage board application',
      'Site visit report for the east wing',
    ],
    waitingOnMe: 'Needs the signed contract from the client.',
    supplier: 'Kaya Yapı, the tile supplier',
    waitingExternal: 'Waiting for the tile samples to arrive.',
    mention: '@Mehmet Öztürk the contract draft is in the documents, could you check clause 4?',
    feedback: 'Add the photographs of the north wall before we send it.',
  },
  tr: {
    tasks: [
      'Cephe rölöve çizimlerini hazırla',
      'Yedek kiremitleri sipariş et',
      'Koruma kurulu başvurusunu yaz',
      'Doğu kanadı saha ziyareti raporu',
    ],
    waitingOnMe: 'Müşteriden imzalı sözleşme gerekiyor.',
    supplier: 'Kaya Yapı, kiremit tedarikçisi',
    waitingExternal: 'Kiremit numunelerinin gelmesi bekleniyor.',
    mention: '@Mehmet Öztürk sözleşme taslağı belgelerde, 4. maddeye bakabilir misiniz?',
    feedback: 'Göndermeden önce kuzey duvarının fotoğraflarını ekleyin.',
  },
} as const;

async function run(lang: 'en' | 'tr') {
  const m = catalogs[lang];
  const words = WORDS[lang];
  const locale = lang === 'en' ? 'en-US' : 'tr-TR';
  const spine = await startSpine();
  const owner = await openBrowser({ locale });
  const manager = await openBrowser({ locale });
  const member = await openBrowser({ locale });
  const problems: string[] = [];
  for (const page of [owner.page, manager.page]) {
    page.on('console', (message) => {
      if (/status of 4\d\d/.test(message.text())) return;
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }

  async function axe(name: string, page: Page) {
    const serious = seriousViolations(await axeViolations(page));
    if (serious.length) problems.push(`axe on ${name}:\n${describeViolations(serious)}`);
  }

  /** The viewport as it is (popovers and sheets), at each size. */
  async function shootViewport(name: string, page: Page, prepare: () => Promise<void>) {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await prepare();
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(OUT, `${lang}-notifications-${name}-${size.width}.png`) });
      await axe(`${name} at ${size.width}`, page);
    }
    await page.setViewportSize(SIZES[0]!);
  }

  /** The element as it sits in the whole page (an element shot would scroll it under the sticky top bar). */
  async function shootElement(name: string, page: Page, target: Locator) {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(200);
      const box = await target.evaluate((element) => {
        const rect = element.getBoundingClientRect();
        return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height };
      });
      const margin = 8;
      await page.screenshot({
        path: path.join(OUT, `${lang}-notifications-${name}-${size.width}.png`),
        fullPage: true,
        clip: {
          x: Math.max(0, box.x - margin),
          y: Math.max(0, box.y - margin),
          width: box.width + 2 * margin,
          height: box.height + 2 * margin,
        },
      });
    }
    await page.setViewportSize(SIZES[0]!);
    await axe(name, page);
  }

  try {
    await setupOwner(owner.context, spine.url, { name: 'Şule Yıldırım', email: 'sule@example.com' });
    const mehmet = await createPerson(owner.context, spine.url, { name: 'Mehmet Öztürk', email: 'mehmet@example.com', role: 'manager' });
    const ayse = await createPerson(owner.context, spine.url, { name: 'Ayşe Çelik', email: 'ayse@example.com', role: 'member' });
    await signIn(owner.context, spine.url, 'sule@example.com', lang);
    await signIn(manager.context, spine.url, 'mehmet@example.com', lang);
    await signIn(member.context, spine.url, 'ayse@example.com', lang);
    const project = await createProject(manager.context, spine.url, {
      name: 'Kordon Evi Restorasyonu',
      key: 'KOR',
      members: [
        { userId: mehmet.id, role: 'manager' },
        { userId: ayse.id, role: 'member' },
      ],
    });
    const asOwner = api(owner.context, spine.url);
    const asManager = api(manager.context, spine.url);
    const asMember = api(member.context, spine.url);
    const [survey, tiles, application] = await Promise.all(
      words.tasks.slice(0, 3).map((title, index) =>
        createTask(manager.context, spine.url, {
          projectId: project.id,
          title,
          captainId: ayse.id,
          deadline: `${dayFromNow(3 + index)}T17:00`,
        }),
      ),
    );
    const report = await createTask(owner.context, spine.url, {
      projectId: project.id,
      title: words.tasks[3],
      captainId: mehmet.id,
      deadline: `${dayFromNow(2)}T12:00`,
    });

    // Oldest first: Mehmet hands in his report and Şule sends it back; then Ayşe's work reaches him.
    await asManager.post(`/tasks/${report.id}/status`, { status: 'in_progress' });
    await asManager.post(`/tasks/${report.id}/status`, { status: 'review' });
    await asOwner.post(`/tasks/${report.id}/review`, { decision: 'request_changes', feedback: words.feedback });
    await asMember.post(`/tasks/${application!.id}/status`, { status: 'in_progress' });
    await asMember.post(`/tasks/${application!.id}/status`, { status: 'review' });
    await asMember.post(`/tasks/${tiles!.id}/status`, { status: 'in_progress' });
    await asMember.post(`/tasks/${tiles!.id}/status`, {
      status: 'waiting',
      reason: words.waitingExternal,
      waitingOn: { external: words.supplier },
    });
    await asMember.post(`/tasks/${survey!.id}/status`, { status: 'in_progress' });
    await asMember.post(`/tasks/${survey!.id}/comments`, { body: words.mention });
    await asMember.post(`/tasks/${survey!.id}/status`, { status: 'waiting', reason: words.waitingOnMe, waitingOn: { userId: mehmet.id } });

    // The notices are written by the job queue; then spread them over a few days, the oldest read.
    const db = new Database(path.join(spine.dataDir, 'spine.db'));
    for (let tries = 0; ; tries += 1) {
      const { count } = db.prepare('select count(*) as count from notifications where user_id = ?').get(mehmet.id) as { count: number };
      if (count >= 6) break;
      if (tries > 50) throw new Error(`only ${count} notifications for the manager`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const ids = (db.prepare('select id from notifications where user_id = ? order by id').all(mehmet.id) as { id: number }[]).map(
      (row) => row.id,
    );
    const daysAgo = (days: number, hour: number) => {
      const date = new Date(Date.now() - days * 86_400_000);
      date.setUTCHours(hour, 20, 0, 0);
      return date.toISOString();
    };
    const older = [daysAgo(6, 9), daysAgo(6, 13), daysAgo(1, 8), daysAgo(1, 14)];
    ids.slice(0, older.length).forEach((id, index) => {
      db.prepare('update notifications set created_at = ?, read_at = ? where id = ?').run(
        older[index],
        index < 2 ? older[index] : null,
        id,
      );
    });
    // A failed email, as an unreachable mail server leaves it, for the owner's section.
    db.prepare(
      `insert into jobs (organization_id, type, payload, unique_key, status, run_at, attempts, max_attempts, locked_until, last_error, created_at, finished_at)
       values (?, 'send-email', '{}', null, 'failed', ?, 10, 10, null, ?, ?, ?)`,
    ).run(
      (db.prepare('select organization_id from projects where id = ?').get(project.id) as { organization_id: number }).organization_id,
      daysAgo(1, 6),
      'connect ECONNREFUSED 10.0.0.25:587',
      daysAgo(1, 6),
      daysAgo(1, 7),
    );
    db.close();

    const page = manager.page;
    await page.goto(`${spine.url}/my-work`);
    await heading(page, m.app.nav.myWork);
    const bell = page.getByRole('banner').getByRole('button', { name: new RegExp(`^${m.notifications.bell.label}`) });
    await bell.waitFor();
    await page.waitForTimeout(300);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      await page.screenshot({
        path: path.join(OUT, `${lang}-notifications-01-bell-${size.width}.png`),
        clip: { x: 0, y: 0, width: size.width, height: 120 },
      });
    }
    await page.setViewportSize(SIZES[0]!);

    const panel = page.getByRole('dialog', { name: m.notifications.title });
    await shootViewport('02-panel', page, async () => {
      if (!(await panel.isVisible())) await bell.click();
      await panel.getByRole('listitem').first().waitFor();
    });
    await page.keyboard.press('Escape');

    await page.goto(`${spine.url}/notifications`);
    await heading(page, m.notifications.title);
    await page.getByRole('main').getByRole('listitem').first().waitFor();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(OUT, `${lang}-notifications-03-page-${size.width}.png`), fullPage: true });
    }
    await page.setViewportSize(SIZES[0]!);
    await axe('notifications page', page);

    await page.goto(`${spine.url}/profile`);
    const table = page.getByRole('table', { name: m.notifications.settings.caption });
    await table.waitFor();
    await shootElement('04-settings', page, page.locator('section.card', { has: table }));

    await owner.page.goto(`${spine.url}/settings`);
    const failed = owner.page.getByRole('heading', { name: m.notifications.failedJobs.title });
    await failed.waitFor();
    await owner.page.getByRole('button', { name: new RegExp(m.notifications.failedJobs.retry) }).waitFor();
    await shootElement('05-failed-jobs', owner.page, owner.page.locator('section.card', { has: failed }));
  } finally {
    await Promise.all([owner.close(), manager.close(), member.close()]);
    await spine.stop();
  }
  return problems;
}

fs.mkdirSync(OUT, { recursive: true });
const chosen = process.argv[2];
const langs: ('en' | 'tr')[] = chosen === 'en' || chosen === 'tr' ? [chosen] : ['en', 'tr'];
let failed = false;
for (const lang of langs) {
  const problems = await run(lang);
  if (problems.length) {
    failed = true;
    console.error(`${lang}:\n${problems.join('\n')}`);
  } else console.log(`${lang}: screenshots written, no console errors, no serious axe violations`);
}
process.exit(failed ? 1 : 0);
