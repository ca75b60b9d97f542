import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketTick, formatDecimalHours, formatPercent, formatRange } from './report-format.js';

/** Intl puts thin and narrow no-break spaces around range dashes; the words are what matter here. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('report formatting', () => {
  it('writes decimal hours with two places, with the decimal mark of the language', () => {
    expect(formatDecimalHours('en', 90)).toBe('1.50');
    expect(formatDecimalHours('tr', 90)).toBe('1,50');
    expect(formatDecimalHours('en', 125_000)).toBe('2,083.33');
  });

  it('writes shares as whole percentages in the language’s order', () => {
    expect(formatPercent('en', 0.754)).toBe('75%');
    expect(formatPercent('tr', 0.754)).toBe('%75');
  });

  it('writes plain dates as the calendar day they name, whatever the browser’s zone', () => {
    expect(formatRange('en', { from: '2026-03-01', to: '2026-03-01' })).toBe('Mar 1, 2026');
    expect(plain(formatRange('en', { from: '2026-03-01', to: '2026-03-18' }))).toBe('Mar 1 – 18, 2026');
    expect(plain(formatRange('tr', { from: '2026-03-01', to: '2026-03-18' }))).toBe('1–18 Mar 2026');
  });

  it('labels buckets by day, week and month', () => {
    expect(bucketTick('en', '2026-03-02', 'day', false)).toBe('Mar 2');
    expect(bucketTick('tr', '2026-03-02', 'week', false)).toBe('2 Mar');
    expect(bucketTick('tr', '2026-03-02', 'month', true)).toBe('Mar 26');
    expect(plain(bucketLabel('en', { start: '2026-03-02', end: '2026-03-08' }, 'week'))).toBe('Mar 2 – 8, 2026');
    expect(bucketLabel('tr', { start: '2026-03-01', end: '2026-03-31' }, 'month')).toBe('Mar 2026');
  });
});
