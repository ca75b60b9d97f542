/**
 * Screenshots of time tracking on the web (header timer, start dialog, task Time section, My work,
 * board, corrections in history) at desktop and phone sizes, into screenshots/ (git-ignored), with
 * axe run on each screen.
 *   npx tsx e2e/screenshots-time-tracking.ts [en|tr]
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { en, tr } from '../web/i18n/catalogs.js';
import { launchBrowser, startSpine } from './harness.js';
import { api, createPerson, createProject, dayFromNow, heading, setupOwner, signIn } from './task-helpers.js';

// Not from helpers.ts: that module imports vitest's expect, which only loads inside a test run.
const catalogs = { en, tr } as const;
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Serious and critical axe-core findings on the page, described one per line. */
async function seriousAxe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document)).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}

async function openBrowser(options: { locale: 'en-US' | 'tr-TR' }) {
  const context = await launchBrowser(options);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close() };
}

const OUT = path.resolve('screenshots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

async function run(lang: 'en' | 'tr') {
  const m = catalogs[lang];
  const locale = lang === 'en' ? 'en-US' : 'tr-TR';
  const spine = await startSpine();
  const owner = await openBrowser({ locale });
  const manager = await openBrowser({ locale });
  const member = await openBrowser({ locale });
  const problems: string[] = [];
  for (const page of [manager.page, member.page]) {
    page.on('console', (message) => {
      if (/status of 4\d\d/.test(message.text())) return;
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }

  async function shoot(name: string, page: Page, options: { full?: boolean } = {}) {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(OUT, `${lang}-time-${name}-${size.width}.png`), fullPage: options.full ?? true });
    }
    await page.setViewportSize(SIZES[0]!);
    const serious = await seriousAxe(page);
    if (serious.length) problems.push(`axe on ${name}:\n${serious.join('\n')}`);
  }

  try {
    await setupOwner(owner.context, spine.url, { name: 'Şule Yıldırım', email: 'sule@example.com' });
    const mehmet = await createPerson(owner.context, spine.url, { name: 'Mehmet Öztürk', email: 'mehmet@example.com', role: 'manager' });
    const ayse = await createPerson(owner.context, spine.url, { name: 'Ayşe Çelik', email: 'ayse@example.com', role: 'member' });
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
    const asManager = api(manager.context, spine.url);
    const asMember = api(member.context, spine.url);
    const task = (body: Record<string, unknown>) =>
      asManager.post<{ id: number; reference: string }>('/tasks', { projectId: project.id, captainId: ayse.id, ...body });
    const main = await task({
      title: 'Cephe rölöve çizimlerini hazırla',
      deadline: dayFromNow(5),
      estimateMinutes: 480,
      activityType: 'design',
    });
    const over = await task({ title: 'Belediye ruhsat dosyasını topla', deadline: dayFromNow(2), estimateMinutes: 60 });
    const plain = await task({ title: 'Malzeme listesini güncelle', deadline: dayFromNow(9) });
    await task({ title: 'Müşteriye ara rapor yaz', deadline: dayFromNow(12), estimateMinutes: 240 });
    await asMember.post(`/tasks/${main.id}/status`, { status: 'in_progress' });
    await asMember.post(`/tasks/${over.id}/status`, { status: 'in_progress' });

    const entry = await asMember.post<{ id: number }>('/time-entries', {
      taskId: main.id,
      date: dayFromNow(-1),
      duration: '1:00',
      note: 'Kuzey cephesi ölçüleri',
    });
    await asMember.post('/time-entries', {
      taskId: main.id,
      date: dayFromNow(0),
      duration: '2h',
      startTime: '09:00',
      note: 'Batı cephesi, fotoğraf ve ölçü',
    });
    await asMember.post('/time-entries', { taskId: over.id, date: dayFromNow(0), duration: 90 });
    await asMember.post('/time-entries', { taskId: plain.id, date: dayFromNow(0), duration: '45m' });
    // The manager corrects Ayşe's entry: it goes into the task's history.
    await asManager.patch(`/time-entries/${entry.id}`, { duration: '1:30', reason: 'Saha ziyareti yarım saat uzun sürdü.' });
    await asMember.post('/timer', { taskId: main.id });

    const page = member.page;
    await page.goto(`${spine.url}/tasks/${main.id}`);
    await heading(page, 'Cephe rölöve çizimlerini hazırla');
    await page.locator('.header-timer__running').waitFor();
    await page.locator('.time-entries').waitFor();
    await page.waitForTimeout(1200);
    await shoot('01-task-page-running', page);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      await page.locator('.topbar').screenshot({ path: path.join(OUT, `${lang}-time-00-header-${size.width}.png`) });
    }
    await page.setViewportSize(SIZES[0]!);

    await page.getByRole('button', { name: m.timeEntry.add, exact: true }).click();
    await page.getByLabel(m.timeEntry.fields.duration).fill('1.5h');
    await shoot('02-add-time-form', page);
    await page.getByRole('button', { name: m.timeEntry.form.add }).click();
    await page.locator('.time-section .alert--success').waitFor();
    await shoot('03-time-added', page);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      await page.locator('.time-section').screenshot({ path: path.join(OUT, `${lang}-time-03b-time-section-${size.width}.png`) });
    }
    await page.setViewportSize(SIZES[0]!);

    await page.goto(`${spine.url}/my-work`);
    await heading(page, m.app.nav.myWork);
    await page.locator('.queue-row').first().waitFor();
    await shoot('04-my-work', page);

    // Switch the timer from a queue row: the first is stopped and recorded.
    await page.getByRole('button', { name: m.timer.startOn.replace('{{reference}}', over.reference) }).click();
    await page.locator('.timer-notice').waitFor();
    await shoot('05-switched', page, { full: false });

    await page.goto(`${spine.url}/projects/${project.id}/board`);
    await page.locator('.card-task').first().waitFor();
    await shoot('06-board', page, { full: false });

    await page
      .getByRole('button', { name: m.timer.stopOn.replace('{{reference}}', over.reference) })
      .first()
      .click();
    await page.locator('.header-timer__start').waitFor();
    await page.locator('.header-timer__start').click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').locator('.timer-pick__option').first().waitFor();
    await shoot('07-start-dialog', page, { full: false });
    await page.getByRole('dialog').getByLabel(m.timer.dialog.search).fill('rapor');
    await page.getByRole('dialog').getByText('Müşteriye ara rapor yaz').waitFor();
    await shoot('08-start-dialog-search', page, { full: false });
    await page.getByRole('dialog').locator('.timer-pick__option').first().click();
    await page.locator('.header-timer__running').waitFor();

    // The manager sees the correction in the history.
    await manager.page.goto(`${spine.url}/tasks/${main.id}`);
    await manager.page.locator('.timeline__item--time_entry_changed').waitFor();
    await manager.page.locator('.timeline__item--time_entry_changed').scrollIntoViewIfNeeded();
    await shoot('09-history-correction', manager.page);

    // The manager corrects an entry from the task page: a reason is asked for, and history shows it.
    await manager.page.locator('.time-entries__action').first().click();
    await manager.page.getByRole('dialog').getByLabel(m.timeEntry.fields.duration).fill('2:15');
    await manager.page.getByRole('dialog').getByLabel(m.timeEntry.fields.reasonOptional).fill('Fotoğraf çekimi dahil edilmemişti.');
    await shoot('10-manager-edit-dialog', manager.page, { full: false });
    await manager.page.getByRole('dialog').getByRole('button', { name: m.timeEntry.form.save }).click();
    await manager.page.locator('.timeline__item--time_entry_changed').nth(1).waitFor();
  } catch (error) {
    await member.page.screenshot({ path: path.join(OUT, `${lang}-time-failure-member.png`), fullPage: true }).catch(() => undefined);
    await manager.page.screenshot({ path: path.join(OUT, `${lang}-time-failure-manager.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await Promise.all([owner.close(), manager.close(), member.close()]);
    await spine.stop();
    if (problems.length) console.log(`[${lang}] problems:\n${problems.join('\n')}`);
    else console.log(`[${lang}] no console errors, no serious axe violations`);
  }
}

fs.mkdirSync(OUT, { recursive: true });
const languages = process.argv[2] ? [process.argv[2] as 'en' | 'tr'] : (['en', 'tr'] as const);
for (const lang of languages) await run(lang);
