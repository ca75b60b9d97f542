/**
 * Screenshots of the task page, My work and the workflow dialogs at desktop and phone sizes, in
 * English and Turkish, into screenshots/ (git-ignored), with axe run on each screen.
 *   npx tsx e2e/screenshots-tasks.ts [en|tr]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, catalogs, describeViolations, openBrowser, seriousViolations, startSpine } from './helpers.js';
import { api, createPerson, createProject, createTask, dayFromNow, heading, setupOwner, signIn } from './task-helpers.js';

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
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(OUT, `${lang}-tasks-${name}-${size.width}.png`), fullPage: options.full ?? true });
    }
    await page.setViewportSize(SIZES[0]!);
    const serious = seriousViolations(await axeViolations(page));
    if (serious.length) problems.push(`axe on ${name}:\n${describeViolations(serious)}`);
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
    const main = await createTask(manager.context, spine.url, {
      projectId: project.id,
      title: 'Cephe rölöve çizimlerini hazırla',
      captainId: ayse.id,
      deadline: `${dayFromNow(3)}T17:00`,
      description: '## Kapsam\n\n- Kuzey ve batı cepheleri\n- 1/50 ölçek\n\nEski fotoğraflar **ekte**. <img src=x onerror=alert(1)>',
    });
    const titles = [
      'Belediye ruhsat dosyasını topla',
      'Statik rapor için mühendisle görüş',
      'Malzeme listesini güncelle',
      'Müşteriye ara rapor yaz',
    ];
    const others = [];
    for (const [index, title] of titles.entries()) {
      others.push(
        await createTask(manager.context, spine.url, {
          projectId: project.id,
          title,
          captainId: ayse.id,
          deadline: dayFromNow(index === 0 ? -2 : index === 1 ? 0 : index * 4),
        }),
      );
    }
    // One waiting on the manager, one in review.
    await asMember.post(`/tasks/${others[1]!.id}/status`, { status: 'in_progress' });
    await asMember.post(`/tasks/${others[1]!.id}/status`, {
      status: 'waiting',
      reason: 'Statik hesap için mühendisin onayı gerekiyor.',
      waitingOn: { userId: mehmet.id },
    });
    await asMember.post(`/tasks/${others[3]!.id}/status`, { status: 'in_progress' });
    await asMember.post(`/tasks/${others[3]!.id}/status`, { status: 'review' });
    await asMember.post(`/tasks/${main.id}/status`, { status: 'in_progress' });
    await asMember.post(`/tasks/${main.id}/comments`, { body: `@Mehmet Öztürk eski fotoğrafları arşivden istedim.` });

    // Member: task page.
    const page = member.page;
    await page.goto(`${spine.url}/tasks/${main.id}`);
    await heading(page, 'Cephe rölöve çizimlerini hazırla');
    await page.getByRole('heading', { name: m.taskView.history.title }).waitFor();
    await page.locator('.timeline__item').first().waitFor();
    await shoot('01-task-page', page);

    await page.getByRole('button', { name: `${m.tasks.action.wait}…` }).click();
    await page.getByRole('dialog').waitFor();
    await shoot('02-wait-dialog', page, { full: false });
    await page.getByRole('dialog').getByRole('button', { name: m.tasks.action.wait }).click();
    await page.getByText(m.tasks.transition.waitingReasonRequired).waitFor();
    await shoot('03-wait-dialog-errors', page, { full: false });
    await page.getByLabel(m.tasks.transition.waitingReason).fill('Müşteriden eski fotoğrafları bekliyorum.');
    await page.getByLabel(m.tasks.transition.waitingOnExternal).check();
    await page.getByLabel(m.tasks.transition.external).fill('Müşterinin arşiv sorumlusu');
    await page.getByRole('dialog').getByRole('button', { name: m.tasks.action.wait }).click();
    await page.getByRole('heading', { name: m.taskView.waiting.onExternal.replace('{{name}}', 'Müşterinin arşiv sorumlusu') }).waitFor();
    await shoot('04-task-waiting', page);

    await page.getByRole('button', { name: m.taskView.details.edit }).click();
    await shoot('05-details-form', page);
    await page.getByRole('button', { name: m.common.cancel }).click();

    await page.getByRole('button', { name: m.taskView.description.edit }).click();
    await page
      .getByRole('tablist', { name: new RegExp(`^${m.taskView.description.label}`) })
      .getByRole('tab', { name: m.taskView.markdown.preview })
      .click();
    await shoot('06-description-preview', page);
    await page.getByRole('button', { name: m.common.cancel }).click();

    // A conflict: the manager renames while the member edits.
    await page.getByRole('button', { name: m.taskView.title.edit }).click();
    const current = await asManager.get<{ version: number }>(`/tasks/${main.id}`);
    await asManager.patch(`/tasks/${main.id}`, { version: current.version, title: 'Cephe rölöve çizimleri (kuzey, batı)' });
    await page.getByLabel(m.taskView.title.label).fill('Cephe rölövesi — 1/50');
    await page.getByRole('button', { name: m.taskView.title.save }).click();
    await page.getByRole('heading', { name: m.taskView.conflict.title }).waitFor();
    await shoot('07-conflict', page);
    await page.getByRole('button', { name: m.taskView.conflict.reload }).click();

    // My work of the member.
    await page.goto(`${spine.url}/my-work`);
    await heading(page, m.app.nav.myWork);
    await page.locator('.queue-row').first().waitFor();
    await shoot('08-my-work-member', page);

    // The manager: waiting on me and reviews for me.
    await manager.page.goto(`${spine.url}/my-work`);
    await heading(manager.page, m.app.nav.myWork);
    await manager.page.getByRole('heading', { name: new RegExp(m.myWork.reviews.title) }).waitFor();
    await shoot('09-my-work-manager', manager.page);
    await manager.page.goto(`${spine.url}/tasks/${others[3]!.id}`);
    await manager.page.getByRole('button', { name: `${m.tasks.action.request_changes}…` }).click();
    await manager.page.getByRole('dialog').waitFor();
    await shoot('10-review-dialog', manager.page, { full: false });
    await manager.page.getByLabel(m.tasks.transition.feedback).fill('Tablodaki birim fiyatları güncel listeyle karşılaştır.');
    await manager.page.getByRole('dialog').getByRole('button', { name: m.tasks.action.request_changes }).click();
    await manager.page.getByRole('heading', { name: m.taskView.feedback.changesRequested }).waitFor();
    await shoot('11-changes-requested', manager.page);
  } catch (error) {
    await member.page.screenshot({ path: path.join(OUT, `${lang}-tasks-failure-member.png`), fullPage: true }).catch(() => undefined);
    await manager.page.screenshot({ path: path.join(OUT, `${lang}-tasks-failure-manager.png`), fullPage: true }).catch(() => undefined);
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
