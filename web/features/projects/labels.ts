/** Words and small rules of the projects area: labels and key suggestions. */
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
