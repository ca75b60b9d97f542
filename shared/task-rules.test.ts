import { describe, expect, it } from 'vitest';
import { allowedTransitions, canAssign, canMakeTransition, canReorderQueue, canWork, isReviewer, type TaskParts } from './task-rules.js';
import { findTransition, type TaskStatus } from './workflow.js';

const nobody: TaskParts = { isCaptain: false, isManager: false, isCreator: false, isCollaborator: false, reviewRequired: true };
const captain: TaskParts = { ...nobody, isCaptain: true };
const manager: TaskParts = { ...nobody, isManager: true };
const creator: TaskParts = { ...nobody, isCreator: true };
const collaborator: TaskParts = { ...nobody, isCollaborator: true };

const actions = (status: TaskStatus, parts: TaskParts) => allowedTransitions(status, parts).map((transition) => transition.action);

describe('allowedTransitions', () => {
  it('lets the captain start, wait, resume and submit, but not approve their own work', () => {
    expect(actions('planned', captain)).toEqual(['start']);
    expect(actions('in_progress', captain)).toEqual(['wait', 'submit']);
    expect(actions('waiting', captain)).toEqual(['resume']);
    expect(actions('review', captain)).toEqual([]);
  });

  it('lets a project manager review, cancel and reopen, but not submit for the captain', () => {
    expect(actions('review', { ...manager, isCreator: true })).toEqual(['approve', 'request_changes', 'cancel']);
    expect(actions('in_progress', manager)).toEqual(['wait', 'cancel']);
    expect(actions('done', manager)).toEqual(['reopen']);
    expect(actions('cancelled', manager)).toEqual(['restore']);
  });

  it('lets the creator who is not the captain review; collaborators get nothing', () => {
    expect(actions('review', creator)).toEqual(['approve', 'request_changes']);
    expect(actions('in_progress', collaborator)).toEqual([]);
  });

  it('offers closing directly only when the project does not require review', () => {
    expect(actions('in_progress', { ...captain, reviewRequired: false })).toEqual(['wait', 'submit', 'complete']);
    expect(actions('in_progress', { ...manager, reviewRequired: false })).toEqual(['wait', 'complete', 'cancel']);
  });

  it('gives a captain who also manages the project both hands, except their own review while it is required', () => {
    const both = { ...captain, isManager: true };
    expect(actions('in_progress', both)).toEqual(['wait', 'submit', 'cancel']);
    expect(actions('review', both)).toEqual(['cancel']);
    expect(actions('review', { ...both, reviewRequired: false })).toEqual(['approve', 'request_changes', 'cancel']);
  });
});

describe('isReviewer', () => {
  it('keeps review out of the captain’s hands while the project requires it', () => {
    expect(isReviewer({ ...manager, isCaptain: true })).toBe(false);
    expect(isReviewer(creator)).toBe(true);
    expect(isReviewer({ ...creator, isCaptain: true })).toBe(false);
    expect(isReviewer({ ...manager, isCaptain: true, reviewRequired: false })).toBe(true);
    expect(isReviewer({ isCaptain: true, isManager: true, isCreator: false, reviewRequired: true })).toBe(false);
    expect(isReviewer({ isCaptain: true, isManager: true, isCreator: false, reviewRequired: false })).toBe(true);
  });

  it('never makes a collaborator or a bystander a reviewer', () => {
    expect(isReviewer(collaborator)).toBe(false);
    expect(isReviewer(nobody)).toBe(false);
  });
});

describe('canMakeTransition', () => {
  it('asks whether the person plays one of the transition’s movers', () => {
    const submit = findTransition('in_progress', 'review', 'status')!;
    const approve = findTransition('review', 'done', 'review')!;
    expect(canMakeTransition(submit, captain)).toBe(true);
    expect(canMakeTransition(submit, manager)).toBe(false);
    expect(canMakeTransition(approve, creator)).toBe(true);
    expect(canMakeTransition(approve, collaborator)).toBe(false);
  });
});

describe('working on a task', () => {
  it('lets the captain, collaborators, the creator and managers work on it; nobody else', () => {
    expect([captain, collaborator, creator, manager].map(canWork)).toEqual([true, true, true, true]);
    expect(canWork(nobody)).toBe(false);
  });

  it('lets managers and the creator name the captain and collaborators, not the captain alone', () => {
    expect(canAssign(manager)).toBe(true);
    expect(canAssign(creator)).toBe(true);
    expect(canAssign(captain)).toBe(false);
    expect(canAssign(collaborator)).toBe(false);
  });

  it('lets the captain and managers reorder the captain’s queue', () => {
    expect(canReorderQueue(captain)).toBe(true);
    expect(canReorderQueue(manager)).toBe(true);
    expect(canReorderQueue(creator)).toBe(false);
    expect(canReorderQueue(collaborator)).toBe(false);
  });
});
