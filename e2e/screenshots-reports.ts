/**
 * Screenshots of /reports at desktop and phone sizes, in English or Turkish, into screenshots/
 * (git-ignored), with axe run on each screen. Seeds an organization with two projects, tasks with
 * estimates and a month and a half of time from three people through the API, then checks on the
 * way what a person would notice: the activity chart names its activities and hours, a range over
 * 400 days is refused at the end date, the exports download, a member sees no people filter.
 *
 * Builds the web app into its own directory and serves it with Vite's preview server, proxying
 * /api to a fresh Spine, so it never touches dist/web.
 *   npx tsx e2e/screenshots-reports.ts [en|tr]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { en, tr } from '../web/i18n/catalogs.js';
import { launchBrowser, startSpine } from './harness.js';
import { addPerson, api, createTasks, type SeedTask, setLocale, setUp, signIn } from './projects-helpers.js';

type TaskSeed = SeedTask & { activityType: string };

// Not from helpers.ts: that module imports vitest's expect, which only loads inside a test run.
const catalogs = { en, tr } as const;
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const root = path.resolve(import.meta.dirname, '..');
const OUT = path.resolve(root, 'screenshots');
const WEB_OUT = path.join(os.tmpdir(), 'spine-reports-web');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function buildWeb(): void {
  if (process.env.SKIP_BUILD === '1' && fs.existsSync(path.join(WEB_OUT, 'index.html'))) return;
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--outDir', WEB_OUT, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('web build failed');
}

/** Vite's preview server over the build, proxying the API to Spine (the config's dev proxy). */
async function serveWeb(backend: string): Promise<{ url: string; close: () => Promise<void> }> {
  process.env.SPINE_DEV_BACKEND = backend;
  const { preview } = await import('vite');
  const port = await freePort();
  const server = await preview({
    configFile: path.join(root, 'web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: WEB_OUT },
    preview: { port, host: '127.0.0.1', strictPort: true },
  });
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

async function openBrowser(options: { locale: 'en-US' | 'tr-TR' }) {
  const context = await launchBrowser(options);
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, close: () => context.close() };
}

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

function check(condition: boolean, what: string, problems: string[]) {
  if (!condition) problems.push(`check failed: ${what}`);
}

async function ok<T>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Weekdays from `from` up to and including `to`. */
function weekdays(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) dates.push(date);
  }
  return dates;
}

/** Records entries from inside the person's page, one request after another. */
async function recordTime(page: Page, entries: { taskId: number; date: string; duration: number; note: string; billable?: boolean }[]) {
  await page.evaluate(async (entries) => {
    for (const entry of entries) {
      const response = await fetch('/api/v1/time-entries', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(entry),
      });
      if (!response.ok) throw new Error(`entry ${JSON.stringify(entry)}: ${response.status} ${await response.text()}`);
    }
  }, entries);
}

