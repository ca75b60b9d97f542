/**
 * Time tracking as people meet it, in Chromium against a real server: Ayşe starts a timer on her
 * task, reloads and finds it still running, stops it; she fills the rest of her week in the
 * timesheet by keyboard and submits it. Mehmet, her manager, returns the week with a comment; she
 * fixes it and submits again; he approves and the week locks. Her report shows her time split by
 * activity type as a chart, and the CSV export holds exactly her entries. Axe checks the screens in
 * English and Turkish.
 */
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityType } from '../shared/projects.js';
import type { Task } from '../shared/tasks.js';
import { EXPORT_COLUMNS, formatDuration, type TimeEntry, type Timesheet } from '../shared/time.js';
import { chromiumPath } from './harness.js';
import { type Catalog, catalogs, expectAccessible, openBrowser, type RunningSpine, startSpine } from './helpers.js';
import { api, createPerson, createProject, heading, type Person, setupOwner, signIn } from './task-helpers.js';

const browserMissing = !chromiumPath();

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += character;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The approvals list's link to a person's week (its name ends with the week's dates). */
function weekLink(page: Page, m: Catalog, name: string): Locator {
  const prefix = fill(m.timesheet.approvals.openLabel, { name, week: '' }).trim();
  return page.getByRole('link', { name: new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

interface Scene {
  spine: RunningSpine;
  manager: Awaited<ReturnType<typeof openBrowser>>;
  member: Awaited<ReturnType<typeof openBrowser>>;
  owner: Awaited<ReturnType<typeof openBrowser>>;
  ayse: Person;
  mehmet: Person;
  drawings: Task;
  survey: Task;
  close(): Promise<void>;
}

async function scene(): Promise<Scene> {
  const spine = await startSpine();
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
  const managerApi = api(manager.context, spine.url);
  const drawings = await managerApi.post<Task>('/tasks', {
    projectId: project.id,
    title: 'Draw the facade survey',
    captainId: ayse.id,
    activityType: 'design',
    estimateMinutes: 600,
  });
  const survey = await managerApi.post<Task>('/tasks', {
    projectId: project.id,
    title: 'Write the survey report',
    captainId: ayse.id,
    activityType: 'writing',
    estimateMinutes: 480,
  });
  return {
    spine,
    owner,
    manager,
    member,
    ayse,
    mehmet,
    drawings,
    survey,
    close: async () => {
      await Promise.all([owner.close(), manager.close(), member.close()]);
      await spine.stop();
    },
  };
}

describe.skipIf(browserMissing)('time tracking', () => {
  let s: Scene;
  beforeAll(async () => {
    s = await scene();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('runs a timer that survives a reload, then takes a week from the grid through return, resubmission and approval to a report and an export', async () => {
    const m: Catalog = catalogs.en;
    const { spine, member, manager } = s;
    const page = member.page;
    const memberApi = api(member.context, spine.url);
    const types = (await memberApi.get<{ items: ActivityType[] }>('/activity-types')).items;
    const typeName = (key: string) => types.find((type) => type.key === key)?.name ?? key;

    // The timer: started on the task page, shown in the header, still running after a reload.
    await page.goto(`${spine.url}/tasks/${s.drawings.id}`);
    await heading(page, s.drawings.title);
    await page.getByRole('main').getByRole('button', { name: m.timer.start, exact: true }).click();
    const header = page.getByRole('banner');
    const stopInHeader = header.getByRole('button', { name: fill(m.timer.stopOn, { reference: s.drawings.reference }) });
    await stopInHeader.waitFor();
    await expect.poll(() => header.getByText(s.drawings.reference).count()).toBeGreaterThan(0);
    await page.waitForTimeout(1_200);
    await page.reload();
    await heading(page, s.drawings.title);
    await stopInHeader.waitFor();
    const clock = header.locator('time.header-timer__clock');
    const firstReading = await clock.textContent();
    await expect.poll(async () => (await clock.textContent()) !== firstReading, { timeout: 3_000 }).toBe(true);
    expect((await memberApi.get<{ timer: { taskId: number } | null }>('/timer')).timer?.taskId).toBe(s.drawings.id);

    // Stopped: the running timer leaves the header and its time is an entry on the task.
    await stopInHeader.click();
    await header.getByRole('button', { name: m.timer.start }).waitFor();
    const afterTimer = (await memberApi.get<{ items: TimeEntry[] }>(`/time-entries?taskId=${s.drawings.id}`)).items;
    expect(afterTimer).toHaveLength(1);
    expect(afterTimer[0]).toMatchObject({ source: 'timer', minutes: 1, userId: s.ayse.id });
    expect((await memberApi.get<{ timer: null }>('/timer')).timer).toBeNull();
    await page.getByRole('table', { name: fill(m.taskTime.caption, { reference: s.drawings.reference }) }).waitFor();

    // The timesheet: the timer's row is there; she adds the report-writing row and fills it by keyboard.
    await page.goto(`${spine.url}/time`);
    await heading(page, m.timesheet.title);
    await expect.poll(() => page.locator('input.ts-input').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: m.timesheet.addRow.open }).click();
    const addDialog = page.getByRole('dialog', { name: m.timesheet.addRow.title });
    await addDialog.getByText(s.survey.reference).first().click();
    await addDialog.getByRole('button', { name: m.timesheet.addRow.add, exact: true }).click();
    await addDialog.waitFor({ state: 'detached' });

    const surveyRow = page.locator('tbody tr').filter({ has: page.getByText(s.survey.reference, { exact: true }) });
    const surveyCells = surveyRow.locator('input.ts-input');
    await expect.poll(() => surveyCells.count()).toBe(7);
    const openDays: number[] = [];
    for (let col = 0; col < 7; col += 1) if (await surveyCells.nth(col).isEnabled()) openDays.push(col);
    expect(openDays.length).toBeGreaterThan(0);
    // One click into the first open day; from there on only the keyboard: type, → to the next day.
    await surveyCells.nth(openDays[0] ?? 0).click();
    const durations = ['1:30', '2h', '45m', '1.5h', '3:15', '2', '30m'];
    for (const [index, col] of openDays.entries()) {
      await expect.poll(() => surveyCells.nth(col).evaluate((input) => input === document.activeElement)).toBe(true);
      await page.keyboard.type(durations[index] ?? '1:00');
      if (index < openDays.length - 1) await page.keyboard.press('ArrowRight');
      else await page.keyboard.press('Enter');
    }
    const typedMinutes = [90, 120, 45, 90, 195, 120, 30].slice(0, openDays.length);
    const surveyTotal = typedMinutes.reduce((sum, minutes) => sum + minutes, 0);
    await expect.poll(() => surveyRow.locator('.ts-grid__row-total').textContent()).toBe(formatDuration(surveyTotal));
    await page
      .locator('.ts-week-total .ts-day-total__value')
      .filter({ hasText: formatDuration(surveyTotal + 1) })
      .waitFor();
    await expectAccessible(page, 'timesheet with two rows (en)');

    // Submitted; Mehmet returns it with a comment.
    await page.getByRole('button', { name: m.timesheet.submit.button }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: m.timesheet.submit.confirm, exact: true }).click();
    await page.getByText(m.timesheet.status.submitted, { exact: true }).first().waitFor();
    await expect.poll(() => page.locator('input.ts-input').count()).toBe(0);

    const managerPage = manager.page;
    await managerPage.goto(`${spine.url}/time/approvals`);
    await heading(managerPage, m.timesheet.approvals.title);
    await expectAccessible(managerPage, 'approvals list (en)');
    await weekLink(managerPage, m, s.ayse.name).click();
    await managerPage.getByRole('button', { name: m.timesheet.decide.reject, exact: true }).click();
    const comment = 'Tuesday’s report hours belong to the drawings.';
    const rejectDialog = managerPage.getByRole('dialog');
    await rejectDialog.getByLabel(m.timesheet.decide.commentRequiredLabel).fill(comment);
    await rejectDialog.getByRole('button', { name: m.timesheet.decide.reject, exact: true }).click();
    await managerPage.waitForURL(/\/time\/approvals/);

    // Ayşe sees the week returned with the comment, fixes a day and submits again.
    await page.reload();
    await heading(page, m.timesheet.title);
    await page.getByText(comment).waitFor();
    await page.getByText(m.timesheet.status.rejected, { exact: true }).first().waitFor();
    const fixCol = openDays[0] ?? 0;
    await surveyCells.nth(fixCol).click();
    await page.keyboard.type('1:00');
    await page.keyboard.press('Enter');
    const fixedTotal = surveyTotal - (typedMinutes[0] ?? 0) + 60;
    await expect.poll(() => surveyRow.locator('.ts-grid__row-total').textContent()).toBe(formatDuration(fixedTotal));
    await page.getByRole('button', { name: m.timesheet.submit.button }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: m.timesheet.submit.confirm, exact: true }).click();
    await page.getByText(m.timesheet.status.submitted, { exact: true }).first().waitFor();

    // Mehmet approves; the week locks.
    await managerPage.goto(`${spine.url}/time/approvals`);
    await weekLink(managerPage, m, s.ayse.name).click();
    await managerPage.getByRole('button', { name: m.timesheet.decide.approve, exact: true }).click();
    await managerPage.getByRole('dialog').getByRole('button', { name: m.timesheet.decide.approve, exact: true }).click();
    await managerPage.waitForURL(/\/time\/approvals/);

    await page.reload();
    await heading(page, m.timesheet.title);
    await page.getByText(m.timesheet.status.approved, { exact: true }).first().waitFor();
    expect(await page.locator('input.ts-input').count()).toBe(0);
    expect(await page.getByRole('button', { name: m.timesheet.submit.button }).count()).toBe(0);
    const sheet = await memberApi.get<Timesheet>('/timesheets');
    expect(sheet.status).toBe('approved');
    expect(sheet.totalMinutes).toBe(fixedTotal + 1);
    const locked = await member.context.request.fetch(`${spine.url}/api/v1/time-entries/${sheet.entries[0]?.id}`, {
      method: 'PATCH',
      headers: { Origin: spine.url, 'Content-Type': 'application/json' },
      data: JSON.stringify({ duration: '8h' }),
    });
    expect(locked.status()).toBe(409);
    expect((await locked.json()).code).toBe('timesheet_locked');

    // Her report: this week split by activity type, as a chart with its numbers.
    await page.goto(`${spine.url}/reports?period=this-week`);
    await heading(page, m.reports.title);
    const byActivity = page.getByRole('figure', { name: m.reports.charts.byActivity });
    await byActivity.waitFor();
    await expect.poll(() => byActivity.locator('svg').count()).toBeGreaterThan(0);
    await byActivity.getByText(typeName('writing')).first().waitFor();
    await byActivity.getByText(typeName('design')).first().waitFor();
    await byActivity.getByText(formatDuration(fixedTotal)).first().waitFor();
    await expectAccessible(page, 'report (en)');

    // The CSV export: her entries, one row each, approved.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: m.reports.export.csv }).click()]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const rows = parseCsv(text).filter((row) => row.some((cell) => cell !== ''));
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    const body = rows.slice(1);
    expect(body).toHaveLength(sheet.entries.length);
    expect(body.every((row) => row[1] === s.ayse.name && row[3] === 'Kordon Evi Restorasyonu' && row[10] === 'approved')).toBe(true);
    const hours = body.filter((row) => row[4] === s.survey.reference).reduce((sum, row) => sum + Number(row[7]), 0);
    expect(hours).toBeCloseTo(fixedTotal / 60, 2);
    expect(body.filter((row) => row[4] === s.drawings.reference).map((row) => row[7])).toEqual(['0.02']);
  });

  it('shows the timesheet, approvals and report accessibly in Turkish', async () => {
    const m: Catalog = catalogs.tr;
    const { spine, member, manager } = s;
    await api(member.context, spine.url).patch('/me', { locale: 'tr' });
    await api(manager.context, spine.url).patch('/me', { locale: 'tr' });
    await member.page.goto(`${spine.url}/time`);
    await heading(member.page, m.timesheet.title);
    await expectAccessible(member.page, 'timesheet (tr)');
    await manager.page.goto(`${spine.url}/time/approvals`);
    await heading(manager.page, m.timesheet.approvals.title);
    await expectAccessible(manager.page, 'approvals (tr)');
    await member.page.goto(`${spine.url}/reports?period=this-week`);
    await heading(member.page, m.reports.title);
    await member.page.getByRole('figure', { name: m.reports.charts.byActivity }).waitFor();
    await expectAccessible(member.page, 'report (tr)');
  });
});
