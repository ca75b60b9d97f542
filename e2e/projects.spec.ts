/**
 * The projects area in a real browser against a real server: a manager sets up a client and a
 * project, writes a task with the new-task form, works the board by mouse, keyboard and menu,
 * filters and searches a list of a few hundred tasks; a member cannot start projects; axe-core on
 * the projects page, the list, the board and the new-task form in English and Turkish.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './harness.js';
import { type Catalog, catalogs, centerOf, drag, expectAccessible, openBrowser, type RunningSpine, startSpine } from './helpers.js';
import { addPerson, api, createTasks, sampleTasks, setLocale, setUp, signIn } from './projects-helpers.js';

type Lang = keyof typeof catalogs;
const LOCALE = { en: 'en-US', tr: 'tr-TR' } as const;

function column(page: Page, m: Catalog, status: keyof Catalog['tasks']['status']) {
  return page
    .locator(`section.board-column[data-status="${status}"]`)
    .filter({ has: page.getByRole('heading', { name: new RegExp(m.tasks.status[status]) }) });
}

function card(page: Page, reference: string) {
  return page.locator('li.card-task').filter({ has: page.getByText(reference, { exact: true }) });
}

async function taskByReference(page: Page, projectId: number, reference: string) {
  const { body } = await api(
    page,
    'GET',
    `/tasks?projectId=${projectId}&status=planned,in_progress,waiting,review,done,cancelled&limit=500`,
  );
  return (body.items as { id: number; reference: string; status: string; reason: string | null; waitingOn: unknown }[]).find(
    (task) => task.reference === reference,
  );
}

const browserMissing = !chromiumPath();

describe.skipIf(browserMissing)('projects journey', () => {
  let spine: RunningSpine;
  beforeAll(async () => {
    spine = await startSpine();
  });
  afterAll(async () => {
    await spine?.stop();
  });

  it('creates a client, a project and a task, and works the board by mouse, menu and keyboard', async () => {
    const m = catalogs.en;
    const owner = await openBrowser({ locale: 'en-US' });
    const manager = await openBrowser({ locale: 'en-US' });
    const member = await openBrowser({ locale: 'en-US' });
    try {
      await setUp(owner.page, spine.url, { name: 'Şule Yıldırım', email: 'sule@example.com' });
      await addPerson(owner.page, { name: 'Mehmet Öztürk', email: 'mehmet@example.com', role: 'manager' });
      const ayse = await addPerson(owner.page, { name: 'Ayşe Çelik', email: 'ayse@example.com', role: 'member' });
      await addPerson(owner.page, { name: 'ACME Portal', email: 'portal@acme.example', role: 'client' });

      // A member sees no "New project" button, and the server refuses them anyway.
      await signIn(member.page, spine.url, 'ayse@example.com', '/projects');
      await member.page.getByRole('heading', { level: 1, name: m.projects.title }).waitFor();
      await member.page.getByText(m.projects.list.emptyMember).waitFor();
      expect(await member.page.getByRole('button', { name: m.projects.new.open }).count()).toBe(0);
      const refused = await api(member.page, 'POST', '/projects', { name: 'Sneaky', key: 'SNK' });
      expect(refused.status).toBe(403);

      const page = manager.page;
      await signIn(page, spine.url, 'mehmet@example.com', '/projects');
      await page.getByRole('heading', { level: 1, name: m.projects.title }).waitFor();

      // New project: the key follows the name; the client is created in place; a member is added.
      await page.getByRole('button', { name: m.projects.new.open }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(m.projects.fields.name).fill('ACME Corp – Headquarters renovation 2026');
      expect(await dialog.getByLabel(m.projects.fields.key).inputValue()).toBe('ACME');
      await dialog.getByLabel(m.projects.fields.client).selectOption({ label: m.projects.clientPicker.newOption });
      await dialog.getByLabel(m.projects.clientPicker.newName).fill('ACME Corp');
      await dialog.getByRole('button', { name: m.projects.clientPicker.add }).click();
      await expect.poll(() => dialog.getByLabel(m.projects.fields.client).locator('option:checked').textContent()).toBe('ACME Corp');
      const members = dialog.getByRole('group', { name: m.projects.fields.members });
      // Client accounts are not offered as members.
      expect(await members.getByRole('option', { name: 'ACME Portal' }).count()).toBe(0);
      await members.getByRole('combobox').first().selectOption({ label: 'Ayşe Çelik' });
      await members.getByRole('button', { name: m.projects.members.addDraft, exact: true }).click();
      await dialog.getByRole('button', { name: m.projects.new.submit }).click();
      await page.waitForURL(/\/projects\/\d+\/list$/);
      const projectId = Number(page.url().match(/projects\/(\d+)/)![1]);
      await page.getByRole('heading', { level: 1, name: 'ACME Corp – Headquarters renovation 2026' }).waitFor();
      const project = (await api(page, 'GET', `/projects/${projectId}`)).body;
      expect(project.key).toBe('ACME');
      expect(project.members.map((entry: { name: string; role: string }) => `${entry.name}:${entry.role}`).sort()).toEqual([
        'Ayşe Çelik:member',
        'Mehmet Öztürk:manager',
      ]);
      const clients = (await api(page, 'GET', '/clients')).body.items;
      expect(clients.map((client: { name: string }) => client.name)).toEqual(['ACME Corp']);
      expect(project.clientId).toBe(clients[0].id);

      // The new-task form teaches the node discipline: every missing piece is explained.
      await page.getByRole('button', { name: m.newTask.open }).first().click();
      const form = page.getByRole('dialog');
      await form.getByRole('heading', { name: m.newTask.checklist.heading }).waitFor();
      await form.getByLabel(m.newTask.fields.title).fill('Proposal');
      await form.getByText(m.newTask.fields.titleVague).waitFor();
      for (const piece of ['description', 'captain', 'deadline'] as const) {
        await form.getByText(m.newTask.checklist.items[piece].why).waitFor();
      }
      await form.getByText(m.newTask.checklist.plannedOnly).waitFor();
      await form.getByLabel(m.newTask.fields.title).fill('ACME Corp – March 2026 revised proposal');
      await form.getByRole('textbox', { name: m.newTask.fields.description }).fill('Update the **cost estimate** after the site survey.');
      await form.getByLabel(m.newTask.fields.captain).selectOption({ label: 'Ayşe Çelik' });
      await form.getByLabel(m.newTask.fields.deadlineDate).fill('2030-03-31');
      await form.getByText(m.newTask.checklist.ready).waitFor();
      expect(await form.getByText(m.newTask.checklist.items.captain.why).count()).toBe(0);
      // "Create and add another" keeps the form open for the next one.
      await form.getByRole('button', { name: m.newTask.submitAnother }).click();
      await form
        .getByText(/ACME-1/)
        .first()
        .waitFor();
      await form.getByLabel(m.newTask.fields.title).fill('ACME Corp – site survey report for the permit');
      await form.getByLabel(m.newTask.fields.captain).selectOption({ label: 'Mehmet Öztürk (you)' });
      await form.getByLabel(m.newTask.fields.deadlineDate).fill('2030-04-15');
      await form.getByRole('button', { name: m.newTask.submit, exact: true }).click();
      await page.waitForURL(/\/tasks\/\d+$/);
      const created = (await api(page, 'GET', `/tasks?projectId=${projectId}`)).body.items as {
        reference: string;
        title: string;
        captainId: number;
      }[];
      expect(created.map((task) => task.reference).sort()).toEqual(['ACME-1', 'ACME-2']);
      expect(created.find((task) => task.reference === 'ACME-1')?.captainId).toBe(ayse);
      // A third, planned and without captain: it may be saved, as planned.
      await createTasks(page, projectId, [{ title: 'ACME Corp – handover documents for the facilities team' }]);

      // The board shows the tasks in Planned.
      await page.goto(`${spine.url}/projects/${projectId}/board`);
      const planned = column(page, m, 'planned');
      await card(page, 'ACME-1').waitFor();
      expect(await planned.locator('li.card-task').count()).toBe(3);

      // Dragging ACME-1 to In progress starts it.
      await drag(
        page,
        await centerOf(card(page, 'ACME-1').locator('.card-task__ref')),
        await centerOf(column(page, m, 'in_progress').locator('ul')),
      );
      await column(page, m, 'in_progress').locator('li.card-task').filter({ hasText: 'ACME-1' }).waitFor();
      await page.getByText('ACME-1 moved to In progress.').waitFor();
      await expect.poll(async () => (await taskByReference(page, projectId, 'ACME-1'))?.status).toBe('in_progress');

      // A drop the rules forbid snaps back with a readable reason.
      await drag(
        page,
        await centerOf(card(page, 'ACME-2').locator('.card-task__ref')),
        await centerOf(column(page, m, 'done').locator('ul')),
      );
      await page.getByRole('alert').filter({ hasText: 'ACME-2 cannot go from Planned to Done' }).waitFor();
      expect(await planned.locator('li.card-task').filter({ hasText: 'ACME-2' }).count()).toBe(1);
      expect((await taskByReference(page, projectId, 'ACME-2'))?.status).toBe('planned');

      // A task without captain and deadline cannot start: explained, not sent.
      await drag(
        page,
        await centerOf(card(page, 'ACME-3').locator('.card-task__ref')),
        await centerOf(column(page, m, 'in_progress').locator('ul')),
      );
      await page.getByRole('alert').filter({ hasText: 'ACME-3 needs a captain and a deadline' }).waitFor();

      // Dragging to Waiting asks why and on whom; the answer is recorded.
      await drag(
        page,
        await centerOf(card(page, 'ACME-1').locator('.card-task__ref')),
        await centerOf(column(page, m, 'waiting').locator('ul')),
      );
      const waiting = page.getByRole('dialog');
      await waiting.getByRole('heading', { name: m.tasks.transition.title.wait }).waitFor();
      await waiting.getByRole('button', { name: m.tasks.action.wait }).click();
      await waiting.getByText(m.tasks.transition.waitingReasonRequired).waitFor();
      await waiting.getByLabel(m.tasks.transition.waitingReason).fill('The client’s floor plans');
      await waiting.getByLabel(m.tasks.transition.waitingOnExternal).check();
      await waiting.getByLabel(m.tasks.transition.external).fill('ACME facilities team');
      await waiting.getByRole('button', { name: m.tasks.action.wait }).click();
      await waiting.waitFor({ state: 'hidden' });
      await column(page, m, 'waiting').locator('li.card-task').filter({ hasText: 'ACME-1' }).waitFor();
      await expect.poll(async () => (await taskByReference(page, projectId, 'ACME-1'))?.status).toBe('waiting');
      const waited = await taskByReference(page, projectId, 'ACME-1');
      expect(waited?.reason).toBe('The client’s floor plans');
      expect(waited?.waitingOn).toEqual({ external: 'ACME facilities team' });

      // Closing that dialog without answering puts the card back.
      await drag(
        page,
        await centerOf(card(page, 'ACME-2').locator('.card-task__ref')),
        await centerOf(column(page, m, 'in_progress').locator('ul')),
      );
      await expect.poll(async () => (await taskByReference(page, projectId, 'ACME-2'))?.status).toBe('in_progress');
      await drag(
        page,
        await centerOf(card(page, 'ACME-2').locator('.card-task__ref')),
        await centerOf(column(page, m, 'waiting').locator('ul')),
      );
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await column(page, m, 'in_progress').locator('li.card-task').filter({ hasText: 'ACME-2' }).waitFor();
      expect((await taskByReference(page, projectId, 'ACME-2'))?.status).toBe('in_progress');

      // Reordering within a column by drag persists after a reload.
      await createTasks(page, projectId, [
        { title: 'ACME Corp – lighting plan for the lobby' },
        { title: 'ACME Corp – interior layout options for floor 2' },
      ]);
      await page.reload();
      await card(page, 'ACME-5').waitFor();
      const order = () => planned.locator('li.card-task .card-task__ref').allInnerTexts();
      expect(await order()).toEqual(['ACME-3', 'ACME-4', 'ACME-5']);
      await drag(
        page,
        await centerOf(card(page, 'ACME-5').locator('.card-task__ref')),
        await centerOf(card(page, 'ACME-3').locator('.card-task__top')),
      );
      await expect.poll(order).toEqual(['ACME-5', 'ACME-3', 'ACME-4']);
      await page.getByText(/ACME-5 is now number 1/).waitFor();
      await page.reload();
      await card(page, 'ACME-5').waitFor();
      expect(await order()).toEqual(['ACME-5', 'ACME-3', 'ACME-4']);
      const backlog = (await api(page, 'GET', `/tasks?projectId=${projectId}&status=planned&sort=project`)).body.items as {
        reference: string;
      }[];
      expect(backlog.map((task) => task.reference)).toEqual(['ACME-5', 'ACME-3', 'ACME-4']);

      // Without dragging: the "Move to…" menu, entirely from the keyboard.
      const menuButton = card(page, 'ACME-2').getByRole('button', { name: `${m.board.moveTo} ACME-2` });
      await menuButton.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu', { name: 'Move ACME-2' });
      await menu.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
      // Mehmet captains ACME-2: he may submit it for review or set it waiting; as manager also cancel it.
      const items = await menu.getByRole('menuitem').allTextContents();
      expect(items.some((text) => text.startsWith(m.tasks.action.submit))).toBe(true);
      expect(items.some((text) => text.startsWith(m.tasks.action.wait))).toBe(true);
      expect(items.some((text) => text.startsWith(m.tasks.action.start))).toBe(false);
      await page.keyboard.press('Escape');
      await expect.poll(() => menuButton.evaluate((element) => element === document.activeElement)).toBe(true);

      // A keyboard drag to the next column asks what the move needs, like a mouse drop.
      const handle2 = card(page, 'ACME-2').getByRole('button', { name: /^Drag ACME-2/ });
      await handle2.focus();
      await page.keyboard.press('Space');
      await page.waitForTimeout(150);
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(150);
      await page.keyboard.press('Space');
      await page.getByRole('dialog').getByRole('heading', { name: m.tasks.transition.title.wait }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByText(`ACME-2 stays ${m.tasks.status.in_progress}`, { exact: false }).waitFor();
      expect((await taskByReference(page, projectId, 'ACME-2'))?.status).toBe('in_progress');

      // The keyboard drag: pick up ACME-4 with Space, move it up twice, drop.
      const handle = card(page, 'ACME-4').getByRole('button', { name: /^Drag ACME-4/ });
      await handle.focus();
      await page.keyboard.press('Space');
      await page.waitForTimeout(150);
      await page.keyboard.press('ArrowUp');
      await page.waitForTimeout(150);
      await page.keyboard.press('ArrowUp');
      await page.waitForTimeout(150);
      await page.keyboard.press('Space');
      await expect.poll(order).toEqual(['ACME-4', 'ACME-5', 'ACME-3']);
      await expect
        .poll(async () =>
          ((await api(page, 'GET', `/tasks?projectId=${projectId}&status=planned&sort=project`)).body.items as { reference: string }[]).map(
            (task) => task.reference,
          ),
        )
        .toEqual(['ACME-4', 'ACME-5', 'ACME-3']);
    } catch (error) {
      await manager.page.screenshot({ path: 'screenshots/projects-journey-failure.png', fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await Promise.all([owner.close(), manager.close(), member.close()]);
    }
  });

  it('lists a few hundred tasks, virtualized, with filters, search and saved filters', async () => {
    const m = catalogs.en;
    const manager = await openBrowser({ locale: 'en-US' });
    try {
      const page = manager.page;
      await signIn(page, spine.url, 'mehmet@example.com', '/projects');
      const me = (await api(page, 'GET', '/me')).body;
      const directory = (await api(page, 'GET', '/directory')).body.items as { id: number; name: string }[];
      const ayse = directory.find((person) => person.name === 'Ayşe Çelik')!.id;
      const created = await api(page, 'POST', '/projects', {
        name: 'Kuzey Yapı – Office move',
        key: 'KUZ',
        members: [{ userId: ayse, role: 'member' }],
      });
      const projectId = created.body.id as number;
      const today = new Date().toISOString().slice(0, 10);
      const seeds = sampleTasks(300, { captains: [me.user.id, ayse], today });
      await createTasks(page, projectId, seeds);

      await page.goto(`${spine.url}/projects/${projectId}/list?status=all`);
      await page.getByText('300 tasks').waitFor();
      // Virtualized: only the rows near the screen exist in the page.
      const rows = page.locator('tbody tr.task-table__row');
      await rows.first().waitFor();
      expect(await rows.count()).toBeLessThan(80);
      await page.getByRole('link', { name: seeds[0]!.title }).waitFor();
      // Scrolling to the end shows the last task.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.getByRole('link', { name: seeds[299]!.title }).waitFor();
      expect(await rows.count()).toBeLessThan(80);
      await page.evaluate(() => window.scrollTo(0, 0));

      // Filter by captain: only Ayşe's tasks.
      await page.getByLabel(m.list.filters.captain).selectOption({ label: 'Ayşe Çelik' });
      const ayses = seeds.filter((seed) => seed.captainId === ayse).length;
      await page.getByText(`${ayses} tasks`).waitFor();
      expect(new URL(page.url()).searchParams.get('captainId')).toBe(String(ayse));
      const captains = await page.locator('tbody tr.task-table__row td.task-table__captain').allInnerTexts();
      expect(new Set(captains)).toEqual(new Set(['Ayşe Çelik']));

      // Search: matches are marked, and only matching rows remain.
      await page.getByLabel(m.list.filters.captain).selectOption({ label: m.list.filters.anyone });
      await page.getByLabel(m.list.filters.search).fill('facade');
      const facade = seeds.filter((seed) => seed.title.includes('facade')).length;
      await page.getByText(`${facade} tasks`).waitFor();
      expect(await page.locator('tbody mark').first().textContent()).toMatch(/facade/i);
      const titles = await page.locator('tbody tr.task-table__row .task-row__link').allInnerTexts();
      expect(titles.every((title) => title.includes('facade'))).toBe(true);

      // Save the filter, clear, and apply it again.
      await page.getByRole('button', { name: m.list.saved.saveCurrent }).click();
      await page.getByLabel(m.list.saved.name).fill('Facades');
      await page.getByRole('button', { name: m.list.saved.save }).click();
      await page.getByText('Saved as “Facades”.').waitFor();
      await page.getByRole('button', { name: m.list.filters.clear }).first().click();
      await expect.poll(() => page.getByLabel(m.list.filters.search).inputValue()).toBe('');
      await page.getByLabel(m.list.saved.label).selectOption({ label: 'Facades' });
      await page.getByText(`${facade} tasks`).waitFor();
      expect(await page.getByLabel(m.list.filters.search).inputValue()).toBe('facade');

      // Overdue only: every row is marked overdue.
      await page.getByRole('button', { name: m.list.filters.clear }).first().click();
      await page.getByLabel(m.list.filters.overdueOnly).click();
      await expect.poll(() => page.getByLabel(m.list.filters.overdueOnly).isChecked()).toBe(true);
      await page.locator('tbody tr.task-table__row').first().waitFor();
      const marks = await page.locator('tbody tr.task-table__row td.task-table__deadline').allInnerTexts();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((text) => text.toUpperCase().includes(m.tasks.deadline.overdue.toUpperCase()))).toBe(true);
    } catch (error) {
      await manager.page.screenshot({ path: 'screenshots/projects-list-failure.png', fullPage: false }).catch(() => undefined);
      throw error;
    } finally {
      await manager.close();
    }
  });
});

describe.skipIf(browserMissing).each(['en', 'tr'] as const)('projects accessibility (%s)', (lang: Lang) => {
  const m = catalogs[lang];
  let spine: RunningSpine;
  beforeAll(async () => {
    spine = await startSpine();
  });
  afterAll(async () => {
    await spine?.stop();
  });

  it('has no serious or critical axe violations on the projects page, list, board and new-task form', async () => {
    const browser = await openBrowser({ locale: LOCALE[lang] });
    try {
      const page = browser.page;
      await setUp(page, spine.url, { name: 'Şule Yıldırım', email: 'sule@example.com' });
      await setLocale(page, lang);
      const ayse = await addPerson(page, { name: 'Ayşe Çelik', email: 'ayse@example.com', role: 'member' });
      const client = await api(page, 'POST', '/clients', { name: 'ACME Corp' });
      const created = await api(page, 'POST', '/projects', {
        name: 'ACME Corp – Headquarters renovation 2026',
        key: 'ACME',
        clientId: client.body.id,
        members: [{ userId: ayse, role: 'member' }],
      });
      const projectId = created.body.id as number;
      const me = (await api(page, 'GET', '/me')).body;
      const today = new Date().toISOString().slice(0, 10);
      const tasks = await createTasks(page, projectId, sampleTasks(30, { captains: [ayse], today }));
      await api(page, 'POST', `/tasks/${tasks[1]!.id}/status`, { status: 'in_progress' });
      expect(me.user.locale).toBe(lang);

      await page.goto(`${spine.url}/projects`);
      await page.getByRole('heading', { level: 1, name: m.projects.title }).waitFor();
      await page.getByRole('link', { name: /Headquarters/ }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await expectAccessible(page, `projects (${lang})`);

      await page.getByRole('button', { name: m.projects.new.open }).click();
      await page.getByRole('dialog').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: m.projects.new.submit }).click();
      await page.getByRole('dialog').getByText(m.validation.required).first().waitFor();
      await expectAccessible(page, `new project with errors (${lang})`);
      await page.keyboard.press('Escape');

      await page.goto(`${spine.url}/projects/${projectId}/list?q=ACME`);
      await page.locator('tbody tr.task-table__row').first().waitFor();
      await expectAccessible(page, `project list (${lang})`);

      await page.goto(`${spine.url}/projects/${projectId}/board`);
      await page.locator('li.card-task').first().waitFor();
      await expectAccessible(page, `board (${lang})`);
      await page
        .locator('li.card-task')
        .first()
        .getByRole('button', { name: new RegExp(m.board.moveTo) })
        .click();
      await page.getByRole('menu').waitFor();
      await expectAccessible(page, `board move menu (${lang})`);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: m.newTask.open }).first().click();
      await page.getByRole('dialog').getByLabel(m.newTask.fields.title).fill('Teklif');
      await page.getByRole('dialog').getByText(m.newTask.checklist.plannedOnly).waitFor();
      await expectAccessible(page, `new-task form with hints (${lang})`);
      await page.getByRole('dialog').getByLabel(m.newTask.fields.title).fill('');
      await page.getByRole('dialog').getByRole('button', { name: m.newTask.submit, exact: true }).click();
      await page.getByRole('dialog').getByText(m.newTask.fields.titleTooShort).waitFor();
      await expectAccessible(page, `new-task form with errors (${lang})`);
      await page.keyboard.press('Escape');

      for (const tab of ['milestones', 'members', 'settings'] as const) {
        await page.getByRole('navigation', { name: m.projects.tabs.label }).getByRole('link', { name: m.projects.tabs[tab] }).click();
        await page.waitForURL(new RegExp(`/${tab}$`));
        await page.getByRole('link', { name: m.projects.tabs[tab], exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
        await page.waitForTimeout(200);
        await expectAccessible(page, `${tab} (${lang})`);
      }
      await page.goto(`${spine.url}/projects/clients`);
      await page.getByRole('heading', { level: 1, name: m.clients.title }).waitFor();
      await page
        .getByRole('cell', { name: /ACME Corp/ })
        .or(page.getByRole('rowheader', { name: /ACME Corp/ }))
        .first()
        .waitFor();
      await expectAccessible(page, `clients (${lang})`);
    } finally {
      await browser.close();
    }
  });
});
