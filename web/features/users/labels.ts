import i18next from 'i18next';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Person } from '../../../shared/api.js';

export function roleLabel(role: Role): string {
  return i18next.t(`roles.${role}`);
}

export function roleOptions(): { value: Role; label: string }[] {
  return ROLES.map((role) => ({ value: role, label: roleLabel(role) }));
}

export function stateLabel(state: Person['state']): string {
  return i18next.t(`people.states.${state}`);
}

/** Form value → number, or undefined when left empty (so the server's default applies). */
export function optionalNumber(value: FormDataEntryValue | null): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return Number(value.replace(',', '.'));
}

export function optionalString(value: FormDataEntryValue | null): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
