/**
 * Renders every failure as RFC 9457 application/problem+json with a stable `code`, whose status and
 * title come from the problem catalogue; never leaks stacks or SQL.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type FieldError, PROBLEM_CONTENT_TYPE, type Problem } from '../../shared/problem.js';
import { type FieldCode, PROBLEMS, type ProblemCode, problemStatuses, problemTypeFor } from '../../shared/problems.js';
import { ConflictError, DomainError, GoneError, NotFoundError, StaleVersionError, ValidationError } from '../errors.js';

interface ProblemParts {
  code: ProblemCode;
  detail: string;
  errors?: FieldError[];
  /** Extension members (RFC 9457 §3.2), e.g. the current object of a 412. */
  extra?: Record<string, unknown>;
  /** Which of the catalogue's statuses, for a code that has several; for `bad_request`, the 4xx the refusal names. */
  status?: number;
}

/** The status a problem answers with: the catalogue's, or the one of its statuses the parts name. */
export function statusOf(parts: Pick<ProblemParts, 'code' | 'status'>): number {
  const statuses = problemStatuses(parts.code);
  if (parts.status !== undefined && (statuses.includes(parts.status) || parts.code === 'bad_request')) return parts.status;
  return statuses[0]!;
}

function zodCodeOf(issueCode: string | undefined): FieldCode {
  switch (issueCode) {
    case 'invalid_type':
      return 'invalid_type';
    case 'too_small':
      return 'too_short';
    case 'too_big':
      return 'too_long';
    case 'unrecognized_keys':
      return 'unknown_field';
    case 'invalid_format':
    case 'invalid_string':
      return 'invalid_format';
    case 'invalid_value':
    case 'invalid_enum_value':
      return 'invalid_value';
    default:
      return 'invalid';
  }
}

function toProblemParts(error: unknown): ProblemParts | undefined {
  if (error instanceof DomainError) {
    const parts: ProblemParts = { code: error.code, detail: error.message };
    // A link problem answers 404 for a link never issued and 410 for one used up: the category tells which.
    if (error instanceof NotFoundError) parts.status = 404;
    if (error instanceof GoneError) parts.status = 410;
    if (error instanceof ValidationError) parts.errors = error.errors;
    if (error instanceof ConflictError && error.errors) parts.errors = error.errors;
    if (error instanceof StaleVersionError) parts.extra = { current: error.current };
    return parts;
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const source = (error as FastifyError & { validationContext?: string }).validationContext ?? 'body';
    const errors: FieldError[] = error.validation.map((issue) => {
      const keys = (issue.params as { keys?: string[] }).keys;
      const path = issue.instancePath === '/' ? '' : issue.instancePath;
      // An unknown key is reported on its parent; point at the key itself.
      const pointer = issue.keyword === 'unrecognized_keys' && keys?.[0] ? `${path}/${keys[0]}` : path;
      const missing = issue.keyword === 'invalid_type' && /received undefined/.test(issue.message ?? '');
      return {
        pointer: (source === 'body' ? '' : `/${source}`) + pointer || '/',
        detail: missing
          ? 'This field is required.'
          : issue.keyword === 'unrecognized_keys'
            ? 'This field is not accepted here.'
            : (issue.message ?? 'Invalid value.'),
        code: missing ? 'required' : zodCodeOf(issue.keyword),
      };
    });
    return {
      code: 'validation_failed',
      detail: errors.map((fieldError) => `${fieldError.pointer}: ${fieldError.detail}`).join(' '),
      errors,
    };
  }
  const fastifyError = error as Partial<FastifyError> & { statusCode?: number };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    if (status === 413) return { code: 'payload_too_large', detail: 'The request body is too large.' };
    if (status === 415) return { code: 'unsupported_media_type', detail: 'Send the body as application/json.' };
    if (status === 429) return { code: 'rate_limited', detail: 'Too many attempts. Wait a minute and try again.' };
    if (status === 404) return { code: 'not_found', detail: 'Not found.' };
    if (fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return { code: 'malformed_request', detail: 'The request body is empty; send a JSON object.' };
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return { code: 'malformed_request', detail: 'The request body is not valid JSON.' };
    }
    // Other framework refusals (headers, multipart parts…) are about the request itself; their message says what.
    return { status, code: 'bad_request', detail: fastifyError.message ?? 'The request could not be understood.' };
  }
  return undefined;
}

export function problemBody(request: FastifyRequest, parts: ProblemParts): Problem {
  const body: Problem = {
    ...parts.extra,
    type: problemTypeFor(parts.code),
    title: PROBLEMS[parts.code].title,
    status: statusOf(parts),
    detail: parts.detail,
    instance: request.url.split('?')[0],
    code: parts.code,
    requestId: request.id,
  };
  if (parts.errors) body.errors = parts.errors;
  return body;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, parts: ProblemParts): FastifyReply {
  const body = problemBody(request, parts);
  return reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const parts = toProblemParts(error);
  if (parts) {
    if (parts.code === 'rate_limited') reply.header('retry-after', '60');
    return sendProblem(request, reply, parts);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(request, reply, {
    code: 'internal_error',
    detail: `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
  });
}
