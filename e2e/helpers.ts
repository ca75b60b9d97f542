/**
 * Helpers for the end-to-end specs: everything of browser.ts, plus the assertions that need vitest
 * (which loads only inside a test run, so plain scripts import browser.ts instead).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations, describeViolations, seriousViolations } from './browser.js';

export * from './browser.js';

/** Fails with axe's own description when a page has serious or critical accessibility violations. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const serious = seriousViolations(await axeViolations(page));
  if (serious.length > 0) console.error(`axe on ${where}:\n${describeViolations(serious)}`);
  expect(
    serious.map((v) => `${v.id} (${v.impact})`),
    `serious or critical axe violations on ${where}`,
  ).toEqual([]);
}
