import { describe, expect, it } from 'vitest';
import type { Me } from '../../../shared/api.js';
import { deadlineState, formatDeadline, todayIn } from './deadline.js';
import { allowedMoves, isReviewer, taskParts } from './moves.js';
import { reorder } from './use-tasks.js';

function me(id: number, role: Me['role'] = 'member'): Me {
  return {
    user: { id, name: `User ${id}`, email: `u${id}@example.com`, locale: 'en', isInstanceAdmin: false },
    organization: {
      id: 1,
      name: 'Org',
      timeZone: 'Europe/Istanbul',
      currency: 'EUR',
      weekStart: 1,
      workingDays: [1, 2, 3, 4, 5],
      workdayStart: '09:00',
      workdayEnd: '17:00',
      digestTime: '07:30',
      createdAt: '',
    },
    role,
    organizations: [],
  };
}

const task = { captainId: 2, createdById: 1, collaboratorIds: [3] };
const actions = (
  status: Parameters<typeof allowedMoves>[0]['status'],
  who: Me,
  myRole: 'manager' | 'member' | 'admin' = 'member',
  reviewRequired = true,
) => allowedMoves({ status }, taskParts(task, who, { myRole, reviewRequired })).map((move) => move.action);

describe('allowedMoves', () => {
  it('lets the captain start, wait, resume and submit, but not approve their own work', () => {
    expect(actions('planned', me(2))).toEqual(['start']);
    expect(actions('in_progress', me(2))).toEqual(['wait', 'submit']);
    expect(actions('waiting', me(2))).toEqual(['resume']);
    expect(actions('review', me(2))).toEqual([]);
  });

  it('lets a project manager review, cancel and reopen, but not submit for the captain', () => {
    expect(actions('review', me(1), 'manager')).toEqual(['approve', 'request_changes', 'cancel']);
    expect(actions('in_progress', me(4), 'manager')).toEqual(['wait', 'cancel']);
    expect(actions('done', me(4), 'manager')).toEqual(['reopen']);
    expect(actions('cancelled', me(4), 'manager')).toEqual(['restore']);
  });

  it('treats organization admins as managers of every project', () => {
    expect(actions('done', me(9, 'admin'), 'admin')).toEqual(['reopen']);
  });

  it('lets the creator who is not the captain review; collaborators get nothing', () => {
    expect(actions('review', me(1))).toEqual(['approve', 'request_changes']);
    expect(actions('in_progress', me(3))).toEqual([]);
  });

  it('offers closing directly only when the project does not require review', () => {
    expect(actions('in_progress', me(2), 'member', false)).toEqual(['wait', 'submit', 'complete']);
    expect(isReviewer({ isCaptain: true, isManager: true, isCreator: false, reviewRequired: true })).toBe(false);
    expect(isReviewer({ isCaptain: true, isManager: true, isCreator: false, reviewRequired: false })).toBe(true);
  });
});

describe('reorder', () => {
  const items = [{ id: 1 }, { id: 2 }, { id: 3 }];
  it('moves before or after a target and leaves the list alone for unknown ids', () => {
    expect(reorder(items, { id: 3, list: 'queue', beforeId: 1 }).map((item) => item.id)).toEqual([3, 1, 2]);
    expect(reorder(items, { id: 1, list: 'queue', afterId: 3 }).map((item) => item.id)).toEqual([2, 3, 1]);
    expect(reorder(items, { id: 9, list: 'queue', afterId: 3 }).map((item) => item.id)).toEqual([1, 2, 3]);
  });
});

describe('deadlines', () => {
  const now = new Date('2026-03-31T20:30:00Z'); // 23:30 in Istanbul
  const open = { status: 'in_progress' as const, isOverdue: false };
  it('reads today in the organization’s time zone', () => {
    expect(todayIn('Europe/Istanbul', now)).toBe('2026-03-31');
    expect(todayIn('America/New_York', now)).toBe('2026-03-31');
    expect(todayIn('Asia/Tokyo', now)).toBe('2026-04-01');
  });

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

  it('formats the wall-clock deadline as written, without shifting it', () => {
    expect(formatDeadline('2026-03-31T17:00', 'en-GB')).toBe('31 Mar 2026, 17:00');
    expect(formatDeadline('2026-03-31', 'tr')).toBe('31 Mar 2026');
  });
});
