import { describe, expect, it } from 'vitest';
import { excerptOf, findMentions } from './comment.js';

const people = [
  { id: 1, name: 'Ann', email: 'ann@example.com' },
  { id: 2, name: 'Ann Lee', email: 'ann.lee@example.com' },
  { id: 3, name: 'İpek Şahin', email: 'ipek@example.com' },
];

describe('findMentions', () => {
  it('prefers the longest full name and ignores case', () => {
    expect(findMentions('@ann lee and @ANN', people)).toEqual([2, 1]);
    expect(findMentions('hi @İpek Şahin!', people)).toEqual([3]);
  });

  it('matches email addresses after @, including at the end of a sentence', () => {
    expect(findMentions('cc @ann.lee@example.com.', people)).toEqual([2]);
  });

  it('needs a word boundary on both sides', () => {
    expect(findMentions('@Annabel, @Ann-Marie, write to ann@example.com', people)).toEqual([]);
    expect(findMentions("(@Ann) @Ann's @Ann.", people)).toEqual([1]);
  });

  it('ignores mentions in code spans and fenced blocks', () => {
    expect(findMentions('`@Ann`\n```ts\n@Ann\n```\n~~~\n@Ann Lee', people)).toEqual([]);
    expect(findMentions('```\n@Ann\n```\nthen @Ann Lee', people)).toEqual([2]);
  });

  it('lists each person once, in order of first mention', () => {
    expect(findMentions('@Ann @Ann Lee @Ann', people)).toEqual([1, 2]);
  });
});

describe('excerptOf', () => {
  it('flattens whitespace and cuts long text with an ellipsis', () => {
    expect(excerptOf('  one\n\n two  ')).toBe('one two');
    const long = excerptOf('x'.repeat(500));
    expect(Array.from(long)).toHaveLength(140);
    expect(long.endsWith('…')).toBe(true);
  });
});
