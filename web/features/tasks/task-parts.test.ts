import { describe, expect, it } from 'vitest';
import type { Me } from '../../../shared/api.js';
import { allowedTransitions } from '../../../shared/task-rules.js';
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
