import { describe, expect, it } from 'vitest';
import { CLOSED_STATUSES, isOpen, OPEN_STATUSES, TASK_STATUSES, TRANSITIONS } from './workflow.js';

describe('the workflow table', () => {
  it('lets every open status be cancelled and nothing leave done but a reopen', () => {
    for (const from of ['planned', 'in_progress', 'waiting', 'review'] as const) {
      expect(TRANSITIONS.some((t) => t.from === from && t.to === 'cancelled')).toBe(true);
    }
    expect(TRANSITIONS.filter((t) => t.from === 'done').map((t) => t.to)).toEqual(['in_progress']);
    expect(TRANSITIONS.filter((t) => t.from === 'cancelled').map((t) => t.to)).toEqual(['planned']);
  });
});

describe('open and closed statuses', () => {
  it('calls done and cancelled closed and every other status open', () => {
    expect(TASK_STATUSES.filter(isOpen)).toEqual(['planned', 'in_progress', 'waiting', 'review']);
    expect(TASK_STATUSES.filter((status) => !isOpen(status))).toEqual(['done', 'cancelled']);
    expect([...OPEN_STATUSES, ...CLOSED_STATUSES].sort()).toEqual([...TASK_STATUSES].sort());
  });
});
