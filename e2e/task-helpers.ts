/**
 * Setting the scene for the task journeys through the API, as the people themselves would (their
 * own sessions, same-origin requests), so each spec starts from a known organization.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { Project } from '../shared/projects.js';
import type { Task } from '../shared/tasks.js';

export const PASSWORD = 'correct horse battery staple';

export interface Person {
  id: number;
  name: string;
  email: string;
}

/** Whatever holds a person's cookies: a browser context, or a bare request context for seeding without a page. */
export type Session = Pick<BrowserContext, 'request'>;

/** JSON requests with the session's cookies and the page's origin (the server refuses cookie writes without it). */
export function api(context: Session, url: string) {
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const response = await context.request.fetch(`${url}/api/v1${path}`, {
      method,
      headers: { Origin: url, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      data: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()} ${await response.text()}`);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  };
}

/** First-run setup through the API: the context is signed in as the owner. */
export async function setupOwner(context: Session, url: string, owner: { name: string; email: string }): Promise<Person> {
  const me = await api(context, url).post<{ user: Person }>('/setup', {
    organizationName: 'Ayvalık Mimarlık',
    name: owner.name,
    email: owner.email,
    password: PASSWORD,
  });
  return me.user;
}

export async function createPerson(
  context: Session,
  url: string,
  person: { name: string; email: string; role: 'admin' | 'manager' | 'member' | 'client' },
): Promise<Person> {
  return api(context, url).post<Person>('/users', { ...person, password: PASSWORD });
}

export async function signIn(context: Session, url: string, email: string, locale?: 'en' | 'tr'): Promise<void> {
  await api(context, url).post('/auth/login', { email, password: PASSWORD });
  if (locale) await api(context, url).patch('/me', { locale });
}

export async function createProject(
  context: Session,
  url: string,
  body: { name: string; key: string; members: { userId: number; role: 'manager' | 'member' }[]; reviewRequired?: boolean },
): Promise<Project> {
  return api(context, url).post<Project>('/projects', body);
}

export async function createTask(
  context: Session,
  url: string,
  body: { projectId: number; title: string; captainId?: number; deadline?: string; description?: string },
): Promise<Task> {
  return api(context, url).post<Task>('/tasks', body);
}

/** A date `days` from today as YYYY-MM-DD (UTC is close enough for deadlines days away). */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
