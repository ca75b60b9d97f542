import { z } from 'zod';
import { PROBLEM_CODES, PROBLEMS, problemStatuses } from './problems.js';

/** One invalid field of a request: a JSON pointer into the body (or query), why, and a stable code. */
export const FieldErrorSchema = z.object({
  pointer: z.string(),
  detail: z.string(),
  code: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

const CODE_DESCRIPTION = [
  'Stable problem code; clients branch on it. Each has a page at `/docs/problems/<code>`:',
  ...PROBLEM_CODES.map((code) => `- \`${code}\` (${problemStatuses(code).join(', ')}): ${PROBLEMS[code].title}`),
].join('\n');

/** RFC 9457 problem details as Spine answers them; clients branch on `code`. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    // Documented as the catalogue's codes but read as any string: a page loaded before an upgrade still reads a new code.
    code: z.string().meta({ enum: PROBLEM_CODES, description: CODE_DESCRIPTION }),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .loose()
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
