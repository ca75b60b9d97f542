/** Activity types: how a new type's key is made from its name, when a name is free, and how the list is reordered. Pure. */
import type { ActivityType } from '../../../shared/projects.js';
import { ConflictError } from '../../errors.js';

/** Tasks accept keys of up to 40 characters; the slug leaves room for a "-n" suffix. */
const SLUG_LENGTH = 32;

/** "Code review & QA" → "code-review-qa"; letters outside a–z lose their accents (ş → s, ı → i). */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replaceAll('ı', 'i')
    .replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? 'activity' : slug;
}

/** A key for a new type named `name` that none of `taken` uses: the slug, else the slug with -2, -3… */
export function uniqueActivityKey(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Names compare without case or surrounding spaces, so "Design" and " design" are the same type. */
export function sameActivityName(a: string, b: string): boolean {
  const fold = (name: string) => name.trim().normalize('NFC').toLowerCase();
  return fold(a) === fold(b);
}

/** Names are unique per organization without regard to case, inactive types included. */
export function assertNameFree(types: readonly ActivityType[], name: string, exceptId?: number): void {
  const other = types.find((type) => type.id !== exceptId && sameActivityName(type.name, name));
  if (!other) return;
  const detail = other.active
    ? `There is already an activity type named ${other.name}.`
    : `There is already an inactive activity type named ${other.name}; activate it instead.`;
  throw new ConflictError('activity_type_name_taken', detail, [{ pointer: '/name', code: 'name_taken', detail }]);
}

/**
 * The ids in their new order after moving `id` to index `position` (clamped to the list);
 * the others keep their relative order.
 */
export function moveActivityType(orderedIds: readonly number[], id: number, position: number): number[] {
  const rest = orderedIds.filter((candidate) => candidate !== id);
  const index = Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}
