import { describe, expect, it } from 'vitest';
import { FIRST_RANK, rankBetween, ranksAfter } from './rank.js';

describe('order keys', () => {
  it('appends in order with keys that stay short', () => {
    const ranks = ranksAfter(null, 100_000);
    for (let index = 1; index < ranks.length; index += 1) expect(ranks[index - 1]! < ranks[index]!).toBe(true);
    expect(ranks.at(-1)!.length).toBeLessThanOrEqual(4);
  });

  it('prepends before the first key, many times', () => {
    let first = FIRST_RANK;
    for (let index = 0; index < 10_000; index += 1) {
      const before = rankBetween(null, first);
      expect(before < first).toBe(true);
      first = before;
    }
    expect(first.length).toBeLessThanOrEqual(4);
  });

  it('finds a key between any two, repeatedly at the same spot', () => {
    let low = 'a0';
    for (let index = 0; index < 500; index += 1) {
      const middle = rankBetween(low, 'a1');
      expect(low < middle && middle < 'a1').toBe(true);
      low = middle;
    }
    let upper = 'a1';
    for (let index = 0; index < 500; index += 1) {
      const middle = rankBetween('a0', upper);
      expect('a0' < middle && middle < upper).toBe(true);
      upper = middle;
    }
  });

  it('keeps order through random moves', () => {
    const list = ranksAfter(null, 50);
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let move = 0; move < 2000; move += 1) {
      list.splice(Math.floor(random() * list.length), 1);
      const to = Math.floor(random() * (list.length + 1));
      list.splice(to, 0, rankBetween(list[to - 1] ?? null, list[to] ?? null));
      for (let index = 1; index < list.length; index += 1) expect(list[index - 1]! < list[index]!).toBe(true);
    }
  });

  it('refuses bounds in the wrong order', () => {
    expect(() => rankBetween('a2', 'a1')).toThrow();
  });
});
