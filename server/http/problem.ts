/**
 * The only place that knows HTTP statuses for errors: renders every failure as RFC 9457
 * application/problem+json with a stable `code`, and never leaks stacks or SQL.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type FieldError, PROBLEM_CONTENT_TYPE, type Problem } from '../../shared/problem.js';
import {
  ConflictError,
  DomainError,
  InvalidTransitionError,
  PayloadTooLargeError,
  PreconditionRequiredError,
  StaleVersionError,
  ForbiddenError,
  GoneError,
  NotAuthenticatedError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from '../errors.js';

/** Titles of the problem types; each code's page is served at /docs/problems/<code>. */
export const PROBLEM_TITLES: Record<string, string> = {
  validation_failed: 'Invalid request fields',
  malformed_request: 'Malformed request',
  bad_request: 'Bad request',
  unsupported_media_type: 'Unsupported media type',
  payload_too_large: 'Payload too large',
  not_authenticated: 'Not signed in',
  invalid_credentials: 'Wrong email or password',
  session_expired: 'Session expired',
  forbidden: 'Not allowed',
  csrf_failed: 'Cross-site request refused',
  not_found: 'Not found',
  route_not_found: 'No such endpoint',
  invitation_invalid: 'Invitation not valid',
  reset_invalid: 'Reset link not valid',
  setup_done: 'Spine is already set up',
  email_taken: 'Email already in use',
  already_member: 'Already a member',
  last_owner: 'The last owner must stay',
  wrong_password: 'Current password is wrong',
  rate_limited: 'Too many requests',
  not_ready: 'Not ready',
  invalid_token: 'API token not valid',
  not_invited: 'No invitation needed',
  invalid_transition: 'Invalid status transition',
  task_incomplete: 'The task is not ready for this',
  task_blocked: 'The task is blocked',
  task_closed: 'The task is closed',
  version_required: 'Version required',
  stale_version: 'The task changed meanwhile',
  dependency_cycle: 'Dependency cycle',
  parent_cycle: 'Subtask cycle',
  key_taken: 'Project key in use',
  project_archived: 'The project is archived',
  idempotency_key_reused: 'Idempotency key reused',
  idempotency_in_progress: 'Request still in progress',
  internal_error: 'Internal server error',
};

export function problemTypeFor(code: string): string {
  return `/docs/problems/${code}`;
}

interface ProblemParts {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  title?: string;
  /** Extension members (RFC 9457 §3.2), e.g. the current object of a 412. */
  extra?: Record<string, unknown>;
}

function statusOf(error: DomainError): number {
  if (error instanceof ValidationError) return 422;
  if (error instanceof NotAuthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError || error instanceof InvalidTransitionError) return 409;
  if (error instanceof PreconditionRequiredError) return 428;
  if (error instanceof StaleVersionError) return 412;
  if (error instanceof PayloadTooLargeError) return 413;
  if (error instanceof GoneError) return 410;
  if (error instanceof RateLimitedError) return 429;
  return 500;
}

function zodCodeOf(issueCode: string | undefined): string {
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
    const parts: ProblemParts = { status: statusOf(error), code: error.code, detail: error.message };
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
      status: source === 'body' || source === 'querystring' || source === 'params' ? 422 : 400,
      code: 'validation_failed',
      detail: errors.map((fieldError) => `${fieldError.pointer}: ${fieldError.detail}`).join(' '),
      errors,
    };
  }
  const fastifyError = error as Partial<FastifyError> & { statusCode?: number };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    if (status === 413) return { status, code: 'payload_too_large', detail: 'The request body is too large.' };
    if (status === 415) {
      return { status, code: 'unsupported_media_type', detail: 'Send the body as application/json.' };
    }
    if (status === 429) {
      return { status, code: 'rate_limited', detail: 'Too many attempts. Wait a minute and try again.' };
    }
    if (status === 404) return { status, code: 'not_found', detail: 'Not found.' };
    if (fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return { status: 400, code: 'malformed_request', detail: 'The request body is empty; send a JSON object.' };
    }
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return { status: 400, code: 'malformed_request', detail: 'The request body is not valid JSON.' };
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
    title: parts.title ?? PROBLEM_TITLES[parts.code] ?? 'Request failed',
    status: parts.status,
    detail: parts.detail,
    instance: request.url.split('?')[0],
    code: parts.code,
    requestId: request.id,
  };
  if (parts.errors) body.errors = parts.errors;
  return body;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, parts: ProblemParts): FastifyReply {
  return reply.status(parts.status).type(PROBLEM_CONTENT_TYPE).send(problemBody(request, parts));
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const parts = toProblemParts(error);
  if (parts) {
    if (parts.status === 429) reply.header('retry-after', '60');
    return sendProblem(request, reply, parts);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(request, reply, {
    status: 500,
    code: 'internal_error',
    detail: `Something went wrong on our side. Quote request id ${request.id} when reporting it.`,
  });
}
