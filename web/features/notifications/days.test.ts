import { describe, expect, it } from 'vitest';
import { dayKey, groupByDay, nameDay, previousDay } from './days.js';

describe('notification days', () => {
  it('reads the calendar day in the organization time zone', () => {
    const lateEvening = new Date('2025-03-10T22:30:00Z');
    expect(dayKey(lateEvening, 'Europe/Istanbul')).toBe('2025-03-11');
    expect(dayKey(lateEvening, 'America/New_York')).toBe('2025-03-10');
  });

  it('steps back across month and year ends', () => {
    expect(previousDay('2025-03-01')).toBe('2025-02-28');
    expect(previousDay('2025-01-01')).toBe('2024-12-31');
  });

  it('groups newest-first items into runs of the same day', () => {
    const items = [
      { id: 3, createdAt: '2025-03-11T08:00:00Z' },
      { id: 2, createdAt: '2025-03-10T22:30:00Z' },
      { id: 1, createdAt: '2025-03-10T09:00:00Z' },
    ];
    expect(groupByDay(items, 'Europe/Istanbul').map((group) => [group.key, group.items.map((item) => item.id)])).toEqual([
      ['2025-03-11', [3, 2]],
      ['2025-03-10', [1]],
    ]);
  });

  it('names today and yesterday, and other days by date', () => {
    const now = new Date('2025-03-11T06:00:00Z');
    expect(nameDay('2025-03-11', now, 'Europe/Istanbul')).toEqual({ kind: 'today' });
    expect(nameDay('2025-03-10', now, 'Europe/Istanbul')).toEqual({ kind: 'yesterday' });
    expect(nameDay('2025-03-01', now, 'Europe/Istanbul')).toEqual({ kind: 'date', sameYear: true });
    expect(nameDay('2024-12-30', now, 'Europe/Istanbul')).toEqual({ kind: 'date', sameYear: false });
  });
});
