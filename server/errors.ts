/**
 * Domain errors: a stable `code` and a human sentence, no HTTP knowledge.
 * The problem catalogue (shared/problems.ts) gives each code its status; `http/problem.ts` renders it.
 */
import type { FieldError } from '../shared/problem.js';
import type { ProblemCode } from '../shared/problems.js';

export abstract class DomainError extends Error {
  abstract readonly code: ProblemCode;
}

/** One or more fields are invalid (422); `errors` point at them. */
export class ValidationError extends DomainError {
  readonly code = 'validation_failed';
  readonly errors: FieldError[];
  constructor(errors: FieldError[] | { pointer: string; detail: string; code?: string }) {
    // `invalid` is a field code: the one a field error gets when it names none.
    const list = Array.isArray(errors) ? errors : [{ pointer: errors.pointer, detail: errors.detail, code: errors.code ?? 'invalid' }];
    super(list.map((error) => error.detail).join(' '));
    this.errors = list;
  }
}

/** No valid session or token (401). */
export class NotAuthenticatedError extends DomainError {
  readonly code: ProblemCode;
  constructor(detail = 'Sign in to continue.', code: ProblemCode = 'not_authenticated') {
    super(detail);
    this.code = code;
  }
}

/** The caller may see the object but not do this to it (403). */
export class ForbiddenError extends DomainError {
  readonly code: ProblemCode;
  constructor(detail = 'You are not allowed to do this.', code: ProblemCode = 'forbidden') {
    super(detail);
    this.code = code;
  }
}

/** The object does not exist, or the caller may not know it does (404). */
export class NotFoundError extends DomainError {
  readonly code: ProblemCode;
  constructor(what = 'This', code: ProblemCode = 'not_found') {
    super(`${what} was not found.`);
    this.code = code;
  }
}

/** The request contradicts current state, e.g. a duplicate or the last owner (409); `errors` may point at what is missing. */
export class ConflictError extends DomainError {
  readonly code: ProblemCode;
  readonly errors: FieldError[] | undefined;
  constructor(code: ProblemCode, detail: string, errors?: FieldError[]) {
    super(detail);
    this.code = code;
    this.errors = errors;
  }
}

/** The thing existed but is no longer usable, e.g. a used invitation (410). */
export class GoneError extends DomainError {
  readonly code: ProblemCode;
  constructor(code: ProblemCode, detail: string) {
    super(detail);
    this.code = code;
  }
}

/** Too many attempts (429). */
export class RateLimitedError extends DomainError {
  readonly code = 'rate_limited';
}

/** The workflow does not allow this move from the task's current status (409). */
export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid_transition';
}

/** A change that needs the object's version was sent without one (428). */
export class PreconditionRequiredError extends DomainError {
  readonly code = 'version_required';
}

/** The version sent is no longer current; carries the current object so the client can show the conflict (412). */
export class StaleVersionError extends DomainError {
  readonly code = 'stale_version';
  constructor(
    detail: string,
    readonly current: unknown,
  ) {
    super(detail);
  }
}

/** An upload is larger than allowed (413). */
export class PayloadTooLargeError extends DomainError {
  readonly code = 'payload_too_large';
}
