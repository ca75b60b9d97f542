import { describe, expect, it } from 'vitest';
import { moveActivityType, sameActivityName, slugify, uniqueActivityKey } from './activity-type.js';

describe('activity type keys', () => {
  it('makes a lower-case slug of the name, dropping accents and punctuation', () => {
    expect(slugify('Code review & QA')).toBe('code-review-qa');
    expect(slugify('  Müşteri Görüşmesi  ')).toBe('musteri-gorusmesi');
    expect(slugify('Işık tasarımı')).toBe('isik-tasarimi');
    expect(slugify('Straße')).toBe('strasse');
  });

  it('falls back to "activity" when nothing of the name is left', () => {
    expect(slugify('!!!')).toBe('activity');
    expect(slugify('会议')).toBe('activity');
  });

  it('keeps keys short enough for tasks, without a trailing dash', () => {
    const slug = slugify('A very long activity type name that goes on and on');
    expect(slug.length).toBeLessThanOrEqual(32);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('adds the first free number when the slug is taken', () => {
    expect(uniqueActivityKey('Design', new Set(['development']))).toBe('design');
    expect(uniqueActivityKey('Design!', new Set(['design', 'design-2']))).toBe('design-3');
  });
});

describe('activity type names', () => {
  it('compares names without case or surrounding spaces', () => {
    expect(sameActivityName('Design', ' design ')).toBe(true);
    expect(sameActivityName('Design', 'Designs')).toBe(false);
  });
});

describe('reordering activity types', () => {
  it('moves a type up, down, to either end, and clamps positions past the end', () => {
    expect(moveActivityType([1, 2, 3, 4], 3, 1)).toEqual([1, 3, 2, 4]);
    expect(moveActivityType([1, 2, 3, 4], 1, 1)).toEqual([2, 1, 3, 4]);
    expect(moveActivityType([1, 2, 3, 4], 4, 0)).toEqual([4, 1, 2, 3]);
    expect(moveActivityType([1, 2, 3, 4], 1, 99)).toEqual([2, 3, 4, 1]);
  });
});
