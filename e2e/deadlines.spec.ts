/**
 * A task's deadline reads the same wherever it appears: the project board, the list, My work and
 * the task page all mark a deadline passed earlier today as overdue, and never a closed task.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateTime } from '../shared/deadline.js';
import { chromiumPath } from './harness.js';
import { catalogs, openBrowser, type RunningSpine, startSpine } from './helpers.js';
import { api, createProject, createTask, heading, type Person, setupOwner } from './task-helpers.js';

const browserMissing = !chromiumPath();
const MINUTE = 60_000;
/** How far the browser's clock runs ahead of the server's: the page reads the tasks as a page left open that long would. */
const AHEAD = 20 * MINUTE;

/** `YYYY-MM-DDTHH:MM` of an instant on a zone's wall clock. */
function wallClock(instant: number, timeZone: string): string {
  const { date, time } = localDateTime(new Date(instant), timeZone);
  return `${date}T${time}`;
}

/** A zone where the next minutes and the last hour fall on the same date, so "earlier today" exists. */
function zoneAwayFromMidnight(now: number): string {
  const zone = ['UTC', 'Asia/Tokyo', 'America/New_York'].find((candidate) => {
    const today = wallClock(now, candidate).slice(0, 10);
    return wallClock(now - 60 * MINUTE, candidate).startsWith(today) && wallClock(now + AHEAD + MINUTE, candidate).startsWith(today);
  });
  if (!zone) throw new Error('no zone away from midnight');
  return zone;
}

describe.skipIf(browserMissing)('deadline states', () => {
  const m = catalogs.en;
  let spine: RunningSpine;
  let owner: Awaited<ReturnType<typeof openBrowser>>;
  let me: Person;

  beforeAll(async () => {
    spine = await startSpine();
    owner = await openBrowser();
    me = await setupOwner(owner.context, spine.url, { name: 'Şule Yıldırım', email: 'sule@example.com' });
  });
  afterAll(async () => {
    await owner?.close();
    await spine?.stop();
  });

  /** The deadline is shown, flagged overdue or not at all, and the card or row carries the overdue edge or not. */
  async function expectMarks(scope: Locator, isOverdue: boolean, edgeClass?: string): Promise<void> {
    await scope.locator('.deadline').waitFor();
    expect(await scope.locator('.deadline__flag').allTextContents()).toEqual(isOverdue ? [m.tasks.deadline.overdue] : []);
    if (edgeClass) expect((await scope.getAttribute('class'))?.split(' ').includes(edgeClass)).toBe(isOverdue);
  }

  it('marks a deadline passed earlier today overdue everywhere, and a closed task nowhere', async () => {
    const now = Date.now();
    const timeZone = zoneAwayFromMidnight(now);
    const call = api(owner.context, spine.url);
    await call.patch('/organization', { timeZone });
    const project = await createProject(owner.context, spine.url, {
      name: 'Kordon Evi Restorasyonu',
      key: 'KOR',
      members: [{ userId: me.id, role: 'manager' }],
      reviewRequired: false,
    });
    const task = (title: string, deadline: string) =>
      createTask(owner.context, spine.url, { projectId: project.id, title, captainId: me.id, deadline });
    const yesterday = new Date(`${wallClock(now, timeZone).slice(0, 10)}T12:00:00Z`);
    yesterday.setUTCDate(yesterday.getUTCDate() - 1);

    // Past for the server and the browser alike.
    const passed = await task('Send the survey to the client', wallClock(now - 30 * MINUTE, timeZone));
    // Past only by the browser's clock: the server answered before it passed, as for a page left open.
    const passing = await task('Call the structural engineer', wallClock(now + 6 * MINUTE, timeZone));
    const done = await task('Order the facade samples', yesterday.toISOString().slice(0, 10));
    await call.post(`/tasks/${done.id}/status`, { status: 'in_progress' });
    await call.post(`/tasks/${done.id}/status`, { status: 'done' });
    const cancelled = await task('Book the scaffolding', wallClock(now - 30 * MINUTE, timeZone));
    await call.post(`/tasks/${cancelled.id}/status`, { status: 'cancelled', reason: 'The client builds it themselves.' });

    const tasks = [
      [passed, true],
      [passing, true],
      [done, false],
      [cancelled, false],
    ] as const;
    const page = owner.page;
    await page.clock.setFixedTime(now + AHEAD);

    // The board, with the cancelled column shown.
    await page.goto(`${spine.url}/projects/${project.id}/board`);
    await page.getByRole('button', { name: m.board.showCancelled }).click();
    for (const [{ id }, isOverdue] of tasks) {
      await expectMarks(page.locator(`li.card-task[data-task-id="${id}"]`), isOverdue, 'card-task--overdue');
    }

    // The list, every status.
    await page.goto(`${spine.url}/projects/${project.id}/list?status=all`);
    for (const [{ reference }, isOverdue] of tasks) {
      const row = page.locator('tr.task-table__row', { has: page.locator('.task-table__ref', { hasText: reference }) });
      await expectMarks(row, isOverdue, 'task-table__row--overdue');
    }

    // My work: the queue holds the open tasks only, both overdue, and its summary counts them so.
    await page.goto(`${spine.url}/my-work`);
    await heading(page, m.app.nav.myWork);
    for (const { id } of [passed, passing]) await expectMarks(page.locator(`.queue-row[data-task-id="${id}"]`), true);
    expect(await page.locator('.queue-row').count()).toBe(2);
    await page.getByText(m.myWork.summary_other.replace('{{count}}', '2').replace('{{overdue}}', '2').replace('{{today}}', '0')).waitFor();

    // Each task's own page.
    for (const [shown, isOverdue] of tasks) {
      await page.goto(`${spine.url}/tasks/${shown.id}`);
      await heading(page, shown.title);
      await expectMarks(page.locator('.task-facts'), isOverdue);
    }
  });
});
