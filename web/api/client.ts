/**
 * The one way the web app talks to the server: JSON in and out, the session cookie sent by the
 * browser, and RFC 9457 problems turned into `ApiError`.
 */
import type { z } from 'zod';
import { type FieldError, PROBLEM_CONTENT_TYPE, ProblemSchema } from '../../shared/problem.js';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  /** Stable machine code from the problem (`invalid_credentials`, `last_owner`…); `network` when no answer came. */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;
  /** Extension members of the problem (RFC 9457 §3.2), e.g. `current` on a 412. */
  readonly extensions: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    fieldErrors?: FieldError[] | undefined;
    requestId?: string | undefined;
    extensions?: Record<string, unknown> | undefined;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
    this.extensions = init.extensions ?? {};
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiRequest<S extends z.ZodType | undefined> {
  method?: Method;
  /** JSON-encoded, except FormData (multipart, the browser sets its boundary). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Validates (and types) the answer; omit for 204 answers. */
  schema?: S;
  signal?: AbortSignal;
}

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

export async function apiFetch<S extends z.ZodType | undefined = undefined>(path: string, request: ApiRequest<S> = {}): Promise<Result<S>> {
  const { method = 'GET', body, schema, signal } = request;
  const isForm = body instanceof FormData;
  const headers: Record<string, string> = { Accept: `application/json, ${PROBLEM_CONTENT_TYPE}`, ...request.headers };
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : isForm ? body : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network', title: 'The server could not be reached.' });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || schema === undefined) return undefined as Result<S>;
  const json: unknown = await response.json();
  return schema.parse(json) as Result<S>;
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back to the status line.
  }
  const problem = ProblemSchema.safeParse(payload);
  if (problem.success) {
    const { type: _type, title, status, detail, instance: _instance, code, requestId, errors, ...extensions } = problem.data;
    return new ApiError({
      status: status || response.status,
      code,
      title,
      detail,
      fieldErrors: errors,
      requestId,
      extensions,
    });
  }
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    title: response.statusText || `HTTP ${response.status}`,
  });
}
