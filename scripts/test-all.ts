/**
 * `npm test`: typecheck, lint, unit tests, API tests on SQLite, the same API tests on PostgreSQL when
 * TEST_DATABASE_URL is set, and end-to-end tests in Chromium when one is found. Ends with one
 * "N passed, N failed" line over every tier.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-test-results-'));

interface Tier {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  ok: boolean;
  note?: string;
}
const tiers: Tier[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(name: string, command: string, args: string[]): void {
  console.log(`\n── ${name}`);
  const ok = run(command, args);
  tiers.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok });
}

function vitest(name: string, project: string, env: Record<string, string> = {}): void {
  console.log(`\n── ${name}`);
  const output = path.join(resultsDir, `${name.replace(/\W+/g, '-')}.json`);
  const ok = run(bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`], env);
  let passed = 0;
  let failed = ok ? 0 : 1;
  let skipped = 0;
  if (fs.existsSync(output)) {
    const report = JSON.parse(fs.readFileSync(output, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    passed = report.numPassedTests;
    failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
    skipped = report.numPendingTests + report.numTodoTests;
  }
  tiers.push({ name, passed, failed, skipped, ok: ok && failed === 0 });
}

check('typecheck', bin('tsc'), ['-p', 'tsconfig.server.json']);
check('typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json']);
check('typecheck (e2e)', bin('tsc'), ['-p', 'tsconfig.e2e.json']);
check('lint', bin('biome'), ['check', '.']);
vitest('unit', 'unit');
vitest('api (SQLite)', 'integration');
if (process.env.TEST_DATABASE_URL) {
  vitest('api (PostgreSQL)', 'integration', { SPINE_TEST_ENGINE: 'postgres' });
} else {
  console.log('\n── api (PostgreSQL): skipped, TEST_DATABASE_URL is not set');
  tiers.push({ name: 'api (PostgreSQL)', passed: 0, failed: 0, skipped: 0, ok: true, note: 'skipped: TEST_DATABASE_URL not set' });
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (fs.existsSync(chromium)) {
  console.log('\n── build (web)');
  if (run(process.execPath, [path.join(root, 'scripts/ensure-built.mjs')])) vitest('e2e (Chromium)', 'e2e');
  else tiers.push({ name: 'e2e (Chromium)', passed: 0, failed: 1, skipped: 0, ok: false, note: 'web build failed' });
} else {
  console.log(`\n── e2e: skipped, no Chromium at ${chromium} (set CHROMIUM_PATH)`);
  tiers.push({ name: 'e2e (Chromium)', passed: 0, failed: 0, skipped: 0, ok: true, note: `skipped: no Chromium at ${chromium}` });
}

console.log('\n── summary');
for (const tier of tiers) {
  const counts = tier.note ?? `${tier.passed} passed, ${tier.failed} failed${tier.skipped ? `, ${tier.skipped} skipped` : ''}`;
  console.log(`${tier.ok ? '✓' : '✗'} ${tier.name.padEnd(18)} ${counts}`);
}
const passed = tiers.reduce((sum, tier) => sum + tier.passed, 0);
const failed = tiers.reduce((sum, tier) => sum + tier.failed, 0);
const skipped = tiers.reduce((sum, tier) => sum + tier.skipped, 0);
fs.rmSync(resultsDir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(tiers.every((tier) => tier.ok) ? 0 : 1);
