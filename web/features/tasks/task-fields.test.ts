import { describe, expect, it } from 'vitest';
import { deadlineFrom, idOrNull, labelsFrom, minutesFromHours } from './task-fields.js';

describe('task fields as typed', () => {
  it('reads an empty choice as no id', () => {
    expect(idOrNull('')).toBeNull();
    expect(idOrNull('42')).toBe(42);
  });

  it('joins a date and a time into one deadline, and needs the date', () => {
    expect(deadlineFrom('2026-03-31', '17:00')).toBe('2026-03-31T17:00');
    expect(deadlineFrom('2026-03-31', '')).toBe('2026-03-31');
    expect(deadlineFrom('', '17:00')).toBeNull();
  });

  it('reads hours with a dot or a comma as whole minutes', () => {
    expect(minutesFromHours('1.5')).toBe(90);
    expect(minutesFromHours(' 1,25 ')).toBe(75);
    expect(minutesFromHours('')).toBeNull();
    expect(minutesFromHours('soon')).toBeNaN();
  });

  it('splits labels at commas and drops empty ones', () => {
    expect(labelsFrom('Permit, survey,, ')).toEqual(['Permit', 'survey']);
    expect(labelsFrom('')).toEqual([]);
  });
});
