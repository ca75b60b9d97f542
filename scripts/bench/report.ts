/** The bench's figures as a console table and as a generated section of docs/performance.md. */
import fs from 'node:fs';
import type { PlanResult } from './plans.js';

export interface ScenarioRow {
  name: string;
  concurrency: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Undefined for the hello-world server. */
  statementsPerRequest: number | undefined;
  cpuMsPerRequest: number;
  rssMb: number;
  note?: string | undefined;
}

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean;
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function scenarioTable(rows: readonly ScenarioRow[]): string {
  return markdownTable(
    [
      'Scenario',
      'In flight',
      'Requests',
      'Errors',
      'req/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'SQL stmts/req',
      'server CPU ms/req',
      'server RSS MB',
    ],
    rows.map((row) => [
      row.note ? `${row.name} (${row.note})` : row.name,
      String(row.concurrency),
      String(row.requests),
      String(row.errors),
      fixed(row.rps, 0),
      fixed(row.p50, 2),
      fixed(row.p99, 2),
      fixed(row.max, 1),
      row.statementsPerRequest === undefined ? '–' : fixed(row.statementsPerRequest, 2),
      fixed(row.cpuMsPerRequest, 2),
      fixed(row.rssMb, 0),
    ]),
  );
}

export function targetTable(checks: readonly TargetCheck[]): string {
  return markdownTable(
    ['Target', 'Measured', 'Met'],
    checks.map((check) => [check.target, check.value, check.met ? 'yes' : '**no**']),
  );
}

export function planSection(plans: readonly PlanResult[], engine: 'sqlite' | 'postgres'): string {
  return plans
    .map((plan) =>
      [
        `#### ${plan.name}`,
        '',
        `Direct execution (no HTTP): median ${plan.medianMs.toFixed(2)} ms, ${plan.rows} rows. Parameters: \`${JSON.stringify(plan.parameters)}\``,
        '',
        '```sql',
        plan.sql,
        '```',
        '',
        `\`\`\`text\n${engine === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN (ANALYZE, BUFFERS)'}\n${plan.plan.join('\n')}\n\`\`\``,
      ].join('\n'),
    )
    .join('\n\n');
}

const RESULTS_END = '<!-- bench:results-end -->';

/** Replaces (or adds) the generated section `key` in the document, leaving the rest as written. */
export function writeSection(file: string, key: string, content: string): void {
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  const block = `${start}\n${content.trim()}\n${end}`;
  let document = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `# Performance\n\n${RESULTS_END}\n`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from >= 0 && to > from) {
    document = document.slice(0, from) + block + document.slice(to + end.length);
  } else if (document.includes(RESULTS_END)) {
    document = document.replace(RESULTS_END, `${block}\n\n${RESULTS_END}`);
  } else {
    document = `${document.trimEnd()}\n\n${block}\n`;
  }
  fs.writeFileSync(file, document);
}
