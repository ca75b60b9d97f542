/** Saved filter rules, pure: a filter is a set of task list parameters the list endpoint accepts. */
import { ListTasksQuerySchema } from '../../../shared/tasks.js';
import type { FieldError } from '../../../shared/problem.js';
import { ValidationError } from '../../errors.js';

/** A page position goes stale as tasks change; a filter keeps what to show, not where a page ended. */
const UNSAVEABLE = new Set(['cursor']);

export const FILTER_PARAMETERS = Object.keys(ListTasksQuerySchema.shape).filter((key) => !UNSAVEABLE.has(key));

/** RFC 6901: `~` and `/` inside a key are escaped. */
function pointerTo(key: string): string {
  return `/query/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Throws a ValidationError pointing at `/query/<key>` for each parameter `GET /tasks` would not accept. */
export function assertValidFilterQuery(query: Record<string, string>): void {
  const unknown: FieldError[] = Object.keys(query)
    .filter((key) => !FILTER_PARAMETERS.includes(key))
    .map((key) => ({
      pointer: pointerTo(key),
      code: 'unknown_parameter',
      detail: UNSAVEABLE.has(key)
        ? 'A saved filter cannot keep a page position; leave out the cursor.'
        : `Not a task list parameter; use ${FILTER_PARAMETERS.join(', ')}.`,
    }));
  if (unknown.length > 0) throw new ValidationError(unknown);
  const parsed = ListTasksQuerySchema.safeParse(query);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({
        pointer: pointerTo(String(issue.path[0] ?? '')),
        code: 'invalid_value',
        detail: issue.message,
      })),
    );
  }
}
