import { describe, expect, it } from 'vitest';
import type { Me } from '../../../shared/api.js';
import { allowedTransitions } from '../../../shared/task-rules.js';
import { deadlineState, formatDeadline, todayIn } from './deadline.js';
import { taskParts } from './task-parts.js';

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

describe('taskParts', () => {
  it('reads the person’s part in the task from its captain, creator and collaborators', () => {
    expect(taskParts(task, me(2), { myRole: 'member', reviewRequired: true })).toEqual({
      isCaptain: true,
      isManager: false,
      isCreator: false,
      isCollaborator: false,
      reviewRequired: true,
    });
    expect(taskParts(task, me(1), { myRole: 'manager', reviewRequired: false })).toMatchObject({ isCreator: true, isManager: true });
    expect(taskParts(task, me(3), { myRole: 'member', reviewRequired: true })).toMatchObject({ isCollaborator: true, isManager: false });
  });

  it('treats organization admins as managers of every project', () => {
    const actions = allowedTransitions('done', taskParts(task, me(9, 'admin'), { myRole: 'admin', reviewRequired: true })).map(
      (transition) => transition.action,
    );
    expect(actions).toEqual(['reopen']);
    expect(taskParts(task, me(9, 'owner'), undefined).isManager).toBe(true);
  });

  it('assumes review is required and counts only the organization role until the project is loaded', () => {
    expect(taskParts(task, me(4), undefined)).toMatchObject({ isManager: false, reviewRequired: true });
    expect(taskParts(task, me(4, 'manager'), null).isManager).toBe(false);
  });

  it('never makes a client a manager', () => {
    expect(taskParts(task, me(5, 'client'), { myRole: 'manager', reviewRequired: true }).isManager).toBe(false);
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
