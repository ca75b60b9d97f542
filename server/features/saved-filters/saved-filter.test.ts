import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { assertValidFilterQuery } from './saved-filter.js';

function pointers(query: Record<string, string>): string[] {
  try {
    assertValidFilterQuery(query);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.errors.map((fieldError) => fieldError.pointer);
  }
}

describe('assertValidFilterQuery', () => {
  it('accepts task list parameters with valid values', () => {
    expect(pointers({ projectId: '3', status: 'planned,review', overdue: 'true', q: 'logo', sort: 'deadline', limit: '100' })).toEqual([]);
  });

  it('points at unknown keys, including inherited object names and the cursor', () => {
    expect(pointers({ constructor: 'x', toString: 'y', cursor: 'abc', 'x~y': '1' })).toEqual([
      '/query/constructor',
      '/query/toString',
      '/query/cursor',
      '/query/x~0y',
    ]);
  });

  it('points at invalid values', () => {
    expect(pointers({ captainId: 'me' })).toEqual(['/query/captainId']);
    expect(pointers({ deadlineFrom: 'tomorrow' })).toEqual(['/query/deadlineFrom']);
  });
});
