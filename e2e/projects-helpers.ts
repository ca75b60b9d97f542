/**
 * Helpers for the projects journey and its screenshots: API calls made from inside a signed-in
 * page (so the session cookie and the page's Origin go with them) and seeding of people and tasks.
 */
import type { Page } from 'playwright-core';

export const PASSWORD = 'correct horse battery staple';

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

/** A request from the page, as the web app would make it. */
export async function api<T = any>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const response = await fetch(`/api/v1${path}`, {
        method,
        credentials: 'same-origin',
        headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body, headers },
  );
}

async function expectOk<T>(answer: Promise<ApiAnswer<T>>, what: string): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** First run: the organization and its owner, signed in on this page. */
export async function setUp(
  page: Page,
  url: string,
  owner: { name: string; email: string },
  organization = 'Ayvalık Mimarlık',
): Promise<void> {
  await page.goto(`${url}/setup`);
  await page.waitForLoadState('domcontentloaded');
  await expectOk(
    api(page, 'POST', '/setup', { organizationName: organization, name: owner.name, email: owner.email, password: PASSWORD }),
    'setup',
  );
}

export async function addPerson(page: Page, person: { name: string; email: string; role: string }): Promise<number> {
  const created = await expectOk(api<{ id: number }>(page, 'POST', '/users', { ...person, password: PASSWORD }), `add ${person.email}`);
  return created.id;
}

/** Signs in through the API from the sign-in page, then opens `path`. */
export async function signIn(page: Page, url: string, email: string, path = '/projects'): Promise<void> {
  await page.goto(`${url}/login`);
  await page.waitForLoadState('domcontentloaded');
  await expectOk(api(page, 'POST', '/auth/login', { email, password: PASSWORD }), `sign in ${email}`);
  await page.goto(`${url}${path}`);
}

export async function setLocale(page: Page, locale: 'en' | 'tr'): Promise<void> {
  await expectOk(api(page, 'PATCH', '/me', { locale }), 'locale');
}

export interface SeedTask {
  title: string;
  description?: string;
  captainId?: number | null;
  deadline?: string | null;
  labels?: string[];
  milestoneId?: number | null;
  estimateMinutes?: number | null;
}

/** Creates tasks in one go from inside the page (sequentially: the numbering stays in order). */
export async function createTasks(page: Page, projectId: number, tasks: SeedTask[]): Promise<{ id: number; reference: string }[]> {
  return page.evaluate(
    async ({ projectId, tasks }) => {
      const created: { id: number; reference: string }[] = [];
      for (const task of tasks) {
        const response = await fetch('/api/v1/tasks', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ projectId, ...task }),
        });
        if (!response.ok) throw new Error(`task ${task.title}: ${response.status} ${await response.text()}`);
        const body = await response.json();
        created.push({ id: body.id, reference: body.reference });
      }
      return created;
    },
    { projectId, tasks },
  );
}

/** Moves tasks through the workflow from inside the page; each step is [taskId, path, body]. */
export async function runSteps(page: Page, steps: [number, 'status' | 'review', Record<string, unknown>][]): Promise<void> {
  await page.evaluate(async (steps) => {
    for (const [id, kind, body] of steps) {
      const response = await fetch(`/api/v1/tasks/${id}/${kind}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`task ${id} ${kind}: ${response.status} ${await response.text()}`);
    }
  }, steps);
}

const CLIENTS = ['ACME Corp', 'Kuzey Yapı', 'Delta Lojistik', 'Ege Belediyesi'];
const WORK = [
  'revised proposal',
  'site survey report',
  'facade drawings',
  'structural calculations',
  'permit application',
  'client workshop notes',
  'cost estimate',
  'interior layout options',
  'lighting plan',
  'handover documents',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June'];
const LABELS = ['design', 'urgent', 'permit', 'client', 'internal'];

/** Titles that follow the node discipline: who, what, for whom. */
export function sampleTasks(count: number, options: { captains: number[]; milestones?: number[]; today: string }): SeedTask[] {
  const base = new Date(`${options.today}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, i) => {
    const client = CLIENTS[i % CLIENTS.length];
    const work = WORK[(i * 7) % WORK.length];
    const month = MONTHS[i % MONTHS.length];
    const offset = ((i * 5) % 40) - 10;
    const deadline = new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
    const withCaptain = i % 9 !== 4;
    return {
      title: `${client} – ${month} 2026 ${work} #${i + 1}`,
      description: `Prepare the ${work} for ${client}.`,
      captainId: withCaptain ? options.captains[i % options.captains.length] : null,
      deadline: withCaptain && i % 11 !== 3 ? deadline : null,
      labels: i % 3 === 0 ? [LABELS[i % LABELS.length]!] : [],
      milestoneId: options.milestones?.length ? options.milestones[i % options.milestones.length] : null,
      estimateMinutes: 60 * ((i % 6) + 1),
    };
  });
}
