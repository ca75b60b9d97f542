import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationError } from '../../errors.js';
import { assertCanDecide, canEditWeek, entryChangeRule } from './time.policy.js';
import { assertSubmittableWeek, assertSubmitted, dailyCapacities, decisionComment, isLocked, submission } from './timesheet.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConflictError || error instanceof ForbiddenError || error instanceof ValidationError) return error.code;
    throw error;
  }
  return 'none';
}

describe('dailyCapacities', () => {
  it('spreads the week over the working days, 0 on the others', () => {
    const days = dailyCapacities('2026-03-02', 2400, [1, 2, 3, 4, 5]);
    expect(days.map((day) => day.capacityMinutes)).toEqual([480, 480, 480, 480, 480, 0, 0]);
    expect(days.map((day) => day.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
    ]);
  });

  it('gives the remainder of an uneven split to the earliest weekdays (Monday first), as reports do, summing exactly to the week', () => {
    const days = dailyCapacities('2026-03-01', 1000, [7, 1, 2]);
    expect(days.map((day) => day.capacityMinutes)).toEqual([333, 334, 333, 0, 0, 0, 0]);
    expect(days.reduce((sum, day) => sum + day.capacityMinutes, 0)).toBe(1000);
  });

  it('has no capacity without working days', () => {
    expect(dailyCapacities('2026-03-02', 2400, []).every((day) => day.capacityMinutes === 0)).toBe(true);
  });
});

describe('week status rules', () => {
  it('locks submitted and approved weeks', () => {
    expect([isLocked('open'), isLocked('rejected'), isLocked('submitted'), isLocked('approved')]).toEqual([false, false, true, true]);
  });

  it('submits open and rejected weeks, answers a submitted one unchanged, refuses an approved one', () => {
    expect(submission('open', '2026-03-02')).toBe('submit');
    expect(submission('rejected', '2026-03-02')).toBe('submit');
    expect(submission('submitted', '2026-03-02')).toBe('unchanged');
    expect(codeOf(() => submission('approved', '2026-03-02'))).toBe('timesheet_locked');
  });

  it('submits only a week start that is not ahead', () => {
    expect(codeOf(() => assertSubmittableWeek('2026-03-02', 1, '2026-03-04'))).toBe('none');
    expect(codeOf(() => assertSubmittableWeek('2026-03-03', 1, '2026-03-04'))).toBe('validation_failed');
    expect(codeOf(() => assertSubmittableWeek('2026-03-01', 7, '2026-03-04'))).toBe('none');
    expect(codeOf(() => assertSubmittableWeek('2026-03-09', 1, '2026-03-04'))).toBe('validation_failed');
  });

  it('decides and withdraws only submitted weeks', () => {
    expect(codeOf(() => assertSubmitted('submitted', '2026-03-02'))).toBe('none');
    for (const status of ['open', 'approved', 'rejected'] as const)
      expect(codeOf(() => assertSubmitted(status, '2026-03-02'))).toBe('timesheet_not_submitted');
  });

  it('needs a comment to reject, not to approve', () => {
    expect(codeOf(() => decisionComment('reject', '  '))).toBe('validation_failed');
    expect(decisionComment('reject', ' Split the meeting ')).toBe('Split the meeting');
    expect(decisionComment('approve', undefined)).toBeNull();
    expect(decisionComment('approve', 'Thanks')).toBe('Thanks');
  });
});

describe('entryChangeRule', () => {
  const own = { isOwn: true, isAdmin: false, managesProject: false };
  const manager = { isOwn: false, isAdmin: false, managesProject: true };
  const admin = { isOwn: false, isAdmin: true, managesProject: true };
  const stranger = { isOwn: false, isAdmin: false, managesProject: false };

  it('lets the person change open and rejected weeks without history', () => {
    expect(entryChangeRule(own, '2026-03-02', 'open')).toEqual({ recordHistory: false, reasonRequired: false });
    expect(entryChangeRule(own, '2026-03-02', 'rejected')).toEqual({ recordHistory: false, reasonRequired: false });
    expect(codeOf(() => entryChangeRule(own, '2026-03-02', 'submitted'))).toBe('timesheet_locked');
    expect(codeOf(() => entryChangeRule(own, '2026-03-02', 'approved'))).toBe('timesheet_locked');
  });

  it('lets managers correct others until approval, recorded in history', () => {
    for (const status of ['open', 'submitted', 'rejected'] as const) {
      expect(entryChangeRule(manager, '2026-03-02', status)).toEqual({ recordHistory: true, reasonRequired: false });
    }
    expect(codeOf(() => entryChangeRule(manager, '2026-03-02', 'approved'))).toBe('timesheet_locked');
  });

  it('lets admins change approved weeks with a reason, their own too', () => {
    expect(entryChangeRule(admin, '2026-03-02', 'approved')).toEqual({ recordHistory: true, reasonRequired: true });
    expect(entryChangeRule({ ...admin, isOwn: true }, '2026-03-02', 'approved')).toEqual({ recordHistory: true, reasonRequired: true });
    expect(codeOf(() => entryChangeRule({ ...admin, isOwn: true }, '2026-03-02', 'submitted'))).toBe('timesheet_locked');
  });

  it('forbids everyone else', () => {
    for (const status of ['open', 'submitted', 'approved'] as const)
      expect(codeOf(() => entryChangeRule(stranger, '2026-03-02', status))).toBe('forbidden');
  });
});

describe('approvers', () => {
  it('are admins for any week, managers with time in it for others’ weeks only', () => {
    expect(codeOf(() => assertCanDecide({ isAdmin: true, isOwnWeek: true, managesProjectInWeek: true }))).toBe('none');
    expect(codeOf(() => assertCanDecide({ isAdmin: false, isOwnWeek: false, managesProjectInWeek: true }))).toBe('none');
    expect(codeOf(() => assertCanDecide({ isAdmin: false, isOwnWeek: true, managesProjectInWeek: true }))).toBe('forbidden');
    expect(codeOf(() => assertCanDecide({ isAdmin: false, isOwnWeek: false, managesProjectInWeek: false }))).toBe('forbidden');
  });
});

describe('canEditWeek', () => {
  it('opens the person’s own open weeks, others’ weeks to their managers until approval and to admins', () => {
    expect(canEditWeek({ isOwn: true, isAdmin: false, managesAny: false }, 'rejected')).toBe(true);
    expect(canEditWeek({ isOwn: true, isAdmin: true, managesAny: true }, 'submitted')).toBe(false);
    expect(canEditWeek({ isOwn: false, isAdmin: false, managesAny: true }, 'submitted')).toBe(true);
    expect(canEditWeek({ isOwn: false, isAdmin: false, managesAny: true }, 'approved')).toBe(false);
    expect(canEditWeek({ isOwn: false, isAdmin: true, managesAny: true }, 'approved')).toBe(true);
  });
});
