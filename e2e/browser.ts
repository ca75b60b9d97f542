/**
 * Driving the web app in a browser on top of the harness: a browser per simulated person, axe-core
 * accessibility runs, and the UI catalogs so callers find controls by their visible names. Imports
 * nothing from vitest, so plain scripts (npm run screenshots) use it as the specs do.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { en, tr } from '../web/i18n/catalogs.js';
import { launchBrowser } from './harness.js';

export { launchBrowser, type RunningSpine, startSpine } from './harness.js';

/** A fresh browser profile in the given language (its own cookies): one per simulated person. */
export async function openBrowser(options: { locale?: 'en-US' | 'tr-TR'; viewport?: { width: number; height: number } } = {}) {
  const context = await launchBrowser(options);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close: () => context.close() };
}

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core in the page. The page's CSP allows only same-origin scripts, so the source is
 * evaluated through the DevTools protocol (not subject to CSP) instead of a script tag.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Once per document: evaluating the source takes longer than a run.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context?: unknown, options?: unknown) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return result;
}

export function seriousViolations(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `   ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');
}

export const catalogs = { en, tr } as const;
export type Catalog = typeof en;

/** Drags with the mouse as a person would: press, move a little (dnd-kit waits for 6 px), travel, release. */
export async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.waitForTimeout(150);
  await page.mouse.move(to.x, to.y + 2, { steps: 2 });
  await page.mouse.up();
}

/** Where to grab an element: its middle, or 30 px into a tall one. */
export async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element not visible');
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 30) };
}

/** Marks the document; if the page reloads, the mark is gone. */
export async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { spineMark?: boolean }).spineMark = true;
  });
}

export async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { spineMark?: boolean }).spineMark === true);
}

/** Waits until the page's live-update stream is connected, so changes made next reach it. */
export async function settleLive(page: Page): Promise<void> {
  await page.locator('html[data-live="connected"]').waitFor({ state: 'attached' });
}
