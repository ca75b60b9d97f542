/**
 * Walks through the activity types in Settings and the projects' billable default, in English or
 * Turkish, and saves screenshots at desktop and phone sizes into screenshots/ (git-ignored). It
 * also checks on the way what a person would notice: the order after moves, focus after a move,
 * the refusal of a taken name, and that task pickers offer only active types. Needs `npm run build`.
 *   npx tsx e2e/screenshots-activity-types.ts [en|tr]
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { en, tr } from '../web/i18n/catalogs.js';
import { launchBrowser, startSpine } from './harness.js';
import { addPerson, api, setLocale, setUp, signIn } from './projects-helpers.js';

// Not from helpers.ts: that module imports vitest's expect, which only loads inside a test run.
const catalogs = { en, tr } as const;
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function openBrowser(options: { locale: 'en-US' | 'tr-TR' }) {
  const context = await launchBrowser(options);
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, close: () => context.close() };
}

/** Serious and critical axe-core findings on the page, one line each. */
async function seriousAxeFindings(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<Result> } }).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

const OUT = path.resolve('screenshots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

function check(condition: boolean, what: string, problems: string[]) {
  if (!condition) problems.push(`check failed: ${what}`);
}

async function run(lang: 'en' | 'tr') {
  const m = catalogs[lang];
  const a = m.activityTypes;
  const locale = lang === 'en' ? 'en-US' : 'tr-TR';
  const spine = await startSpine();
  let owner: Awaited<ReturnType<typeof openBrowser>>;
  let member: Awaited<ReturnType<typeof openBrowser>>;
  try {
    owner = await openBrowser({ locale });
    member = await openBrowser({ locale });
  } catch (error) {
    await spine.stop();
    throw error;
  }
  const page = owner.page;
  const problems: string[] = [];
  for (const target of [owner.page, member.page]) {
    target.on('console', (message) => {
      if (/status of 4\d\d/.test(message.text())) return;
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    target.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }

  async function shoot(name: string, target: Page, locator?: Locator) {
    for (const size of SIZES) {
      await target.setViewportSize(size);
      await target.waitForTimeout(250);
      const file = path.join(OUT, `${lang}-activity-${name}-${size.width}.png`);
      if (locator) await locator.screenshot({ path: file });
      else await target.screenshot({ path: file, fullPage: false });
    }
    await target.setViewportSize(SIZES[0]!);
    const serious = await seriousAxeFindings(target);
    if (serious.length) problems.push(`axe on ${name}:\n${serious.join('\n')}`);
  }

  const names = async (target: Page) => target.locator('.activity-type__name').allTextContents();

  try {
    await setUp(page, spine.url, { name: 'Şule Yıldırım', email: 'sule@example.com' });
    await setLocale(page, lang);
    await addPerson(page, { name: 'Ayşe Çelik', email: 'ayse@example.com', role: 'member' });
    await page.goto(`${spine.url}/settings`);
    const section = page.locator('section.card', { has: page.getByRole('heading', { name: a.title }) });
    await section.getByRole('list', { name: a.title }).waitFor();
    await shoot('01-list', page, section);

    // Add a type; then try a taken name.
    const addForm = section.locator('form.activity-type-form--add');
    await addForm.getByLabel(a.fields.name).fill('Code review');
    await addForm.getByLabel(a.fields.billable).uncheck();
    await addForm.getByRole('button', { name: a.add.submit }).click();
    await section.getByText(a.add.added.replace('{{name}}', 'Code review')).waitFor();
    check((await names(page)).at(-1) === 'Code review', 'new type at the end', problems);
    await addForm.getByLabel(a.fields.name).fill('meeting');
    await addForm.getByRole('button', { name: a.add.submit }).click();
    await addForm.locator('.field__error').waitFor();
    await shoot('02-name-taken', page, section);
    await addForm.getByLabel(a.fields.name).fill('');

    // Inline edit of Meeting.
    await section.getByRole('button', { name: `${a.edit} Meeting` }).click();
    const editForm = section.getByRole('form', { name: a.editLabel.replace('{{name}}', 'Meeting') });
    await editForm.getByLabel(a.fields.name).fill('Client meeting');
    await shoot('03-editing', page, section);
    await editForm.getByRole('button', { name: m.common.save }).click();
    await section.locator('.activity-type__name', { hasText: 'Client meeting' }).waitFor();
    const focusedAfterEdit = await page.evaluate(() => document.activeElement?.textContent ?? '');
    check(focusedAfterEdit.includes(a.edit), `focus back on Edit after saving (was "${focusedAfterEdit}")`, problems);

    // Deactivate Support; move Admin up twice and Design down once (keyboard focus follows).
    await section.getByRole('button', { name: `${a.deactivate} Support` }).click();
    await section.getByText(a.deactivated.replace('{{name}}', 'Support')).waitFor();
    const adminUp = section.getByRole('button', { name: a.moveUp.replace('{{name}}', 'Admin') });
    await adminUp.click();
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('.activity-type__name')).map((n) => n.textContent)[4] === 'Admin',
    );
    await adminUp.click();
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('.activity-type__name')).map((n) => n.textContent)[3] === 'Admin',
    );
    await section.getByRole('button', { name: a.moveDown.replace('{{name}}', 'Design') }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('.activity-type__name')).map((n) => n.textContent)[1] === 'Design',
    );
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    check(focused.includes(a.moveDown.replace('{{name}}', 'Design')), `focus stays on Design's down arrow (was "${focused}")`, problems);
    const order = await names(page);
    check(
      JSON.stringify(order) === JSON.stringify(['Development', 'Design', 'Writing', 'Admin', 'Client meeting', 'Support', 'Code review']),
      `order after moves: ${order.join(', ')}`,
      problems,
    );
    await page.reload();
    await section.getByRole('list', { name: a.title }).waitFor();
    check(JSON.stringify(await names(page)) === JSON.stringify(order), 'order kept after reload', problems);
    await shoot('04-after-changes', page, section);

    // A member sees the list without controls.
    await signIn(member.page, spine.url, 'ayse@example.com', '/settings');
    await setLocale(member.page, lang);
    await member.page.reload();
    const memberSection = member.page.locator('section.card', { has: member.page.getByRole('heading', { name: a.title }) });
    await memberSection.getByRole('list', { name: a.title }).waitFor();
    check((await memberSection.getByRole('button').count()) === 0, 'no buttons for members', problems);
    await shoot('05-member', member.page, memberSection);

    // Projects: billable by default in the new-project dialog, and in project settings.
    await page.goto(`${spine.url}/projects`);
    await page.getByRole('button', { name: m.projects.new.open }).click();
    const billable = page.getByLabel(m.projects.fields.billable);
    check(await billable.isChecked(), 'new projects billable by default', problems);
    await billable.scrollIntoViewIfNeeded();
    await shoot('06-new-project', page);
    await page.getByLabel(m.projects.fields.name).fill('Internal tooling');
    await billable.uncheck();
    await page.getByRole('button', { name: m.projects.new.submit }).click();
    await page.waitForURL(/\/projects\/\d+\/list/);
    const projectId = Number(page.url().match(/projects\/(\d+)/)![1]);
    const created = await api(page, 'GET', `/projects/${projectId}`);
    check(created.body.billable === false, 'project created not billable', problems);
    await page.goto(`${spine.url}/projects/${projectId}/settings`);
    const settingsBillable = page.getByLabel(m.projects.fields.billable);
    check(!(await settingsBillable.isChecked()), 'settings shows not billable', problems);
    await settingsBillable.check();
    await page.getByRole('button', { name: m.common.save }).click();
    await page.getByText(m.projects.settings.saved).waitFor();
    check((await api(page, 'GET', `/projects/${projectId}`)).body.billable === true, 'billable saved', problems);
    await settingsBillable.scrollIntoViewIfNeeded();
    await shoot('07-project-settings', page);

    // The new-task form offers only active types.
    await page.goto(`${spine.url}/projects/${projectId}/list`);
    await page.getByRole('button', { name: m.newTask.open }).first().click();
    const options = await page.getByLabel(m.newTask.fields.activityType).locator('option').allTextContents();
    check(
      !options.includes('Support') && options.includes('Client meeting') && options.includes('Code review'),
      `task picker: ${options.join(', ')}`,
      problems,
    );
  } finally {
    await owner.close();
    await member.close();
    await spine.stop();
  }
  return problems;
}

fs.mkdirSync(OUT, { recursive: true });
const langs = (process.argv[2] ? [process.argv[2]] : ['en', 'tr']) as ('en' | 'tr')[];
let failed = false;
for (const lang of langs) {
  const problems = await run(lang);
  console.log(`${lang}: ${problems.length === 0 ? 'no problems' : problems.join('\n')}`);
  if (problems.length) failed = true;
}
process.exit(failed ? 1 : 0);
