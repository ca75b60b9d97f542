import { describe, expect, it } from 'vitest';
import { CreateTimeEntryBodySchema } from '../../../shared/time.js';
import { ValidationError } from '../../errors.js';
import { assertFitsDay, assertNotFuture, clampToDay, defaultBillable, entryChanges, timerSpan } from './time-entry.js';

function validationOf(fn: () => void): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('durations as people type them', () => {
  const parse = (duration: unknown) => CreateTimeEntryBodySchema.safeParse({ taskId: 1, date: '2026-03-02', duration });

  it('reads 1:30, 1.5h and 90m as 90 minutes', () => {
    for (const text of ['1:30', '1.5h', '90m', '1h 30m', '1,5h']) expect(parse(text).data?.duration).toBe(90);
    expect(parse(45).data?.duration).toBe(45);
  });

  it('refuses text that is no duration, zero and more than a day', () => {
    for (const value of ['abc', '0', '25h', '', 1.5]) expect(parse(value).success).toBe(false);
  });
});

describe('assertNotFuture', () => {
  it('accepts today and earlier, refuses later dates on /date', () => {
    expect(() => assertNotFuture('2026-03-02', '2026-03-02')).not.toThrow();
    expect(() => assertNotFuture('2025-12-31', '2026-03-02')).not.toThrow();
    expect(validationOf(() => assertNotFuture('2026-03-03', '2026-03-02')).errors[0]).toMatchObject({ pointer: '/date' });
  });
});

describe('assertFitsDay', () => {
  it('allows exactly 24 hours and says how much is left when over', () => {
    expect(() => assertFitsDay(1380, 60, '2026-03-02')).not.toThrow();
    const error = validationOf(() => assertFitsDay(1350, 120, '2026-03-02')).errors[0]!;
    expect(error.pointer).toBe('/duration');
    expect(error.detail).toContain('1:30');
    expect(validationOf(() => assertFitsDay(1440, 1, '2026-03-02', '/date')).errors[0]).toMatchObject({ pointer: '/date' });
  });
});

describe('timerSpan and clampToDay', () => {
  it('records the local start and rounded minutes, at least one', () => {
    const start = new Date('2026-03-02T06:59:40Z');
    expect(timerSpan(start, new Date(start.getTime() + 89.6 * 60_000), 'Europe/Istanbul')).toEqual({
      date: '2026-03-02',
      startTime: '09:59',
      minutes: 90,
    });
    expect(timerSpan(start, new Date(start.getTime() + 5_000), 'UTC').minutes).toBe(1);
  });

  it('keeps a timer that ran past midnight on the day it started', () => {
    const start = new Date('2026-03-02T23:00:00Z');
    expect(timerSpan(start, new Date('2026-03-03T01:00:00Z'), 'UTC')).toMatchObject({ date: '2026-03-02', minutes: 120 });
  });

  it('cuts to what fits the day, 0 when nothing does', () => {
    expect(clampToDay(120, 600)).toBe(120);
    expect(clampToDay(120, 1400)).toBe(40);
    expect(clampToDay(120, 1440)).toBe(0);
  });
});

describe('defaultBillable', () => {
  it('follows the project, and a non-billable activity makes time non-billable', () => {
    expect(defaultBillable(true, null)).toBe(true);
    expect(defaultBillable(true, { billable: true })).toBe(true);
    expect(defaultBillable(true, { billable: false })).toBe(false);
    expect(defaultBillable(false, { billable: true })).toBe(false);
  });
});

describe('entryChanges', () => {
  it('lists each changed field with from and to', () => {
    const before = { taskId: 1, date: '2026-03-02', minutes: 60, startTime: null, activityTypeId: 3, billable: true, note: 'a' };
    expect(entryChanges(before, { ...before })).toEqual({});
    expect(entryChanges(before, { ...before, minutes: 90, note: 'b', startTime: '09:00' })).toEqual({
      minutes: { from: 60, to: 90 },
      note: { from: 'a', to: 'b' },
      startTime: { from: null, to: '09:00' },
    });
  });
});
