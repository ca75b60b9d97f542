import { describe, expect, it } from 'vitest';
import { recipientsFor, type TaskPeople } from './notification.js';

const people: TaskPeople = { captainId: 10, collaboratorIds: [11, 12], createdById: 20, projectManagerIds: [20, 30], reviewRequired: true };
const ids = (list: { userId: number }[]) => list.map((recipient) => recipient.userId).sort((a, b) => a - b);

describe('who is told what', () => {
  it('tells a named captain and new collaborators, not the person naming them', () => {
    const recipients = recipientsFor({ type: 'assigned', captainId: 10, addedCollaboratorIds: [11, 20] }, people, 20);
    expect(recipients).toEqual([
      { userId: 10, kind: 'assigned', data: { role: 'captain' } },
      { userId: 11, kind: 'assigned', data: { role: 'collaborator' } },
    ]);
  });

  it('tells the reviewers when work is submitted, never the captain', () => {
    expect(ids(recipientsFor({ type: 'review_requested' }, people, 10))).toEqual([20, 30]);
    const captainManages = { ...people, projectManagerIds: [10, 30], createdById: 10 };
    expect(ids(recipientsFor({ type: 'review_requested' }, captainManages, 10))).toEqual([30]);
  });

  it('tells the captain the review decision with the feedback', () => {
    expect(recipientsFor({ type: 'reviewed', decision: 'request_changes', feedback: 'Use blue' }, people, 30)).toEqual([
      { userId: 10, kind: 'reviewed', data: { decision: 'request_changes', feedback: 'Use blue' } },
    ]);
  });

  it('tells managers and the person waited on when work stops', () => {
    const recipients = recipientsFor({ type: 'waiting', reason: 'Logo', waitingOnUserId: 40, waitingOnExternal: null }, people, 10);
    expect(ids(recipients)).toEqual([20, 30, 40]);
    expect(recipients.find((recipient) => recipient.userId === 40)?.data.onYou).toBe(true);
  });

  it('tells mentioned people once, and the captain and collaborators about comments, never the author', () => {
    const recipients = recipientsFor({ type: 'commented', commentId: 1, excerpt: 'hi', mentionedUserIds: [11, 30] }, people, 12);
    expect(recipients.map((recipient) => [recipient.userId, recipient.kind])).toEqual([
      [11, 'mentioned'],
      [30, 'mentioned'],
      [10, 'commented'],
    ]);
  });

  it('tells the captain about deadlines', () => {
    expect(ids(recipientsFor({ type: 'overdue' }, people, null))).toEqual([10]);
    expect(recipientsFor({ type: 'deadline_soon' }, { ...people, captainId: null }, null)).toEqual([]);
  });
});
