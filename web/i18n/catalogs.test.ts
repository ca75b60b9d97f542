import { describe, expect, it } from 'vitest';
import { FIELD_CODE_LIST, fieldMessageKey, PROBLEM_CODES, problemMessageKey } from '../../shared/problems.js';
import { en, tr } from './catalogs.js';

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('translation catalogs', () => {
  const english = new Map(entries(en));
  const turkish = new Map(entries(tr));

  it('have the same keys in English and Turkish', () => {
    expect([...turkish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of english) expect(placeholders(turkish.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('have no empty or untranslated-looking Turkish strings', () => {
    const sameOnPurpose = new Set(['app.name', 'settings.api.title']);
    for (const [key, text] of turkish) {
      expect(text.trim(), key).not.toBe('');
      if (!sameOnPurpose.has(key) && text.length > 3) expect(text, key).not.toBe(english.get(key));
    }
  });

  it('say every problem code and every field code in both languages', () => {
    const keys = [
      ...PROBLEM_CODES.map(problemMessageKey),
      ...FIELD_CODE_LIST.map(fieldMessageKey),
      'problems.network',
      'problems.unexpected',
    ];
    for (const key of keys) {
      expect(english.get(key)?.trim(), key).toBeTruthy();
      expect(turkish.get(key)?.trim(), key).toBeTruthy();
    }
  });
});
