import { describe, expect, it } from 'vitest';
import type { ActivityType } from '../../../shared/projects.js';
import { ConflictError, ForbiddenError } from '../../errors.js';
import { actorWithRole as actor } from '../../test/actors.js';
import { assertNameFree, moveActivityType, sameActivityName, slugify, uniqueActivityKey } from './activity-type.js';
import { assertCanManageActivityTypes } from './activity-type.policy.js';

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

  const type = (id: number, name: string, active = true): ActivityType => ({
    id,
    key: name.toLowerCase(),
    name,
    color: '#123456',
    billable: true,
    active,
    position: id,
  });
  const types = [type(1, 'Design'), type(2, 'Support', false)];

  it('refuses a name another type has, and says when that type is inactive', () => {
    expect(() => assertNameFree(types, ' design')).toThrow(ConflictError);
    expect(() => assertNameFree(types, 'SUPPORT')).toThrow(
      'There is already an inactive activity type named Support; activate it instead.',
    );
  });

  it('accepts a new name, and a type keeping its own name in another case', () => {
    expect(() => assertNameFree(types, 'Writing')).not.toThrow();
    expect(() => assertNameFree(types, 'DESIGN', 1)).not.toThrow();
  });
});

describe('who keeps activity types', () => {
  it('lets owners and admins change them, nobody else', () => {
    for (const role of ['owner', 'admin'] as const) expect(() => assertCanManageActivityTypes(actor(role))).not.toThrow();
    for (const role of ['manager', 'member', 'client'] as const) {
      expect(() => assertCanManageActivityTypes(actor(role))).toThrow(ForbiddenError);
    }
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
