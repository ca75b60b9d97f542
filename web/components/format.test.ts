import { describe, expect, it } from 'vitest';
import { formatCalendar } from './format.js';

describe('formatCalendar', () => {
  it('formats the wall-clock deadline as written, without shifting it', () => {
    expect(formatCalendar('en-GB', '2026-03-31T17:00')).toBe('31 Mar 2026, 17:00');
    expect(formatCalendar('tr', '2026-03-31')).toBe('31 Mar 2026');
  });

  it('leaves out the year when short', () => {
    expect(formatCalendar('en-GB', '2026-03-31', { short: true })).toBe('31 Mar');
    expect(formatCalendar('en-GB', '2026-03-31T17:00', { short: true })).toBe('31 Mar, 17:00');
  });

  it('shows a value that is not a calendar value as it is', () => {
    expect(formatCalendar('en-GB', 'soon')).toBe('soon');
  });
});
