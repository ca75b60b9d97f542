import { describe, expect, it } from 'vitest';
import { deadlineInstant, localDate, localDateTime, zonedToUtc } from './deadline.js';

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
    expect(localDate(new Date('2026-03-31T22:30:00Z'), 'Europe/Istanbul')).toBe('2026-04-01');
    expect(localDate(new Date('2026-03-31T22:30:00Z'), 'UTC')).toBe('2026-03-31');
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
