import { describe, expect, it } from 'vitest';
import { entryAccess, weekLock } from './entry-access.js';
import { formatLocalDate } from './format.js';

const member = { userId: 1, isAdmin: false, managesProject: false };
const manager = { userId: 2, isAdmin: false, managesProject: true };
const admin = { userId: 3, isAdmin: true, managesProject: true };

describe('who may change a time entry', () => {
  it('lets people change their own entries while the week is open or rejected', () => {
    expect(entryAccess({ userId: 1, weekStatus: 'open' }, member)).toEqual({ canChange: true, asksReason: false, reasonRequired: false });
    expect(entryAccess({ userId: 1, weekStatus: 'rejected' }, member)).toEqual({
      canChange: true,
      asksReason: false,
      reasonRequired: false,
    });
  });

  it('keeps submitted and approved weeks read-only for their owner', () => {
    expect(entryAccess({ userId: 1, weekStatus: 'submitted' }, member).canChange).toBe(false);
    expect(entryAccess({ userId: 1, weekStatus: 'approved' }, member).canChange).toBe(false);
  });

  it('does not offer a member the entries of others', () => {
    expect(entryAccess({ userId: 9, weekStatus: 'open' }, member).canChange).toBe(false);
  });

  it('lets a project manager correct someone else’s entry until the week is approved, offering a reason', () => {
    const correction = { canChange: true, asksReason: true, reasonRequired: false };
    expect(entryAccess({ userId: 1, weekStatus: 'open' }, manager)).toEqual(correction);
    expect(entryAccess({ userId: 1, weekStatus: 'submitted' }, manager)).toEqual(correction);
    expect(entryAccess({ userId: 1, weekStatus: 'approved' }, manager).canChange).toBe(false);
  });

  it('keeps a manager’s own submitted week read-only like anyone’s', () => {
    expect(entryAccess({ userId: 2, weekStatus: 'submitted' }, manager).canChange).toBe(false);
    expect(entryAccess({ userId: 3, weekStatus: 'submitted' }, admin).canChange).toBe(false);
  });

  it('lets only admins correct an approved week, and requires a reason', () => {
    const approved = { canChange: true, asksReason: true, reasonRequired: true };
    expect(entryAccess({ userId: 1, weekStatus: 'approved' }, admin)).toEqual(approved);
    expect(entryAccess({ userId: 3, weekStatus: 'approved' }, admin)).toEqual(approved);
  });

  it('marks submitted and approved weeks as locked', () => {
    expect(weekLock('open')).toBeNull();
    expect(weekLock('rejected')).toBeNull();
    expect(weekLock('submitted')).toBe('submitted');
    expect(weekLock('approved')).toBe('approved');
  });
});

describe('entry dates', () => {
  it('shows the calendar date itself whatever the time zone', () => {
    expect(formatLocalDate('2026-03-31', 'en-GB')).toBe('Tue, 31 Mar 2026');
    expect(formatLocalDate('2026-03-31', 'tr')).toBe('31 Mar 2026 Sal');
  });

  it('leaves out the year of the current year', () => {
    expect(formatLocalDate('2026-03-31', 'en-GB', '2026')).toBe('Tue 31 Mar');
    expect(formatLocalDate('2025-12-31', 'en-GB', '2026')).toBe('Wed, 31 Dec 2025');
  });
});
