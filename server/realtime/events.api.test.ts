import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RealtimeEvent } from '../../shared/events.js';
import { buildApp } from '../http/app.js';
import { createProjectTeam, createTask, type TestPerson } from '../test/factories.js';
import { createTestContext, TEST_ORIGIN, type TestContext, testEngine } from '../test/harness.js';
import { Hub } from './hub.js';

interface Stream {
  events: { type: string; data: RealtimeEvent | Record<string, never>; id: string | undefined }[];
  waitFor(predicate: (events: Stream['events']) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
  ended: Promise<void>;
}

/** A real HTTP client reading the SSE stream, as a browser's EventSource does. */
function openStream(baseUrl: string, person: { cookie: string }, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: Stream['events'] = [];
    const request = http.get(
      `${baseUrl}/api/v1/events`,
      { headers: { cookie: `spine_session=${person.cookie}`, accept: 'text/event-stream', origin: TEST_ORIGIN, ...headers } },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`stream answered ${response.statusCode}`));
          return;
        }
        let buffer = '';
        let endResolve: () => void = () => {};
        const ended = new Promise<void>((done) => {
          endResolve = done;
        });
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          for (let boundary = buffer.indexOf('\n\n'); boundary >= 0; boundary = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, boundary);
            buffer = buffer.slice(boundary + 2);
            const fields = Object.fromEntries(
              block
                .split('\n')
                .filter((line) => !line.startsWith(':') && line.includes(':'))
                .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
            );
            if (fields.event) events.push({ type: fields.event, id: fields.id, data: JSON.parse(fields.data ?? '{}') });
          }
        });
        response.on('end', () => endResolve());
        response.on('close', () => endResolve());
        resolve({
          events,
          ended,
          close: () => request.destroy(),
          waitFor: async (predicate, timeoutMs = 3000) => {
            const deadline = Date.now() + timeoutMs;
            while (!predicate(events)) {
              if (Date.now() > deadline) throw new Error(`timed out; received ${JSON.stringify(events.map((event) => event.type))}`);
              await new Promise((done) => setTimeout(done, 20));
            }
          },
        });
      },
    );
    request.on('error', reject);
  });
}

const settle = () => new Promise((done) => setTimeout(done, 300));

describe('live updates', () => {
  let context: TestContext;
  let baseUrl: string;
  const streams: Stream[] = [];
  beforeEach(async () => {
    context = await createTestContext();
    await context.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(context.app.server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await context.close();
  });
  const open = async (person: TestPerson, headers?: Record<string, string>) => {
    const stream = await openStream(baseUrl, person, headers);
    streams.push(stream);
    return stream;
  };

  it('tells a project’s people about a status change after it commits, and nobody else', async () => {
    const team = await createProjectTeam(context);
    const other = await createProjectTeam(context);
    const task = await createTask(context, team.manager, { projectId: team.project.id, captainId: team.member.id, deadline: '2030-01-01' });
    const managerStream = await open(team.manager);
    const ownerStream = await open(team.owner);
    const outsiderStream = await open(team.outsider);
    const clientStream = await open(team.client);
    const otherOrgStream = await open(other.owner);

    await context.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/status`, as: team.member, body: { status: 'in_progress' } });
    await managerStream.waitFor((events) => events.some((event) => event.type === 'task.status_changed'));
    const event = managerStream.events.find((candidate) => candidate.type === 'task.status_changed')!.data as RealtimeEvent;
    expect(event).toMatchObject({
      taskId: task.id,
      projectId: team.project.id,
      actorId: team.member.id,
      data: { status: 'in_progress', version: 2 },
    });
    await ownerStream.waitFor((events) => events.some((candidate) => candidate.type === 'task.status_changed'));

    await settle();
    expect(outsiderStream.events).toEqual([]);
    expect(clientStream.events).toEqual([]);
    expect(otherOrgStream.events).toEqual([]);
  });

  it('sends nothing for a change that was refused', async () => {
    const team = await createProjectTeam(context);
    const task = await createTask(context, team.manager, { projectId: team.project.id, captainId: team.member.id, deadline: '2030-01-01' });
    const stream = await open(team.manager);
    const refused = await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/status`,
      as: team.member,
      body: { status: 'review' },
    });
    expect(refused.status).toBe(409);
    await settle();
    expect(stream.events).toEqual([]);
  });

  it('catches up a reconnecting client with what it missed, in order', async () => {
    const team = await createProjectTeam(context);
    const task = await createTask(context, team.manager, { projectId: team.project.id, captainId: team.member.id, deadline: '2030-01-01' });
    const first = await open(team.manager);
    await context.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/status`, as: team.member, body: { status: 'in_progress' } });
    await first.waitFor((events) => events.length === 1);
    const lastId = first.events[0]!.id!;
    first.close();

    await context.request({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/status`,
      as: team.member,
      body: { status: 'waiting', reason: 'Client feedback', waitingOn: { external: 'Client' } },
    });
    await createTask(context, team.manager, { projectId: team.project.id, title: 'Created while away' });

    const again = await open(team.manager, { 'last-event-id': lastId });
    const taskEvents = () => again.events.filter((event) => event.type.startsWith('task.'));
    await again.waitFor(() => taskEvents().length === 2);
    expect(taskEvents().map((event) => event.type)).toEqual(['task.status_changed', 'task.created']);
    expect(Number(taskEvents()[0]!.id)).toBeGreaterThan(Number(lastId));
    expect((taskEvents()[0]!.data as RealtimeEvent).data.status).toBe('waiting');
  });

  it('starts to see a project’s changes once added to it, and stops when removed', async () => {
    const team = await createProjectTeam(context);
    const stream = await open(team.outsider);
    await context.request({
      method: 'PUT',
      url: `/api/v1/projects/${team.project.id}/members/${team.outsider.id}`,
      as: team.manager,
      body: { role: 'member' },
    });
    await stream.waitFor((events) => events.some((event) => event.type === 'project.members_changed'));
    await createTask(context, team.manager, { projectId: team.project.id, title: 'Now visible' });
    await stream.waitFor((events) => events.some((event) => event.type === 'task.created'));
    await context.request({ method: 'DELETE', url: `/api/v1/projects/${team.project.id}/members/${team.outsider.id}`, as: team.manager });
    await settle();
    const count = stream.events.length;
    await createTask(context, team.manager, { projectId: team.project.id, title: 'Hidden again' });
    await settle();
    expect(stream.events.slice(count).filter((event) => event.type === 'task.created')).toEqual([]);
  });

  it('requires a signed-in caller', async () => {
    const response = await context.request({ url: '/api/v1/events' });
    expect(response.status).toBe(401);
  });

  it.runIf(testEngine() === 'postgres')('carries a change made through one server to a client of another (PostgreSQL)', async () => {
    const team = await createProjectTeam(context);
    // A second server on the same database, with its own hub listening for NOTIFY.
    const realtime = new Hub(context.deps.database);
    const schema = await context.deps.database.db
      .selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('schema'))
      .executeTakeFirstOrThrow();
    await realtime.start(process.env.TEST_DATABASE_URL, schema.schema);
    const second = await buildApp({ ...context.deps, realtime }, { logger: false });
    await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
      const stream = await openStream(secondUrl, team.manager);
      streams.push(stream);
      await createTask(context, team.member, { projectId: team.project.id, title: 'Made on server A' });
      await stream.waitFor((events) => events.some((event) => event.type === 'task.created'));
    } finally {
      await realtime.close();
      await second.close();
    }
  });
});