async function run(lang: 'en' | 'tr') {
  const m = catalogs[lang];
  const r = m.reports;
  const locale = lang === 'en' ? 'en-US' : 'tr-TR';
  const spine = await startSpine();
  const web = await serveWeb(spine.url);
  const owner = await openBrowser({ locale });
  const manager = await openBrowser({ locale });
  const member = await openBrowser({ locale });
  const other = await openBrowser({ locale });
  const problems: string[] = [];
  for (const target of [owner.page, manager.page, member.page]) {
    target.on('console', (message) => {
      if (/status of 4\d\d/.test(message.text())) return;
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    target.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  }

  async function shoot(name: string, target: Page, options: { locator?: Locator; full?: boolean } = {}) {
    for (const size of SIZES) {
      await target.setViewportSize(size);
      await target.waitForTimeout(600);
      const file = path.join(OUT, `${lang}-reports-${name}-${size.width}.png`);
      if (options.locator) await options.locator.screenshot({ path: file });
      else await target.screenshot({ path: file, fullPage: options.full ?? true });
      // A long phone page is also cut into screen-high parts, readable one at a time.
      const height = await target.evaluate(() => document.documentElement.scrollHeight);
      if (!options.locator && (options.full ?? true) && size.width < 600 && height > size.height * 1.5) {
        for (let part = 0; part * 1100 < height; part += 1) {
          await target.screenshot({
            path: file.replace(/\.png$/, `-part${part + 1}.png`),
            fullPage: true,
            clip: { x: 0, y: part * 1100, width: size.width, height: Math.min(1100, height - part * 1100) },
          });
        }
      }
    }
    // Nothing may stick out of the page or a card on a phone (a scroll box may scroll, that is its job).
    await target.setViewportSize(SIZES[1]!);
    await target.waitForTimeout(300);
    const overflowing = await target.evaluate(() =>
      [document.documentElement, ...Array.from(document.querySelectorAll('.report-figure, .report-filters, .report-total'))]
        .filter((element) => element.scrollWidth > element.clientWidth + 1)
        .map((element) => `${element.className || element.tagName} (${element.scrollWidth} > ${element.clientWidth})`),
    );
    if (overflowing.length) problems.push(`overflow at 390 px on ${name}: ${overflowing.join(', ')}`);
    await target.setViewportSize(SIZES[0]!);
    const serious = await seriousAxeFindings(target);
    if (serious.length) problems.push(`axe on ${name}:\n${serious.join('\n')}`);
  }

  async function openReport(target: Page, query = '') {
    await target.goto(`${web.url}/reports${query}`);
    await target.getByRole('heading', { level: 1, name: r.title }).waitFor();
  }

  try {
    const page = owner.page;
    await setUp(page, web.url, { name: 'Şule Yıldırım', email: 'sule@example.com' });
    await setLocale(page, lang);
    const mehmet = await addPerson(page, { name: 'Mehmet Öztürk', email: 'mehmet@example.com', role: 'manager' });
    const ayse = await addPerson(page, { name: 'Ayşe Çelik', email: 'ayse@example.com', role: 'member' });
    const can = await addPerson(page, { name: 'Can Demir', email: 'can@example.com', role: 'member' });
    const client = await ok(api<{ id: number }>(page, 'POST', '/clients', { name: 'Kordon Vakfı' }), 'client');
    const kordon = await ok(
      api<{ id: number }>(page, 'POST', '/projects', {
        name: 'Kordon Evi Restorasyonu',
        key: 'KOR',
        clientId: client.id,
        members: [
          { userId: mehmet, role: 'manager' },
          { userId: ayse, role: 'member' },
          { userId: can, role: 'member' },
        ],
      }),
      'project KOR',
    );
    const alsancak = await ok(
      api<{ id: number }>(page, 'POST', '/projects', {
        name: 'Alsancak Ofis Yenileme',
        key: 'ALS',
        members: [
          { userId: ayse, role: 'member' },
          { userId: can, role: 'manager' },
        ],
      }),
      'project ALS',
    );
    const korSeed: TaskSeed[] = [
      { title: 'Cephe rölöve çizimleri', estimateMinutes: 20 * 60, activityType: 'design' },
      { title: 'Statik rapor için mühendisle görüşme', estimateMinutes: 4 * 60, activityType: 'meeting' },
      { title: 'Belediye ruhsat dosyası', estimateMinutes: 12 * 60, activityType: 'writing' },
      { title: 'Malzeme listesini güncelle', estimateMinutes: null, activityType: 'admin' },
      { title: 'İç mekân aydınlatma planı', estimateMinutes: 16 * 60, activityType: 'design' },
    ];
    const korTasks = await createTasks(page, kordon.id, korSeed);
    const alsSeed: TaskSeed[] = [
      { title: 'Ofis yerleşim seçenekleri', estimateMinutes: 10 * 60, activityType: 'design' },
      { title: 'Müşteri atölyesi notları', estimateMinutes: 3 * 60, activityType: 'meeting' },
      { title: 'Teklif revizyonu', estimateMinutes: 6 * 60, activityType: 'development' },
    ];
    const alsTasks = await createTasks(page, alsancak.id, alsSeed);

    await signIn(manager.page, web.url, 'mehmet@example.com', '/my-work');
    await setLocale(manager.page, lang);
    await signIn(member.page, web.url, 'ayse@example.com', '/my-work');
    await setLocale(member.page, lang);
    await signIn(other.page, web.url, 'can@example.com', '/my-work');

    // Today is taken from the server's clock; entries run from the start of last month up to yesterday.
    const today = new Date().toISOString().slice(0, 10);
    const start = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
    const days = weekdays(start, addDays(today, -1));
    const durations = [45, 90, 120, 60, 180, 30, 150, 75, 240, 105];
    const plan = (people: number, seed: number, tasks: { id: number }[]) =>
      days.flatMap((date, index) =>
        Array.from({ length: 1 + ((index + seed) % 3 === 0 ? 1 : 0) + people }, (_unused, slot) => ({
          taskId: tasks[(index * 3 + slot + seed) % tasks.length]!.id,
          date,
          duration: durations[(index * 7 + slot * 3 + seed) % durations.length]!,
          note: '',
        })),
      );
    await recordTime(member.page, plan(1, 0, [...korTasks, ...alsTasks]));
    await recordTime(other.page, plan(0, 2, [...korTasks.slice(0, 3), ...alsTasks]));
    await recordTime(manager.page, plan(0, 1, korTasks.slice(0, 2)));
    await other.close();

    // The owner's month.
    await openReport(page);
    const activity = page.getByRole('figure', { name: r.charts.byActivity });
    await activity.waitFor();
    await activity.getByRole('row').nth(1).waitFor();
    const activityText = (await activity.textContent()) ?? '';
    check(
      /Design|Tasarım/.test(activityText) && /\d+:\d\d/.test(activityText),
      `activity figure names activities and hours: ${activityText.slice(0, 200)}`,
      problems,
    );
    check((await page.getByRole('figure', { name: r.charts.byPerson }).count()) === 1, 'owner sees hours by person', problems);
    await page.waitForTimeout(1200);
    await shoot('01-month', page);

    // The project picker open.
    await page.getByRole('button', { name: new RegExp(`^${r.filters.projects}`) }).click();
    await page.getByRole('checkbox', { name: /Kordon/ }).waitFor();
    await shoot('02-project-picker', page, { full: false });
    // The address changes first and the box follows it: click, then wait for the address.
    await page.getByRole('checkbox', { name: /Kordon/ }).click();
    await page.waitForURL(/projectIds=/);
    await page.keyboard.press('Escape');
    await page.getByRole('figure', { name: r.charts.byTask }).waitFor();
    await page.waitForTimeout(1200);
    await shoot('03-one-project', page);
    check(page.url().includes(`projectIds=${kordon.id}`), 'the chosen project is in the address', problems);

    // The exports of the same query download.
    const csvHref = await page.getByRole('link', { name: r.export.csv }).getAttribute('href');
    const xlsxHref = await page.getByRole('link', { name: r.export.xlsx }).getAttribute('href');
    for (const href of [csvHref, xlsxHref]) {
      const answer = await page.evaluate(async (href) => {
        const response = await fetch(href ?? '', { credentials: 'same-origin' });
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          disposition: response.headers.get('content-disposition'),
        };
      }, href);
      check(answer.status === 200 && /attachment/.test(answer.disposition ?? ''), `export ${href}: ${JSON.stringify(answer)}`, problems);
    }
    check((csvHref ?? '').includes(`projectIds=${kordon.id}`), 'the export carries the filters', problems);

    // A year: months on the time axis.
    await openReport(page, '?period=last-12-months');
    await page.getByRole('figure', { name: r.charts.per.month }).waitFor();
    await page.waitForTimeout(1200);
    await shoot('04-last-12-months', page);

    // A range over 400 days, refused by the server at the end date.
    await openReport(page, `?period=custom&from=${addDays(today, -500)}&to=${today}`);
    await page.getByText(r.errors.tooLong_other.replace('{{count}}', '400')).waitFor();
    check(
      (await page.getByLabel(r.filters.to, { exact: true }).getAttribute('aria-invalid')) === 'true',
      'the end date is marked invalid',
      problems,
    );
    await shoot('05-too-long', page, { full: false });

    // Nothing tracked.
    await openReport(page, `?period=custom&from=${addDays(today, -200)}&to=${addDays(today, -150)}`);
    await page.getByRole('heading', { name: r.empty.title }).waitFor();
    await shoot('06-empty', page, { full: false });

    // The manager: their project's people.
    await openReport(manager.page, '?period=last-month');
    await manager.page.getByRole('figure', { name: r.charts.byActivity }).waitFor();
    await manager.page.waitForTimeout(1200);
    await shoot('07-manager-last-month', manager.page);

    // A member: only their own time, no people filter.
    await openReport(member.page);
    await member.page.getByRole('figure', { name: r.charts.byActivity }).waitFor();
    check(
      (await member.page.getByRole('button', { name: new RegExp(`^${r.filters.people}`) }).count()) === 0,
      'a member has no people filter',
      problems,
    );
    check((await member.page.getByRole('figure', { name: r.charts.byPerson }).count()) === 0, 'a member sees no hours by person', problems);
    await member.page.waitForTimeout(1200);
    await shoot('08-member', member.page);

    // By keyboard: open the activity types, tick Design with the space bar, close with Escape.
    const activityButton = member.page.getByRole('button', { name: new RegExp(`^${r.filters.activityTypes}`) });
    await activityButton.focus();
    await member.page.keyboard.press('Enter');
    await member.page.getByRole('checkbox', { name: 'Design' }).waitFor();
    // Focus starts on the first type (Admin, by name); Tab moves to Design.
    await member.page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox');
    await member.page.keyboard.press('Tab');
    await member.page.keyboard.press('Space');
    await member.page.waitForURL(/activityTypeIds=/);
    await member.page.keyboard.press('Escape');
    check(
      await activityButton.evaluate((element) => element === document.activeElement),
      'Escape returns focus to the picker button',
      problems,
    );
    check((await activityButton.getAttribute('aria-expanded')) === 'false', 'Escape closes the picker', problems);
    const onlyDesign = member.page.getByRole('figure', { name: r.charts.byActivity });
    await member.page.waitForFunction(() => !document.querySelector('.reports-page__content--stale'));
    const rows = await onlyDesign.getByRole('row').allTextContents();
    check(rows.length === 2 && rows[1]!.includes('Design'), `only Design after filtering: ${rows.join(' | ')}`, problems);
    await member.page.setViewportSize(SIZES[1]!);
    await member.page.getByRole('button', { name: r.filters.more }).click();
    await member.page.screenshot({ path: path.join(OUT, `${lang}-reports-09-member-filters-open-390.png`) });
  } finally {
    await Promise.allSettled([owner.close(), manager.close(), member.close()]);
    await web.close();
    await spine.stop();
  }
  return problems;
}

fs.mkdirSync(OUT, { recursive: true });
buildWeb();
const langs = (process.argv[2] ? [process.argv[2]] : ['en', 'tr']) as ('en' | 'tr')[];
let failed = false;
for (const lang of langs) {
  const problems = await run(lang);
  if (problems.length) {
    failed = true;
    console.error(`${lang}:\n${problems.join('\n')}`);
  } else {
    console.log(`${lang}: screenshots written, no problems found`);
  }
}
process.exit(failed ? 1 : 0);
