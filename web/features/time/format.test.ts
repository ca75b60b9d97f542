import { describe, expect, it } from 'vitest';
import { elapsedSeconds, formatElapsed, trackedSummary } from './format.js';

describe('running timer clock', () => {
  it('counts whole seconds from the server start time', () => {
    const startedAt = '2026-03-31T09:00:00.000Z';
    expect(elapsedSeconds(startedAt, Date.parse('2026-03-31T09:12:34.900Z'))).toBe(754);
  });

  it('shows 0 when the device clock is behind the server', () => {
    expect(elapsedSeconds('2026-03-31T09:00:05.000Z', Date.parse('2026-03-31T09:00:00.000Z'))).toBe(0);
  });

  it('formats as h:mm:ss, hours unbounded', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(754)).toBe('0:12:34');
    expect(formatElapsed(3600 * 26 + 61)).toBe('26:01:01');
  });
});

describe('tracked against estimate', () => {
  it('is nothing when neither is set', () => {
    expect(trackedSummary(0, null)).toBeNull();
    expect(trackedSummary(0, 0)).toBeNull();
  });

  it('shows tracked time alone without an estimate', () => {
    expect(trackedSummary(90, null)).toEqual({ tracked: '1:30', estimate: null, ratio: null, isOver: false });
  });

  it('shows the estimate even before any time is tracked', () => {
    expect(trackedSummary(0, 240)).toEqual({ tracked: '0:00', estimate: '4:00', ratio: 0, isOver: false });
  });

  it('is over only past the estimate', () => {
    expect(trackedSummary(240, 240)?.isOver).toBe(false);
    expect(trackedSummary(241, 240)).toMatchObject({ isOver: true, tracked: '4:01', estimate: '4:00' });
  });
});
