/**
 * Task nodes as people use them, in Chromium against a real server: a manager hands a member a
 * task with a deadline and a document; the member works it through waiting and review; the
 * manager sends it back once and then approves; the history tells the story in order; Markdown
 * stays inert; My work reorders by keyboard and by drag; other people's screens follow live.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './harness.js';
import {
  type Catalog,
  catalogs,
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
const XSS = '<img src=x onerror=alert(1)>';

async function queueOrder(page: Page): Promise<string[]> {
  return page.locator('.queue-row .task-ref').allInnerTexts();
}

interface Scene {
  spine: RunningSpine;
  owner: Awaited<ReturnType<typeof openBrowser>>;
  manager: Awaited<ReturnType<typeof openBrowser>>;
  member: Awaited<ReturnType<typeof openBrowser>>;
  mehmet: Person;
  ayse: Person;
  projectId: number;
  close(): Promise<void>;
}

async function scene(lang: 'en' | 'tr' = 'en'): Promise<Scene> {
  const locale = lang === 'en' ? 'en-US' : 'tr-TR';
  const spine = await startSpine();
  const owner = await openBrowser({ locale });
  const manager = await openBrowser({ locale });
  const member = await openBrowser({ locale });
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
  return {
    spine,
    owner,
    manager,
    member,
    mehmet,
    ayse,
    projectId: project.id,
    close: async () => {
      await Promise.all([owner.close(), manager.close(), member.close()]);
      await spine.stop();
    },
  };
}

async function statusIs(page: Page, m: Catalog, status: keyof Catalog['tasks']['status']): Promise<void> {
  await page.locator('.task-head .status-badge', { hasText: m.tasks.status[status] }).waitFor();
}

describe.skipIf(browserMissing)('task journey', () => {
  let s: Scene;
  beforeAll(async () => {
    s = await scene();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('hands a task over, works it through waiting and review, and keeps its story', async () => {
    const m = catalogs.en;
    const { spine, manager, member } = s;
    const dialogs: string[] = [];
    for (const page of [manager.page, member.page])
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });

    // The manager creates the task for Ayşe, with a deadline and a description holding raw HTML.
    const task = await createTask(manager.context, spine.url, {
      projectId: s.projectId,
      title: 'Prepare the facade survey drawings',
      captainId: s.ayse.id,
      deadline: `${dayFromNow(5)}T17:00`,
      description: `## Scope\n\nNorth and west facades at 1:50.\n\n${XSS}`,
    });

    // …and attaches the old photographs' survey through the page.
    await manager.page.goto(`${spine.url}/tasks/${task.id}`);
    await heading(manager.page, task.title);
    await manager.page.locator('input[type="file"]').setInputFiles({
      name: 'survey-1978.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% survey\n'),
    });
    await manager.page.getByRole('link', { name: 'survey-1978.pdf', exact: true }).waitFor();
    expect(await manager.page.getByRole('link', { name: `${m.taskView.documents.preview} survey-1978.pdf` }).getAttribute('href')).toMatch(
      /\?inline=1$/,
    );

    // Raw HTML in the description is shown as text: no element, no script.
    const description = manager.page.locator('.task-description');
    await expect.poll(() => description.textContent()).toContain(XSS);
    expect(await description.locator('img').count()).toBe(0);

    // The manager watches their own My work in a second tab, and keeps the task page open.
    const managerWork = await manager.context.newPage();
    await managerWork.goto(`${spine.url}/my-work`);
    await heading(managerWork, m.app.nav.myWork);
    await Promise.all([markNoReload(manager.page), markNoReload(managerWork)]);
    await Promise.all([settleLive(manager.page), settleLive(managerWork)]);

    // Ayşe starts the task.
    const page = member.page;
    await page.goto(`${spine.url}/tasks/${task.id}`);
    await heading(page, task.title);
    await page.getByRole('link', { name: 'survey-1978.pdf', exact: true }).waitFor();
    await page.getByRole('button', { name: m.tasks.action.start, exact: true }).click();
    await statusIs(page, m, 'in_progress');
    // The manager's open task page follows without a reload.
    await statusIs(manager.page, m, 'in_progress');

    // She sets it waiting on Mehmet, with a reason.
    await page.getByRole('button', { name: `${m.tasks.action.wait}…` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(m.tasks.transition.waitingReason).fill('Need the structural engineer’s sign-off on the 1978 survey.');
    await dialog.getByLabel(m.tasks.transition.person).selectOption({ label: 'Mehmet Öztürk' });
    await dialog.getByRole('button', { name: m.tasks.action.wait, exact: true }).click();
    await page.getByRole('heading', { name: m.taskView.waiting.onPerson.replace('{{name}}', 'Mehmet Öztürk') }).waitFor();
    await page.getByText('Need the structural engineer’s sign-off').first().waitFor();
    // Mehmet's My work shows it waiting on him, live.
    const waitingOnMe = managerWork.getByRole('region', { name: new RegExp(m.myWork.waitingOnMe.title) });
    await waitingOnMe.getByRole('link', { name: new RegExp(task.title) }).waitFor();

    await page.getByRole('button', { name: m.tasks.action.resume, exact: true }).click();
    await statusIs(page, m, 'in_progress');
    await page.getByRole('button', { name: m.tasks.action.submit, exact: true }).click();
    await statusIs(page, m, 'review');
    await statusIs(manager.page, m, 'review');
    // Leaving waiting clears the manager's cue, live.
    await expect.poll(() => waitingOnMe.count()).toBe(0);

    // Mehmet requests changes with feedback.
    await manager.page.getByRole('button', { name: `${m.tasks.action.request_changes}…` }).click();
    const review = manager.page.getByRole('dialog');
    await review.getByRole('button', { name: m.tasks.action.request_changes, exact: true }).click();
    await review.getByText(m.tasks.transition.feedbackRequired).waitFor();
    await review.getByLabel(m.tasks.transition.feedback).fill('Add the window sill heights to the west facade.');
    await review.getByRole('button', { name: m.tasks.action.request_changes, exact: true }).click();
    await statusIs(manager.page, m, 'in_progress');
    // Ayşe's page shows the feedback without a reload.
    await page.getByRole('heading', { name: m.taskView.feedback.changesRequested }).waitFor();
    await page.locator('.feedback-note').getByText('Add the window sill heights').waitFor();

    // She resubmits; he approves.
    await page.getByRole('button', { name: m.tasks.action.submit, exact: true }).click();
    await statusIs(manager.page, m, 'review');
    await manager.page.getByRole('button', { name: m.tasks.action.approve, exact: true }).click();
    await statusIs(manager.page, m, 'done');
    await statusIs(page, m, 'done');
    // Done is read-only: no edit controls, no comment box, for either of them.
    expect(await page.getByRole('button', { name: m.taskView.details.edit }).count()).toBe(0);
    expect(await page.getByLabel(m.taskView.comments.newLabel).count()).toBe(0);
    // The manager may reopen.
    await manager.page.getByRole('button', { name: `${m.tasks.action.reopen}…` }).waitFor();
    expect(await page.getByRole('button', { name: `${m.tasks.action.reopen}…` }).count()).toBe(0);

    // The history shows each step in order.
    const steps = manager.page.locator(
      '.timeline__item[data-kind="status_changed"] .timeline__action, .timeline__item[data-kind="reviewed"] .timeline__action',
    );
    await expect
      .poll(() => steps.allInnerTexts())
      .toEqual([
        m.tasks.action.start,
        m.tasks.action.wait,
        m.tasks.action.resume,
        m.tasks.action.submit,
        m.tasks.action.request_changes,
        m.tasks.action.submit,
        m.tasks.action.approve,
      ]);
    const kinds = await manager.page.locator('.timeline__item').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
    expect(kinds[0]).toBe('created');
    expect(kinds.indexOf('attachment_added')).toBeLessThan(kinds.indexOf('status_changed'));
    await manager.page.locator('.timeline__item').getByText('Add the window sill heights').waitFor();
    await manager.page
      .locator('.timeline__item')
      .getByText(/Waited /)
      .waitFor();

    // All of this arrived live: neither of Mehmet's tabs reloaded, and no script ever ran.
    expect(await stillSamePage(manager.page)).toBe(true);
    expect(await stillSamePage(managerWork)).toBe(true);
    expect(dialogs).toEqual([]);
  });

  it('shows a conflict when someone saved first, re-applies on request, mentions members and tracks blockers', async () => {
    const m = catalogs.en;
    const { spine, manager, member } = s;
    const blocker = await createTask(manager.context, spine.url, {
      projectId: s.projectId,
      title: 'Get the municipality permit',
      captainId: s.mehmet.id,
      deadline: dayFromNow(2),
    });
    const task = await createTask(manager.context, spine.url, {
      projectId: s.projectId,
      title: 'Draw the roof plan',
      captainId: s.ayse.id,
      deadline: dayFromNow(9),
    });
    const page = member.page;
    await page.goto(`${spine.url}/tasks/${task.id}`);
    await heading(page, task.title);

    // Ayşe starts renaming; meanwhile Mehmet renames it.
    await page.getByRole('button', { name: m.taskView.title.edit }).click();
    const asManager = api(manager.context, spine.url);
    await asManager.patch(`/tasks/${task.id}`, { version: task.version, title: 'Draw the roof plan (timber)' });
    await page.getByLabel(m.taskView.title.label).fill('Roof plan at 1:50');
    await page.getByRole('button', { name: m.taskView.title.save }).click();
    const conflict = page.getByRole('region', { name: m.taskView.conflict.title });
    await conflict.waitFor();
    await conflict.getByRole('cell', { name: 'Draw the roof plan (timber)' }).waitFor();
    await conflict.getByRole('cell', { name: 'Roof plan at 1:50' }).waitFor();
    await conflict.getByRole('button', { name: m.taskView.conflict.reapply }).click();
    await heading(page, 'Roof plan at 1:50');
    await expect.poll(() => conflict.count()).toBe(0);

    // A comment mentioning Mehmet, chosen from the suggestions with the keyboard.
    const box = page.getByLabel(m.taskView.comments.newLabel, { exact: true });
    await box.click();
    await box.pressSequentially('Checked with @Meh');
    await page.getByRole('option', { name: 'Mehmet Öztürk' }).waitFor();
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('Checked with @Mehmet Öztürk ');
    await box.pressSequentially('about the **beams**.');
    await page.getByRole('button', { name: m.taskView.comments.submit, exact: true }).click();
    const comment = page.locator('.comment').filter({ hasText: 'Checked with @Mehmet Öztürk' });
    await comment.locator('strong', { hasText: 'beams' }).waitFor();
    const stored = await api(member.context, spine.url).get<{ items: { mentionedUserIds: number[] }[] }>(`/tasks/${task.id}/comments`);
    expect(stored.items[0]?.mentionedUserIds).toEqual([s.mehmet.id]);

    // A blocker found by its reference; it can be removed again.
    const picker = page.getByRole('combobox', { name: m.taskView.relations.addBlocker });
    await picker.fill(blocker.reference);
    await page.getByRole('option', { name: new RegExp(blocker.title) }).waitFor();
    await picker.press('ArrowDown');
    await picker.press('Enter');
    const blockedBy = page.locator('.blocker-row', { hasText: blocker.reference });
    await blockedBy.waitFor();
    await blockedBy.getByRole('button', { name: `${m.taskView.relations.remove} ${blocker.reference}` }).click();
    await expect.poll(() => blockedBy.count()).toBe(0);
    await page.locator('.timeline__item[data-kind="dependency_removed"]').waitFor();
  });
});

describe.skipIf(browserMissing)('My work order', () => {
  let s: Scene;
  beforeAll(async () => {
    s = await scene();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('reorders the queue by keyboard and by drag, keeps it on the server, and shows it to the manager live', async () => {
    const m = catalogs.en;
    const { spine, manager, member } = s;
    const tasks = [];
    for (const title of ['First survey', 'Second survey', 'Third survey']) {
      tasks.push(
        await createTask(manager.context, spine.url, { projectId: s.projectId, title, captainId: s.ayse.id, deadline: dayFromNow(7) }),
      );
    }
    const page = member.page;
    await page.goto(`${spine.url}/my-work`);
    await heading(page, m.app.nav.myWork);
    await page.locator('.queue-row').nth(2).waitFor();
    expect(await queueOrder(page)).toEqual(['KOR-1', 'KOR-2', 'KOR-3']);
    await markNoReload(page);
    await settleLive(page);

    // Keyboard: Alt+↑ on the third task's link moves it up; focus stays on it.
    const third = page.getByRole('link', { name: /KOR-3/ });
    await third.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => queueOrder(page)).toEqual(['KOR-1', 'KOR-3', 'KOR-2']);
    await expect.poll(() => third.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => queueOrder(page)).toEqual(['KOR-3', 'KOR-1', 'KOR-2']);
    await page
      .getByText(m.myWork.queue.moved.replace('{{reference}}', 'KOR-3').replace('{{position}}', '1').replace('{{count}}', '3'))
      .waitFor();

    // The explicit buttons do the same.
    await page.getByRole('button', { name: m.myWork.queue.down.replace('{{reference}}', 'KOR-1') }).click();
    await expect.poll(() => queueOrder(page)).toEqual(['KOR-3', 'KOR-2', 'KOR-1']);

    // Drag: the first task's handle onto the last row.
    const handle = page.getByRole('button', { name: m.myWork.queue.drag.replace('{{reference}}', 'KOR-3') });
    const from = (await handle.boundingBox())!;
    const to = (await page.locator('.queue-row').nth(2).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 12; step++) {
      await page.mouse.move(from.x + from.width / 2, from.y + ((to.y + to.height * 0.75 - from.y) * step) / 12);
      await page.waitForTimeout(20);
    }
    await page.mouse.up();
    await expect.poll(() => queueOrder(page)).toEqual(['KOR-2', 'KOR-1', 'KOR-3']);

    // The server kept the order: a fresh load shows it.
    const server = await api(member.context, spine.url).get<{ items: { reference: string }[] }>(
      `/tasks?captainId=${s.ayse.id}&sort=queue&status=planned,in_progress,waiting,review`,
    );
    expect(server.items.map((item) => item.reference)).toEqual(['KOR-2', 'KOR-1', 'KOR-3']);

    // A manager reordering Ayşe's queue shows up on her open page without a reload.
    await api(manager.context, spine.url).post(`/tasks/${tasks[2]!.id}/move`, { list: 'queue', beforeId: tasks[1]!.id });
    await expect.poll(() => queueOrder(page)).toEqual(['KOR-3', 'KOR-2', 'KOR-1']);
    expect(await stillSamePage(page)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });
});

describe.skipIf(browserMissing).each(['en', 'tr'] as const)('task screens accessibility (%s)', (lang) => {
  const m = catalogs[lang];
  let s: Scene;
  beforeAll(async () => {
    s = await scene(lang);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('has no serious or critical axe violations on the task page, its dialogs and My work', async () => {
    const { spine, manager, member } = s;
    const task = await createTask(manager.context, spine.url, {
      projectId: s.projectId,
      title: 'Cephe rölöve çizimlerini hazırla',
      captainId: s.ayse.id,
      deadline: dayFromNow(0),
      description: '## Kapsam\n\n- Kuzey cephesi\n- Batı cephesi',
    });
    await createTask(manager.context, spine.url, {
      projectId: s.projectId,
      title: 'Belediye ruhsat dosyası',
      captainId: s.ayse.id,
      deadline: dayFromNow(-1),
    });
    const page = member.page;
    await page.goto(`${spine.url}/tasks/${task.id}`);
    await heading(page, task.title);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await page.locator('.timeline__item').first().waitFor();
    await expectAccessible(page, `task page (${lang})`);

    await page.getByRole('button', { name: m.tasks.action.start, exact: true }).click();
    await page.getByRole('button', { name: `${m.tasks.action.wait}…` }).click();
    await page.getByRole('dialog').getByRole('button', { name: m.tasks.action.wait, exact: true }).click();
    await page.getByText(m.tasks.transition.waitingReasonRequired).waitFor();
    await expectAccessible(page, `waiting dialog with errors (${lang})`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: m.taskView.details.edit }).click();
    await page.getByRole('button', { name: m.taskView.description.edit }).click();
    await expectAccessible(page, `task page while editing (${lang})`);

    await page.goto(`${spine.url}/my-work`);
    await heading(page, m.app.nav.myWork);
    await page.locator('.queue-row').nth(1).waitFor();
    await expectAccessible(page, `My work (${lang})`);

    // At phone width nothing sticks out sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.goto(`${spine.url}/tasks/${task.id}`);
    await heading(page, task.title);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
