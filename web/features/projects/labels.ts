/** Words and small rules of the projects area: labels, key suggestions, dates. */
import i18next from 'i18next';
import type { Project, ProjectRole, ProjectState } from '../../../shared/projects.js';
import type { Role } from '../../../shared/roles.js';

export const PROJECT_STATES: readonly ProjectState[] = ['active', 'on_hold', 'archived'];

export function projectStateLabel(state: ProjectState): string {
  return i18next.t(`projects.states.${state}`);
}

export function projectRoleLabel(role: ProjectRole | 'admin'): string {
  return i18next.t(`projects.roles.${role}`);
}

/** Owners, admins and managers start projects and keep the client list (the server decides anyway). */
export function canRunProjects(role: Role): boolean {
  return role === 'owner' || role === 'admin' || role === 'manager';
}

/** Managers of the project, and organization owners/admins, change it. */
export function canManage(project: Pick<Project, 'myRole'>): boolean {
  return project.myRole === 'manager' || project.myRole === 'admin';
}

const TURKISH_LETTERS: Record<string, string> = {
  ı: 'i',
  İ: 'I',
  ş: 's',
  Ş: 'S',
  ğ: 'g',
  Ğ: 'G',
  ç: 'c',
  Ç: 'C',
  ö: 'o',
  Ö: 'O',
  ü: 'u',
  Ü: 'U',
};

/**
 * A project key from its name: an acronym the name starts with (ACME Corp → ACME), else the
 * initials of its words (Headquarters renovation → HR), else the start of its one word (Kuzey → KUZE).
 */
export function suggestKey(name: string): string {
  const words = name
    .replace(/[ıİşŞğĞçÇöÖüÜ]/g, (letter) => TURKISH_LETTERS[letter] ?? letter)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => /^[A-Za-z]/.test(word));
  const first = words[0];
  if (!first) return '';
  if (first.length >= 2 && first.length <= 6 && first === first.toUpperCase()) return first;
  const key =
    words.length > 1
      ? words
          .slice(0, 4)
          .map((word) => word[0])
          .join('')
      : first.slice(0, 4);
  const result = (key.length >= 2 ? key : first.slice(0, 4)).toUpperCase().slice(0, 10);
  return result.length >= 2 ? result : '';
}

/** The organization's today as YYYY-MM-DD. */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(locale: string, withTime: boolean, short: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}|${short}`;
  let format = dayFormats.get(key);
  if (!format) {
    // Calendar values (a date, a wall-clock time in the organization's zone) are shown as they are: no zone shift.
    format = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      ...(short ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' }),
      ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    dayFormats.set(key, format);
  }
  return format;
}

/** `2026-03-31` or `2026-03-31T17:00` in words, without moving it to another time zone. */
export function formatCalendar(locale: string, value: string, options: { short?: boolean } = {}): string {
  const withTime = value.length > 10;
  const date = new Date(`${withTime ? value : `${value}T00:00`}:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return dayFormat(locale, withTime, options.short ?? false).format(date);
}

export type DeadlineState = 'overdue' | 'today' | 'upcoming' | 'none';

export function deadlineState(task: { deadline: string | null; isOverdue: boolean; status: string }, today: string): DeadlineState {
  if (!task.deadline) return 'none';
  if (task.isOverdue) return 'overdue';
  if (task.status !== 'done' && task.status !== 'cancelled' && task.deadline.slice(0, 10) === today) return 'today';
  return 'upcoming';
}
