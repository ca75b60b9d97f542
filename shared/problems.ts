/**
 * The catalogue of every problem `code` Spine answers with, and of the codes of the field errors
 * inside a problem's `errors`. The server renders statuses, titles and the `/docs/problems/<code>`
 * pages from it, the OpenAPI document lists it, and the web app translates by its keys.
 */

/** The statuses a problem answers with. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 415 | 422 | 428 | 429 | 500 | 503;

export interface ProblemDefinition {
  /** Several when the same problem answers differently per occurrence; the description says which when. */
  readonly status: ProblemStatus | readonly ProblemStatus[];
  /** English, as `title` of the problem document. */
  readonly title: string;
  /** When Spine answers with it. */
  readonly description: string;
  /** The server's `detail` names this occurrence's specifics (the week, the values) that a fixed sentence cannot. */
  readonly isDetailSpecific?: boolean;
}

export const PROBLEMS = {
  validation_failed: {
    status: 422,
    title: 'Invalid request fields',
    description:
      'Fields of the body, query string or path are missing or invalid, or a rule refuses a value; `errors` points at each field.',
  },
  malformed_request: {
    status: 400,
    title: 'Malformed request',
    description: 'The request body is empty or is not valid JSON.',
  },
  bad_request: {
    status: 400,
    title: 'Bad request',
    description:
      'The server refused the request itself (a header, a multipart part…) before reading it; the status is the one the refusal names (400 unless it says otherwise).',
    isDetailSpecific: true,
  },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported media type',
    description: 'The body is sent as something other than application/json where JSON is expected.',
  },
  payload_too_large: {
    status: 413,
    title: 'Payload too large',
    description: 'The request body or an uploaded file is larger than the server accepts.',
  },
  not_authenticated: {
    status: 401,
    title: 'Not signed in',
    description: 'The request needs a signed-in person and carries no valid session: never signed in, signed out or expired.',
  },
  invalid_credentials: {
    status: 401,
    title: 'Wrong email or password',
    description: 'Signing in with an email and password that do not match an active account.',
  },
  invalid_token: {
    status: 401,
    title: 'API token not valid',
    description: 'The `Authorization: Bearer` token is unknown, revoked or expired.',
  },
  forbidden: {
    status: 403,
    title: 'Not allowed',
    description: 'The caller may see the object but their role does not allow this action on it.',
  },
  csrf_failed: {
    status: 403,
    title: 'Cross-site request refused',
    description: 'A change made with the session cookie (or an event stream) comes from a page this Spine did not serve.',
  },
  not_found: {
    status: 404,
    title: 'Not found',
    description: 'The object does not exist, or the caller may not know that it does.',
  },
  route_not_found: {
    status: 404,
    title: 'No such endpoint',
    description: 'No endpoint answers this method and path.',
  },
  invitation_invalid: {
    status: [404, 410],
    title: 'Invitation not valid',
    description:
      'Opening or accepting an invitation link that was never issued (404), or that was already used, has expired or whose membership ended (410).',
  },
  reset_invalid: {
    status: [404, 410],
    title: 'Reset link not valid',
    description: 'Opening or using a password reset link that was never issued (404), or that was already used or has expired (410).',
  },
  setup_done: {
    status: 409,
    title: 'Spine is already set up',
    description: 'The first-run setup is sent after the installation already has its first organization.',
  },
  already_member: {
    status: 409,
    title: 'Already a member',
    description: 'Adding a person who already belongs to the organization.',
  },
  last_owner: {
    status: 409,
    title: 'The last owner must stay',
    description: 'Demoting or deactivating the organization’s last active owner.',
  },
  not_invited: {
    status: 409,
    title: 'No invitation needed',
    description: 'Sending a new invitation link to a person who already has a password or is deactivated.',
  },
  rate_limited: {
    status: 429,
    title: 'Too many requests',
    description:
      'Too many attempts at signing in, setup, invitations or password changes in a short time; `retry-after` says when to retry.',
  },
  not_ready: {
    status: 503,
    title: 'Not ready',
    description: 'The readiness probe (`/readyz`) finds the database unreachable or its migrations not yet applied.',
  },
  invalid_transition: {
    status: 409,
    title: 'Invalid status transition',
    description: 'The workflow does not allow this status change from the task’s current status.',
  },
  task_incomplete: {
    status: 409,
    title: 'The task is not ready for this',
    description: 'Work starts on a task without a captain or a deadline; `errors` points at what is missing.',
  },
  task_blocked: {
    status: 409,
    title: 'The task is blocked',
    description: 'Starting work on a task that another open task still blocks.',
  },
  task_closed: {
    status: 409,
    title: 'The task is closed',
    description:
      'Changing a task that is done or cancelled, or its documents or comments, or starting a timer on it, without reopening it first.',
  },
  version_required: {
    status: 428,
    title: 'Version required',
    description: 'Changing a task without sending the version that was edited (`If-Match` header or a `version` field).',
  },
  stale_version: {
    status: 412,
    title: 'The task changed meanwhile',
    description: 'The version sent is no longer the task’s current one; `current` holds the task as it is now.',
  },
  concurrent_change: {
    status: 409,
    title: 'The task changed at the same moment',
    description: 'Another change to the task’s status was saved between reading and writing it; sending again resolves it.',
  },
  dependency_cycle: {
    status: 409,
    title: 'Dependency cycle',
    description: 'Blocking a task by one that already waits on it, directly or through others.',
  },
  parent_cycle: {
    status: 409,
    title: 'Subtask cycle',
    description: 'Placing a task under itself or under one of its own subtasks.',
  },
  no_captain: {
    status: 409,
    title: 'The task has no captain',
    description: 'Reordering a personal queue with a task that has no captain, so is in nobody’s queue.',
  },
  key_taken: {
    status: 409,
    title: 'Project key in use',
    description: 'Creating a project with a key another project of the organization already uses.',
  },
  last_manager: {
    status: 409,
    title: 'The last manager must stay',
    description: 'Removing or demoting the last manager of a project, unless an organization admin does it.',
  },
  project_archived: {
    status: 409,
    title: 'The project is archived',
    description: 'Adding a task to an archived project.',
  },
  activity_type_name_taken: {
    status: 409,
    title: 'Activity type name in use',
    description: 'Creating or renaming an activity type with the name of another one of the organization, active or not.',
  },
  idempotency_in_progress: {
    status: 409,
    title: 'Request still in progress',
    description: 'A request repeats the `Idempotency-Key` of one that is still running.',
  },
  timer_running: {
    status: 409,
    title: 'A timer is running',
    description: 'Submitting a week while one’s own timer runs in it.',
  },
  timesheet_locked: {
    status: 409,
    title: 'The week is locked',
    description: 'Changing time of a week that is submitted (withdraw it first) or approved (only an organization admin, with a reason).',
    isDetailSpecific: true,
  },
  timesheet_not_submitted: {
    status: 409,
    title: 'The week is not waiting for approval',
    description: 'Withdrawing, approving or rejecting a week that is not submitted.',
  },
  internal_error: {
    status: 500,
    title: 'Internal server error',
    description: 'Something failed on the server; the error is logged with the request id that `detail` quotes.',
  },
} as const satisfies Record<string, ProblemDefinition>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];

