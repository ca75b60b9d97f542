import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, InvalidTransitionError, ValidationError } from '../../errors.js';
import { applyTransition, assertOpen, type TransitionContext, type WorkflowState } from './task.js';

const now = new Date('2026-11-21T10:00:00Z');
const task = (overrides: Partial<WorkflowState> = {}): WorkflowState => ({
  status: 'planned',
  captainId: 7,
  deadline: '2026-12-01',
  reason: null,
  waitingOn: null,
  waitingSince: null,
  feedback: null,
  statusChangedAt: new Date('2026-11-01T00:00:00Z'),
  closedAt: null,
  ...overrides,
});
const captain: TransitionContext = { isCaptain: true, isManager: false, isCreator: false, reviewRequired: true, openBlockers: [] };
const manager: TransitionContext = { isCaptain: false, isManager: true, isCreator: false, reviewRequired: true, openBlockers: [] };
const bystander: TransitionContext = { isCaptain: false, isManager: false, isCreator: false, reviewRequired: true, openBlockers: [] };

describe('applying a status transition', () => {
  it('starts a workable task for the captain and stamps the change', () => {
    const { next, event } = applyTransition(task(), 'in_progress', 'status', captain, {}, now);
    expect(next).toMatchObject({ status: 'in_progress', statusChangedAt: now, closedAt: null });
    expect(event).toEqual({ from: 'planned', to: 'in_progress', action: 'start' });
  });

  it('refuses a start without captain and deadline, naming both', () => {
    try {
      applyTransition(task({ captainId: null, deadline: null }), 'in_progress', 'status', manager, {}, now);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).errors?.map((e) => e.pointer)).toEqual(['/captainId', '/deadline']);
    }
  });

  it('refuses a start while a blocker is open', () => {
    const blocked = { ...captain, openBlockers: [{ id: 3, reference: 'WEB-3' }] };
    expect(() => applyTransition(task(), 'in_progress', 'status', blocked, {}, now)).toThrow(/WEB-3/);
  });

  it('records why and on whom a task waits, and how long when it resumes', () => {
    const waiting = applyTransition(
      task({ status: 'in_progress' }),
      'waiting',
      'status',
      captain,
      { reason: 'Logo files', waitingOn: { external: 'Client' } },
      now,
    );
    expect(waiting.next).toMatchObject({ reason: 'Logo files', waitingOn: { external: 'Client' }, waitingSince: now });
    const later = new Date(now.getTime() + 3 * 3600_000);
    const resumed = applyTransition(waiting.next, 'in_progress', 'status', captain, {}, later);
    expect(resumed.next).toMatchObject({ reason: null, waitingOn: null, waitingSince: null });
    expect(resumed.event.waitedMinutes).toBe(180);
  });

  it('requires what must be said: waiting reason and party, feedback, reasons', () => {
    expect(() => applyTransition(task({ status: 'in_progress' }), 'waiting', 'status', captain, { reason: 'x' }, now)).toThrow(
      ValidationError,
    );
    expect(() => applyTransition(task({ status: 'review' }), 'in_progress', 'review', manager, {}, now)).toThrow(ValidationError);
    expect(() => applyTransition(task({ status: 'done' }), 'in_progress', 'status', manager, { reason: '  ' }, now)).toThrow(
      ValidationError,
    );
  });

  it('keeps review out of the captain’s hands while the project requires it', () => {
    expect(() => applyTransition(task({ status: 'review' }), 'done', 'review', { ...manager, isCaptain: true }, {}, now)).toThrow(
      ForbiddenError,
    );
    const approved = applyTransition(
      task({ status: 'review' }),
      'done',
      'review',
      { ...manager, isCaptain: true, reviewRequired: false },
      {},
      now,
    );
    expect(approved.next.status).toBe('done');
  });

  it('refuses closing without review on a project that requires it, for everyone', () => {
    expect(() => applyTransition(task({ status: 'in_progress' }), 'done', 'status', manager, {}, now)).toThrow(InvalidTransitionError);
  });

  it('tells apart a forbidden transition (workflow) from a forbidden mover (person)', () => {
    expect(() => applyTransition(task(), 'review', 'status', captain, {}, now)).toThrow(InvalidTransitionError);
    expect(() => applyTransition(task(), 'in_progress', 'status', bystander, {}, now)).toThrow(ForbiddenError);
    expect(() => applyTransition(task({ status: 'in_progress' }), 'review', 'status', manager, {}, now)).toThrow(ForbiddenError);
    expect(() => applyTransition(task({ status: 'review' }), 'done', 'status', manager, {}, now)).toThrow(/through its review/);
  });

  it('closes with a timestamp and clears it on reopen', () => {
    const closed = applyTransition(task({ status: 'in_progress' }), 'done', 'status', { ...captain, reviewRequired: false }, {}, now);
    expect(closed.next.closedAt).toEqual(now);
    const reopened = applyTransition(closed.next, 'in_progress', 'status', manager, { reason: 'Broken link' }, now);
    expect(reopened.next).toMatchObject({ closedAt: null, reason: 'Broken link' });
  });

  it('treats done and cancelled as read-only', () => {
    expect(() => assertOpen('done')).toThrow(ConflictError);
    expect(() => assertOpen('cancelled')).toThrow(ConflictError);
    expect(() => assertOpen('waiting')).not.toThrow();
  });
});
