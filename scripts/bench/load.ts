/**
 * A small closed-loop load generator over keep-alive HTTP/1.1: `concurrency` workers each send a
 * request, wait for the whole response, and send the next, for a duration or a request count.
 */
import http from 'node:http';

export interface RequestSpec {
  method?: 'GET' | 'POST' | 'PATCH';
  path: string;
  token?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  /** The status that counts as success (200 unless given). */
  expect?: number;
}

export interface Reply {
  status: number;
  text: string;
  json<T = any>(): T;
}

export interface WorkerContext {
  readonly index: number;
  /** False once the duration is over or the request budget is spent. */
  active(): boolean;
  send(spec: RequestSpec): Promise<Reply>;
}

export interface LoadOptions {
  port: number;
  concurrency: number;
  durationMs?: number;
  /** Stop after this many requests (whichever comes first with the duration). */
  count?: number;
  worker(context: WorkerContext): Promise<void>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Status → count, for anything other than the expected status. */
  unexpected: Record<string, number>;
  firstError: string | undefined;
  elapsedMs: number;
  /** Sorted ascending. */
  latenciesMs: Float64Array;
}

export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index]!;
}

function request(agent: http.Agent, port: number, spec: RequestSpec): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = spec.body === undefined ? undefined : Buffer.from(JSON.stringify(spec.body));
    const headers: Record<string, string | number> = { ...spec.headers };
    if (spec.token) headers.authorization = `Bearer ${spec.token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const outgoing = http.request(
      { agent, host: '127.0.0.1', port, method: spec.method ?? 'GET', path: spec.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  let started = 0;
  const startedAt = performance.now();
  const deadline = options.durationMs === undefined ? Number.POSITIVE_INFINITY : startedAt + options.durationMs;
  const budget = options.count ?? Number.POSITIVE_INFINITY;
  const active = () => started < budget && performance.now() < deadline;

  const send = async (spec: RequestSpec): Promise<Reply> => {
    started += 1;
    const begin = performance.now();
    try {
      const { status, text } = await request(agent, options.port, spec);
      latencies.push(performance.now() - begin);
      if (status !== (spec.expect ?? 200)) {
        errors += 1;
        unexpected[status] = (unexpected[status] ?? 0) + 1;
        firstError ??= `${spec.method ?? 'GET'} ${spec.path} → ${status} ${text.slice(0, 300)}`;
      }
      return { status, text, json: () => JSON.parse(text) };
    } catch (error) {
      errors += 1;
      unexpected.network = (unexpected.network ?? 0) + 1;
      firstError ??= `${spec.method ?? 'GET'} ${spec.path} → ${String(error)}`;
      return { status: 0, text: '', json: () => ({}) as any };
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => options.worker({ index, active, send })));
  const elapsedMs = performance.now() - startedAt;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return { requests: latencies.length, errors, unexpected, firstError, elapsedMs, latenciesMs: sorted };
}
