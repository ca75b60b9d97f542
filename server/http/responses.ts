/** Response schemas shared by every route's OpenAPI description. */
import { ProblemSchema } from '../../shared/problem.js';

/** Every route may fail with a problem document. */
export const problemResponses = { '4xx': ProblemSchema, '5xx': ProblemSchema } as const;
