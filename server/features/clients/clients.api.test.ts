import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectTeam, createTeam } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('clients', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  it('answers 403 to members and clients creating clients', async () => {
    const { member, client } = await createTeam(context);
    for (const person of [member, client]) {
      expect((await context.request({ method: 'POST', url: '/api/v1/clients', as: person, body: { name: 'X' } })).status).toBe(403);
    }
  });

  it('keeps clients of another organization invisible', async () => {
    const a = await createProjectTeam(context);
    const b = await createProjectTeam(context);
    await context.request({ method: 'POST', url: '/api/v1/clients', as: b.manager, body: { name: 'Secret client' } });
    expect((await context.request({ url: '/api/v1/clients', as: a.owner })).body.items).toEqual([]);
  });

  it('lets those who run projects change a client; other organizations get 404, client accounts see no list', async () => {
    const { manager, member, client } = await createTeam(context);
    const created = await context.request({ method: 'POST', url: '/api/v1/clients', as: manager, body: { name: 'ACME' } });
    const url = `/api/v1/clients/${created.body.id}`;
    const renamed = await context.request({ method: 'PATCH', url, as: manager, body: { name: 'ACME Corp', notes: 'Pays in 30 days' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: created.body.id, name: 'ACME Corp', notes: 'Pays in 30 days' });
    expect((await context.request({ method: 'PATCH', url, as: member, body: { name: 'Mine' } })).status).toBe(403);
    const other = await createTeam(context);
    expect((await context.request({ method: 'PATCH', url, as: other.owner, body: { name: 'Hijacked' } })).status).toBe(404);
    expect((await context.request({ url: '/api/v1/clients', as: member })).body.items.map((c: { name: string }) => c.name)).toEqual([
      'ACME Corp',
    ]);
    expect((await context.request({ url: '/api/v1/clients', as: client })).status).toBe(403);
  });
});
