import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrganization, createPerson, createTeam, TEST_PASSWORD } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('organizations', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  it('owners and admins change the settings; everyone reads them', async () => {
    const { owner, admin, member } = await createTeam(context);
    const change = {
      name: 'Atölye Tasarım',
      timeZone: 'Europe/Istanbul',
      currency: 'TRY',
      weekStart: 1,
      workingDays: [1, 2, 3, 4, 5, 6],
      workdayStart: '08:30',
      workdayEnd: '18:00',
      digestTime: '08:15',
    };
    const response = await context.request({ method: 'PATCH', url: '/api/v1/organization', as: owner, body: change });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject(change);
    expect((await context.request({ method: 'PATCH', url: '/api/v1/organization', as: admin, body: { currency: 'EUR' } })).status).toBe(
      200,
    );
    const read = await context.request({ url: '/api/v1/organization', as: member });
    expect(read.body).toMatchObject({ name: 'Atölye Tasarım', currency: 'EUR', timeZone: 'Europe/Istanbul' });
  });

  it('answers 403 to managers and members changing settings', async () => {
    const { manager, member, owner } = await createTeam(context);
    for (const person of [manager, member]) {
      const response = await context.request({ method: 'PATCH', url: '/api/v1/organization', as: person, body: { name: 'Hijacked' } });
      expect(response.status).toBe(403);
    }
    expect((await context.request({ url: '/api/v1/organization', as: owner })).body.name).not.toBe('Hijacked');
  });

  it('validates time zone, currency and working days', async () => {
    const { owner } = await createTeam(context);
    const response = await context.request({
      method: 'PATCH',
      url: '/api/v1/organization',
      as: owner,
      body: { timeZone: 'Mars/Olympus', currency: 'euro', workingDays: [], workdayStart: '25:00' },
    });
    expect(response.status).toBe(422);
    const pointers = response.body.errors.map((error: { pointer: string }) => error.pointer).sort();
    expect(pointers).toEqual(['/currency', '/timeZone', '/workdayStart', '/workingDays']);
  });

  it('the instance administrator creates an organization with its first owner', async () => {
    const first = await createOrganization(context);
    const administrator = await createPerson(context, first.id, 'owner', { isInstanceAdmin: true });
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      as: administrator,
      body: { name: 'Hosted Client Ltd', owner: { name: 'Hana', email: 'hana@hosted.example', password: 'hosted owner phrase' } },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ name: 'Hosted Client Ltd', id: expect.any(Number) });
    const login = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: 'hana@hosted.example', password: 'hosted owner phrase' },
    });
    expect(login.body).toMatchObject({ role: 'owner', organization: { id: response.body.id } });
  });

  it('an existing account becomes owner of the new organization and keeps its password', async () => {
    const first = await createOrganization(context);
    const administrator = await createPerson(context, first.id, 'owner', { isInstanceAdmin: true });
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      as: administrator,
      body: { name: 'Second', owner: { name: administrator.name, email: administrator.email, password: 'ignored for existing' } },
    });
    expect(response.status).toBe(201);
    const login = await context.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: administrator.email, password: TEST_PASSWORD },
    });
    expect(login.body.organizations).toHaveLength(2);
  });

  it('answers 403 to an owner who does not administer the instance', async () => {
    const { owner } = await createTeam(context);
    const response = await context.request({
      method: 'POST',
      url: '/api/v1/organizations',
      as: owner,
      body: { name: 'Mine', owner: { name: 'X', email: 'x@example.com', password: 'long enough phrase' } },
    });
    expect(response.status).toBe(403);
  });
});
