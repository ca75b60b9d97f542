import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RealtimeEvent } from '../../../shared/events.js';
import { createProjectTeam, createTask, type TestPerson } from '../../test/factories.js';
import { createTestContext, TEST_ORIGIN, type TestContext } from '../../test/harness.js';
import { logTimeOk, setNow, submitWeek, TODAY } from './time.fixtures.js';

/** Reads a person's event stream from the start of the organization's log until `until` has arrived. */
function readStream(baseUrl: string, person: TestPerson, until: (events: RealtimeEvent[]) => boolean): Promise<RealtimeEvent[]> {
  return new Promise((resolve, reject) => {
    const events: RealtimeEvent[] = [];
    const request = http.get(
      `${baseUrl}/api/v1/events?after=0`,
      { headers: { cookie: `spine_session=${person.cookie}`, accept: 'text/event-stream', origin: TEST_ORIGIN } },
      (response) => {
        let buffer = '';
        const timeout = setTimeout(() => {
          request.destroy();
          resolve(events);
        }, 1500);
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          for (let boundary = buffer.indexOf('\n\n'); boundary >= 0; boundary = buffer.indexOf('\n\n')) {
            const data = buffer
              .slice(0, boundary)
              .split('\n')
              .find((line) => line.startsWith('data:'));
            buffer = buffer.slice(boundary + 2);
            if (data) events.push(JSON.parse(data.slice(5)) as RealtimeEvent);
          }
          if (until(events)) {
            clearTimeout(timeout);
            request.destroy();
            resolve(events);
          }
        });
      },
    );
    request.on('error', reject);
  });
}

describe('time live updates', () => {
  let context: TestContext;
  let baseUrl: string;
  beforeEach(async () => {
    context = await createTestContext();
    setNow(context, `${TODAY}T12:00:00Z`);
    await context.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(context.app.server.address() as AddressInfo).port}`;
  });
  afterEach(() => context.close());

  it('sends timer events to their person only, timesheet events to the person and admins, time events to the project', async () => {
    const { admin, manager, member, outsider, project } = await createProjectTeam(context);
    const { id: taskId } = await createTask(context, manager, { projectId: project.id });
    const started = await context.request({ method: 'POST', url: '/api/v1/timer', as: member, body: { taskId } });
    context.clock.advance(30 * 60_000);
    await context.request({ method: 'POST', url: '/api/v1/timer/stop', as: member, body: { timerId: started.body.timer.id } });
    await logTimeOk(context, member, { taskId });
    await submitWeek(context, member);
    // Everyone sees the last event, a new task, so each stream is read to the end.
    const last = await createTask(context, manager, { projectId: project.id });
    const done = (events: RealtimeEvent[]) => events.some((event) => event.type === 'task.created' && event.taskId === last.id);

    const types = async (person: TestPerson) =>
      (await readStream(baseUrl, person, done))
        .map((event) => event.type)
        .filter((type) => !type.startsWith('task.') && !type.startsWith('project.'));
    expect(await types(member)).toEqual(['timer.changed', 'time.changed', 'timer.changed', 'time.changed', 'timesheet.changed']);
    expect(await types(manager)).toEqual(['time.changed', 'time.changed']);
    expect(await types(admin)).toEqual(['time.changed', 'time.changed', 'timesheet.changed']);
    expect(await types(outsider)).toEqual([]);

    const memberEvents = await readStream(baseUrl, member, done);
    expect(memberEvents.find((event) => event.type === 'time.changed')).toMatchObject({
      projectId: project.id,
      taskId,
      data: { userId: member.id },
    });
    expect(memberEvents.find((event) => event.type === 'timesheet.changed')).toMatchObject({
      data: { userId: member.id, weekStart: '2027-03-01' },
    });
  });
});
