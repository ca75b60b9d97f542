/** Organization settings: defaults for a new company and the stored ↔ domain shape. */
import type { Organization } from '../../../shared/api.js';

export const DEFAULT_SETTINGS = {
  timeZone: 'UTC',
  currency: 'EUR',
  weekStart: 1,
  workingDays: [1, 2, 3, 4, 5],
  workdayStart: '09:00',
  workdayEnd: '17:00',
} as const;

export function parseWorkingDays(stored: string): number[] {
  return stored
    .split(',')
    .filter((part) => part !== '')
    .map(Number);
}

export function formatWorkingDays(days: readonly number[]): string {
  return [...days].sort((a, b) => a - b).join(',');
}

export type { Organization };
