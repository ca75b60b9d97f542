import { describe, expect, it } from 'vitest';
import { reorder } from './use-tasks.js';

describe('reorder', () => {
  const items = [{ id: 1 }, { id: 2 }, { id: 3 }];
  it('moves before or after a target and leaves the list alone for unknown ids', () => {
    expect(reorder(items, { id: 3, list: 'queue', beforeId: 1 }).map((item) => item.id)).toEqual([3, 1, 2]);
    expect(reorder(items, { id: 1, list: 'queue', afterId: 3 }).map((item) => item.id)).toEqual([2, 3, 1]);
    expect(reorder(items, { id: 9, list: 'queue', afterId: 3 }).map((item) => item.id)).toEqual([1, 2, 3]);
  });
});
