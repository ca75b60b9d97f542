/**
 * Walks through the projects area in English and Turkish and saves screenshots at desktop and
 * phone sizes into screenshots/ (git-ignored): the projects page, the new-project and new-task
 * forms, a list of a few hundred tasks, the board, milestones, members and clients.
 *   npx tsx e2e/screenshots-projects.ts [en|tr]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, catalogs, describeViolations, openBrowser, seriousViolations, startSpine } from './helpers.js';
import { addPerson, api, createTasks, runSteps, sampleTasks, setLocale, setUp, signIn } from './projects-helpers.js';

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
  const page = manager.page;
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/status of 4\d\d/.test(message.text())) return;
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  async function shoot(name: string, options: { fullPage?: boolean; target?: Page } = {}) {
    const target = options.target ?? page;
    for (const size of SIZES) {
      await target.setViewportSize(size);
      await target.waitForTimeout(250);
      await target.screenshot({ path: path.join(OUT, `${lang}-projects-${name}-${size.width}.png`), fullPage: options.fullPage ?? true });
    }
    await target.setViewportSize(SIZES[0]!);
    const serious = seriousViolations(await axeViolations(target));
    if (serious.length) problems.push(`axe on ${name}:\n${describeViolations(serious)}`);
  }

  try {
    await setUp(owner.page, spine.url, { name: 'Şule Yıldırım', email: 'sule@example.com' });
    await setLocale(owner.page, lang);
    const mehmet = await addPerson(owner.page, { name: 'Mehmet Öztürk', email: 'mehmet@example.com', role: 'manager' });
    const ayse = await addPerson(owner.page, { name: 'Ayşe Çelik', email: 'ayse@example.com', role: 'member' });
    const deniz = await addPerson(owner.page, { name: 'Deniz Kaya', email: 'deniz@example.com', role: 'member' });
    await addPerson(owner.page, { name: 'ACME Portal', email: 'portal@acme.example', role: 'client' });

    await signIn(page, spine.url, 'mehmet@example.com', '/projects');
    await setLocale(page, lang);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: m.projects.title }).waitFor();
    await shoot('01-empty');

    // New project: the key follows the name, a client is added in place, members are picked.
    await page.getByRole('button', { name: m.projects.new.open }).click();
    await page.getByLabel(m.projects.fields.name).fill('ACME Corp – Headquarters renovation 2026');
    await page.getByLabel(m.projects.fields.client).selectOption({ label: m.projects.clientPicker.newOption });
    await page.getByLabel(m.projects.clientPicker.newName).fill('ACME Corp');
    await page.getByRole('button', { name: m.projects.clientPicker.add }).click();
    await page.getByLabel(m.projects.fields.client).locator('option:checked', { hasText: 'ACME Corp' }).waitFor({ state: 'attached' });
    await page
      .getByLabel(m.projects.fields.description)
      .fill('Renovation of the ACME headquarters: survey, design, permits and site supervision.');
    const picker = page.getByRole('group', { name: m.projects.fields.members });
    await picker.getByRole('combobox').first().selectOption({ label: 'Ayşe Çelik' });
    await picker.getByRole('button', { name: m.projects.members.addDraft, exact: true }).click();
    await picker.getByRole('combobox').nth(1).selectOption({ label: 'Deniz Kaya' });
    await picker.getByRole('button', { name: m.projects.members.addDraft, exact: true }).click();
    await shoot('02-new-project', { fullPage: false });
    await page.getByRole('button', { name: m.projects.new.submit }).click();
    await page.waitForURL(/\/projects\/\d+\/list/);
    const projectId = Number(page.url().match(/projects\/(\d+)/)![1]);

    // Milestones and a few hundred tasks through the API, then some moved along the workflow.
    const today = new Date().toISOString().slice(0, 10);
    const milestones: number[] = [];
    for (const [title, offset, deliverables] of [
      ['Survey complete', -5, '- Site survey report\n- Photo documentation'],
      ['Design approved', 20, '- Facade drawings\n- Interior layout options\n- **Cost estimate**'],
      ['Permit granted', 60, ''],
    ] as const) {
      const due = new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const created = await api(page, 'POST', `/projects/${projectId}/milestones`, { title, dueDate: due, deliverables });
      milestones.push(created.body.id);
    }
    const tasks = await createTasks(page, projectId, sampleTasks(320, { captains: [mehmet, ayse, deniz], milestones, today }));
    const steps: [number, 'status' | 'review', Record<string, unknown>][] = [];
    const list = sampleTasks(320, { captains: [mehmet, ayse, deniz], milestones, today });
    tasks.forEach((task, i) => {
      const seed = list[i]!;
      if (!seed.captainId || !seed.deadline) return;
      const kind = i % 10;
      if (kind === 1 || kind === 2 || kind === 5 || kind === 6) steps.push([task.id, 'status', { status: 'in_progress' }]);
      if (kind === 2)
        steps.push([
          task.id,
          'status',
          { status: 'waiting', reason: 'Waiting for the client’s floor plans', waitingOn: { external: 'ACME facilities team' } },
        ]);
      if (kind === 5 && seed.captainId === mehmet) steps.push([task.id, 'status', { status: 'review' }]);
    });
    await runSteps(page, steps);
    // The owner approves some of Mehmet's submitted work.
    const approvals = steps
      .filter(([, , body]) => body.status === 'review')
      .slice(0, 6)
      .map(([id]): [number, 'review', Record<string, unknown>] => [id, 'review', { decision: 'approve' }]);
    await runSteps(owner.page, approvals);

    await page.reload();
    await page.getByRole('table').waitFor();
    await shoot('03-list', { fullPage: false });
    await page.getByLabel(m.list.filters.search).fill('proposal');
    await page.getByRole('table').locator('mark').first().waitFor();
    await shoot('04-list-search', { fullPage: false });
    await page.evaluate(() => window.scrollTo(0, 4000));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, `${lang}-projects-05-list-scrolled-1280.png`) });
    await page.evaluate(() => window.scrollTo(0, 0));

    await page.getByRole('navigation', { name: m.projects.tabs.label }).getByRole('link', { name: m.projects.tabs.board }).click();
    await page.getByRole('heading', { level: 3, name: new RegExp(m.tasks.status.in_progress) }).waitFor();
    await page.locator('.card-task').first().waitFor();
    await shoot('06-board', { fullPage: false });
    await page
      .getByRole('button', { name: new RegExp(`^${m.board.moveTo}`) })
      .first()
      .click();
    await page.screenshot({ path: path.join(OUT, `${lang}-projects-07-board-menu-1280.png`) });
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: m.newTask.open }).first().click();
    await page.getByRole('dialog').waitFor();
    await page.getByLabel(m.newTask.fields.title).fill('Proposal');
    await shoot('08-new-task-hints', { fullPage: false });
    await page.getByLabel(m.newTask.fields.title).fill('ACME Corp – March 2026 revised proposal');
    await page.getByRole('dialog').getByLabel(m.newTask.fields.captain).selectOption({ label: 'Ayşe Çelik' });
    await page.getByRole('dialog').getByLabel(m.newTask.fields.deadlineDate).fill('2026-03-31');
    await page
      .getByRole('dialog')
      .getByRole('textbox', { name: m.newTask.fields.description })
      .fill('Update the **cost estimate** after the survey.\n\n- new prices\n- revised schedule');
    await shoot('09-new-task-complete', { fullPage: false });
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: m.projects.tabs.label }).getByRole('link', { name: m.projects.tabs.milestones }).click();
    await page.getByRole('heading', { level: 3, name: 'Design approved' }).waitFor();
    await shoot('10-milestones');
    await page.getByRole('navigation', { name: m.projects.tabs.label }).getByRole('link', { name: m.projects.tabs.members }).click();
    await page.getByRole('table').waitFor();
    await shoot('11-members');
    await page.getByRole('navigation', { name: m.projects.tabs.label }).getByRole('link', { name: m.projects.tabs.settings }).click();
    await page.getByLabel(m.projects.fields.name).waitFor();
    await shoot('12-settings');

    await page.goto(`${spine.url}/projects`);
    await page.getByRole('link', { name: /Headquarters/ }).waitFor();
    await shoot('13-projects');
    await page.getByRole('link', { name: m.projects.area.clients }).click();
    await page.getByRole('heading', { level: 1, name: m.clients.title }).waitFor();
    await shoot('14-clients');
  } catch (error) {
    await page.screenshot({ path: path.join(OUT, `${lang}-projects-failure.png`), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await owner.close();
    await manager.close();
    await spine.stop();
    if (problems.length) console.log(`[${lang}] problems:\n${problems.join('\n')}`);
    else console.log(`[${lang}] no console errors, no serious axe violations`);
  }
}

fs.mkdirSync(OUT, { recursive: true });
const languages = process.argv[2] ? [process.argv[2] as 'en' | 'tr'] : (['en', 'tr'] as const);
for (const lang of languages) await run(lang);
