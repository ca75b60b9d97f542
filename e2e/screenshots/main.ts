/**
 * `npm run screenshots`: starts Spine on a fresh data directory, seeds an organization through the
 * API and shoots every screen of screens.ts in English and Turkish at desktop and phone width, full
 * page, into screenshots/<lang>-<nn>-<name>-<width>.png (git-ignored). Each screen is checked for
 * serious or critical axe violations, a document wider than the phone's viewport and console errors;
 * the run exits non-zero when any check fails.
 *   npm run screenshots -- [--lang en|tr] [--only <part of a name>] [--out DIR]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { axeViolations, catalogs, openBrowser, seriousViolations, startSpine } from '../browser.js';
import { api, signIn } from '../task-helpers.js';
import { type Lang, type Screen, type Viewer, type Visit, beforeSetup, screens } from './screens.js';
import { PEOPLE, type Seed, seedOrganization } from './seed.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

interface Options {
  langs: Lang[];
  only: string | undefined;
  out: string;
}

function options(): Options {
  const { values } = parseArgs({
    options: { lang: { type: 'string' }, only: { type: 'string' }, out: { type: 'string', default: 'screenshots' } },
  });
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'tr') throw new Error('--lang is en or tr');
  return { langs: values.lang ? [values.lang] : ['en', 'tr'], only: values.only, out: path.resolve(values.out) };
}

/** What one screen in one language showed that a person would notice. */
interface Findings {
  /** `<lang>-<nn>-<name>`, the start of its files' names. */
  label: string;
  axe: string[];
  overflow: string[];
  console: string[];
  failure?: string;
}

/** One browser per viewer and language, opened on first use and signed in as that person. */
function browsers(url: string, lang: Lang, onConsole: (text: string) => void) {
  const open = new Map<Viewer, ReturnType<typeof openBrowser>>();
  const get = (viewer: Viewer) => {
    let browser = open.get(viewer);
    if (!browser) {
      browser = (async () => {
        const opened = await openBrowser({ locale: lang === 'en' ? 'en-US' : 'tr-TR' });
        if (viewer !== 'guest') await signIn(opened.context, url, PEOPLE[viewer].email, lang);
        opened.page.setDefaultTimeout(30_000);
        opened.page.on('console', (message) => {
          // Refusals a screen provokes on purpose (a wrong password, the last owner) are logged by Chromium.
          if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) onConsole(message.text());
        });
        opened.page.on('pageerror', (error) => onConsole(`page error: ${error.message}`));
        return opened;
      })();
      open.set(viewer, browser);
    }
    return browser;
  };
  return {
    page: async (viewer: Viewer) => (await get(viewer)).page,
    api: async (viewer: Exclude<Viewer, 'guest'>) => api((await get(viewer)).context, url),
    close: async () => {
      await Promise.allSettled([...open.values()].map(async (browser) => (await browser).close()));
      open.clear();
    },
  };
}

/** Waits until nothing on the page is still loading and fonts are in. */
async function settle(page: Page): Promise<void> {
  await page.locator('.loading').first().waitFor({ state: 'hidden' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(250);
}

async function shootAll<S>(
  list: Screen<S>[],
  firstNumber: number,
  seed: S,
  { url, lang, out, chosen }: { url: string; lang: Lang; out: string; chosen: (screen: Screen<S>) => boolean },
): Promise<Findings[]> {
  const findings: Findings[] = [];
  let consoleErrors: string[] = [];
  const people = browsers(url, lang, (text) => consoleErrors.push(text));
  try {
    for (const [index, screen] of list.entries()) {
      if (!chosen(screen)) continue;
      const number = String(firstNumber + index).padStart(2, '0');
      const found: Findings = { label: `${lang}-${number}-${screen.name}`, axe: [], overflow: [], console: [] };
      findings.push(found);
      const page = await people.page(screen.as);
      try {
        const sizes = screen.phoneOnly ? [PHONE] : [DESKTOP, PHONE];
        await page.setViewportSize(sizes[0]!);
        consoleErrors = [];
        await page.goto(`${url}${typeof screen.path === 'string' ? screen.path : screen.path(seed)}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        const visit: Visit<S> = { page, m: catalogs[lang], lang, seed, api: people.api };
        await screen.steps?.(visit);
        await settle(page);
        for (const size of sizes) {
          await page.setViewportSize(size);
          // Sticky headers land mid-page in a full-page shot taken while scrolled.
          if (!screen.viewport) await page.evaluate(() => window.scrollTo(0, 0));
          await page.waitForTimeout(250);
          await page.screenshot({ path: path.join(out, `${found.label}-${size.width}.png`), fullPage: !screen.viewport });
          for (const violation of seriousViolations(await axeViolations(page))) {
            const targets = violation.nodes.map((node) => JSON.stringify(node.target)).join(' ');
            found.axe.push(`${size.width}px ${violation.impact} ${violation.id}: ${violation.help} ${targets}`);
          }
          if (size === PHONE) {
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            if (width > size.width) found.overflow.push(`document ${width} px wide at ${size.width} px`);
          }
        }
        found.console.push(...consoleErrors);
      } catch (error) {
        found.failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
        await page.screenshot({ path: path.join(out, `${found.label}-failure.png`), fullPage: true }).catch(() => undefined);
      }
      console.log(`${found.label} ${verdict(found)}`);
    }
  } finally {
    await people.close();
  }
  return findings;
}

function verdict(found: Findings): string {
  if (found.failure) return `FAILED: ${found.failure}`;
  const notes = [
    ...found.axe.map((line) => `  axe ${line}`),
    ...found.overflow.map((line) => `  overflow: ${line}`),
    ...found.console.map((line) => `  console: ${line}`),
  ];
  return notes.length ? `\n${notes.join('\n')}` : 'ok';
}

const { langs, only, out } = options();
const chosen = (screen: { name: string }) => only === undefined || screen.name.includes(only);
if (![...beforeSetup, ...screens].some(chosen)) throw new Error(`no screen's name contains "${only}"`);
fs.mkdirSync(out, { recursive: true });
const spine = await startSpine();
const findings: Findings[] = [];
try {
  for (const lang of langs) findings.push(...(await shootAll(beforeSetup, 1, null, { url: spine.url, lang, out, chosen })));
  if (screens.some(chosen)) {
    const started = Date.now();
    const seed: Seed = await seedOrganization(spine.url, spine.dataDir);
    console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const lang of langs) {
      findings.push(...(await shootAll(screens, beforeSetup.length + 1, seed, { url: spine.url, lang, out, chosen })));
    }
  }
} finally {
  await spine.stop();
}

const count = (pick: (found: Findings) => boolean) => findings.filter(pick).length;
const failed = count((found) => found.failure !== undefined);
const axe = count((found) => found.axe.length > 0);
const overflow = count((found) => found.overflow.length > 0);
const consoleErrors = count((found) => found.console.length > 0);
console.log(
  `${findings.length} screens in ${langs.join(', ')} into ${out}: ` +
    `${failed} failed, ${axe} with axe violations, ${overflow} overflowing at ${PHONE.width} px, ${consoleErrors} with console errors`,
);
process.exit(failed + axe + overflow + consoleErrors > 0 ? 1 : 0);