export function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(PROBLEMS, code);
}

/** The entry of a code; undefined for one the catalogue lacks (a newer server's, or the web app's own `network`). */
export function problemDefinition(code: string): ProblemDefinition | undefined {
  return isProblemCode(code) ? PROBLEMS[code] : undefined;
}

/** The statuses a code answers with, one for most. */
export function problemStatuses(code: ProblemCode): readonly number[] {
  const { status }: ProblemDefinition = PROBLEMS[code];
  return typeof status === 'number' ? [status] : status;
}

/** The problem's `type`: a page the server itself serves (RFC 9457 allows a relative reference). */
export function problemTypeFor(code: string): string {
  return `/docs/problems/${code}`;
}

/** The key of a problem code's sentence in the web app's message catalogs. */
export function problemMessageKey(code: string): string {
  return `problems.${code}`;
}

export interface FieldCodeDefinition {
  /** When a field error carries it. */
  readonly description: string;
  /** The server's `detail` names the specifics (the limit, the date, what was not found) that a fixed sentence cannot. */
  readonly isDetailSpecific?: boolean;
}

/** Codes of the field errors in a problem's `errors`: a list apart from the problem codes. */
export const FIELD_CODES = {
  required: { description: 'The field is missing or empty.', isDetailSpecific: true },
  too_short: { description: 'The value is shorter or smaller than allowed.', isDetailSpecific: true },
  too_long: { description: 'The value is longer or larger than allowed, e.g. a report period.', isDetailSpecific: true },
  invalid_type: { description: 'The value has the wrong type.', isDetailSpecific: true },
  invalid_format: { description: 'The value does not have the expected format (an email, a date…).', isDetailSpecific: true },
  invalid_value: { description: 'The value is not one of the accepted ones.', isDetailSpecific: true },
  invalid: {
    description: 'The value is not valid for another reason (an Idempotency-Key, a page cursor); the default of a field error.',
    isDetailSpecific: true,
  },
  unknown_field: { description: 'The body has a field the endpoint does not accept.', isDetailSpecific: true },
  not_found: {
    description: 'The field names an object (a client, a task, a milestone…) that does not exist here.',
    isDetailSpecific: true,
  },
  not_in_list: { description: 'Reordering relative to a task that is not in the same queue or project list.' },
  duplicate: { description: 'The same person is listed twice.' },
  client_account: { description: 'A client account is named as a project member.' },
  key_taken: { description: 'Another project uses this key.' },
  name_taken: { description: 'Another activity type has this name.' },
  account_exists: { description: 'A password is given for a person who already has a Spine account.' },
  common_password: { description: 'The password is common, trivial or the person’s own email or name.' },
  wrong_password: { description: 'The current password given to change the password is not correct.' },
  captain_required: { description: 'Work starts on a task that has no captain.' },
  deadline_required: { description: 'Work starts on a task that has no deadline.' },
  not_project_member: { description: 'The captain or a collaborator is not a member of the task’s project.' },
  parent_cycle: { description: 'The parent is the task itself or one of its subtasks.' },
  upload_incomplete: { description: 'An upload broke off before the whole file arrived.' },
  unknown_parameter: { description: 'A saved filter has a parameter the task list does not accept.', isDetailSpecific: true },
  not_week_start: { description: 'The date sent as a week is not the first day of a week.', isDetailSpecific: true },
  future_week: { description: 'Submitting a week that has not started yet.' },
  future_date: { description: 'Recording time for a day after today.', isDetailSpecific: true },
  day_full: { description: 'The time would make the person’s day hold more than 24 hours.', isDetailSpecific: true },
  not_managed: { description: 'Moving someone else’s time to a task of a project one does not manage.' },
  before_from: { description: 'A report period ends before it starts.' },
  idempotency_key_reused: { description: 'An `Idempotency-Key` is sent again with a different request.' },
} as const satisfies Record<string, FieldCodeDefinition>;

export type FieldCode = keyof typeof FIELD_CODES;

export const FIELD_CODE_LIST = Object.keys(FIELD_CODES) as FieldCode[];

export function isFieldCode(code: string): code is FieldCode {
  return Object.hasOwn(FIELD_CODES, code);
}

export function fieldCodeDefinition(code: string): FieldCodeDefinition | undefined {
  return isFieldCode(code) ? FIELD_CODES[code] : undefined;
}

/** The key of a field code's sentence in the web app's message catalogs. */
export function fieldMessageKey(code: string): string {
  return `fieldErrors.${code}`;
}
