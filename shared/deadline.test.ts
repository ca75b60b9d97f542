import { describe, expect, it } from 'vitest';
import { deadlineInstant, deadlineState, isOverdue, localDateTime, todayIn, zonedToUtc } from './deadline.js';

describe('deadlines in the organization’s time zone', () => {
  it('turns a local time into UTC', () => {
    expect(zonedToUtc('2026-03-31', '17:00', 'Europe/Istanbul').toISOString()).toBe('2026-03-31T14:00:00.000Z');
    expect(zonedToUtc('2026-07-01', '09:30', 'America/New_York').toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(zonedToUtc('2026-01-15', '09:30', 'America/New_York').toISOString()).toBe('2026-01-15T14:30:00.000Z');
  });

  it('lets a date-only deadline pass at the end of that local day', () => {
    expect(deadlineInstant('2026-03-31', 'Europe/Istanbul').toISOString()).toBe('2026-03-31T21:00:00.000Z');
    expect(deadlineInstant('2026-12-31', 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('handles the day clocks go forward', () => {
    // Berlin skips 02:00–03:00 on 2026-03-29: the day is 23 hours long.
    expect(deadlineInstant('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(deadlineInstant('2026-03-28', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('tells the local date of an instant', () => {
    expect(todayIn('Europe/Istanbul', new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(todayIn('UTC', new Date('2026-03-31T22:30:00Z'))).toBe('2026-03-31');
  });
});

describe('localDateTime', () => {
  it('gives the wall-clock date and time in the zone, across midnight', () => {
    const instant = new Date('2026-03-01T22:30:00Z');
    expect(localDateTime(instant, 'UTC')).toEqual({ date: '2026-03-01', time: '22:30' });
    expect(localDateTime(instant, 'Europe/Istanbul')).toEqual({ date: '2026-03-02', time: '01:30' });
    expect(localDateTime(instant, 'America/New_York')).toEqual({ date: '2026-03-01', time: '17:30' });
  });
});

describe('today', () => {
  const now = new Date('2026-03-31T20:30:00Z'); // 23:30 in Istanbul
  it('reads today in the organization’s time zone', () => {
    expect(todayIn('Europe/Istanbul', now)).toBe('2026-03-31');
    expect(todayIn('America/New_York', now)).toBe('2026-03-31');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-04-01');
  });

  it('falls back to the runtime’s own zone when the zone is unknown', () => {
    const own = now.toLocaleDateString('en-CA');
    expect(todayIn(undefined, now)).toBe(own);
    expect(todayIn('Not/A_Zone', now)).toBe(own);
  });
});

describe('deadline state', () => {
  const now = new Date('2026-03-31T20:30:00Z'); // 23:30 in Istanbul
  const open = { status: 'in_progress' as const, isOverdue: false };

  it('marks overdue by the instant and due today by the local date; closed tasks are neither', () => {
    expect(deadlineState({ ...open, deadline: '2026-03-31T17:00', deadlineAt: '2026-03-31T14:00:00Z' }, 'Europe/Istanbul', now)).toBe(
      'overdue',
    );
    expect(deadlineState({ ...open, deadline: '2026-03-31', deadlineAt: '2026-03-31T21:00:00Z' }, 'Europe/Istanbul', now)).toBe('today');
    expect(deadlineState({ ...open, deadline: '2026-04-02', deadlineAt: '2026-04-02T21:00:00Z' }, 'Europe/Istanbul', now)).toBe('upcoming');
    expect(
      deadlineState({ ...open, status: 'done', deadline: '2026-03-01', deadlineAt: '2026-03-01T21:00:00Z' }, 'Europe/Istanbul', now),
    ).toBe('none');
  });

  it('makes a deadline at 09:00 today overdue at 10:00, even before the server says so', () => {
    const at10 = new Date('2026-03-31T07:00:00Z'); // 10:00 in Istanbul
    const task = { ...open, deadline: '2026-03-31T09:00', deadlineAt: '2026-03-31T06:00:00Z' };
    expect(deadlineState(task, 'Europe/Istanbul', at10)).toBe('overdue');
    expect(deadlineState(task, 'Europe/Istanbul', new Date('2026-03-31T05:00:00Z'))).toBe('today');
  });

  it('trusts the server’s overdue flag for an open task', () => {
    expect(
      deadlineState({ ...open, isOverdue: true, deadline: '2026-04-02', deadlineAt: '2026-04-02T21:00:00Z' }, 'Europe/Istanbul', now),
    ).toBe('overdue');
  });

  it('calls done and cancelled tasks none, whatever their deadline', () => {
    for (const status of ['done', 'cancelled'] as const) {
      expect(deadlineState({ status, isOverdue: false, deadline: '2026-03-31', deadlineAt: '2026-03-31T21:00:00Z' }, 'UTC', now)).toBe(
        'none',
      );
      expect(deadlineState({ status, isOverdue: true, deadline: '2026-03-01', deadlineAt: '2026-03-01T21:00:00Z' }, 'UTC', now)).toBe(
        'none',
      );
    }
  });

  it('calls a task without a deadline none', () => {
    expect(deadlineState({ ...open, deadline: null, deadlineAt: null }, 'UTC', now)).toBe('none');
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-03-31T12:00:00Z');
  it('is true from the deadline’s instant on, for open tasks only', () => {
    expect(isOverdue({ status: 'waiting', deadlineAt: new Date('2026-03-31T12:00:00Z') }, now)).toBe(true);
    expect(isOverdue({ status: 'waiting', deadlineAt: '2026-03-31T12:00:01Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'review', deadlineAt: '2026-03-30T00:00:00Z' }, now)).toBe(true);
    expect(isOverdue({ status: 'done', deadlineAt: '2026-03-30T00:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ status: 'cancelled', deadlineAt: new Date('2026-03-30T00:00:00Z') }, now)).toBe(false);
    expect(isOverdue({ status: 'planned', deadlineAt: null }, now)).toBe(false);
  });
});
