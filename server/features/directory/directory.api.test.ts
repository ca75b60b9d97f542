import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeam } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/harness.js';

describe('the people directory', () => {
  let context: TestContext;
  beforeEach(async () => {
    context = await createTestContext();
  });
  afterEach(() => context.close());

  it('lists the directory to organization members, not to client accounts', async () => {
    const { member, client } = await createTeam(context);
    const directory = await context.request({ url: '/api/v1/directory', as: member });
    expect(directory.body.items).toHaveLength(5);
    expect((await context.request({ url: '/api/v1/directory', as: client })).status).toBe(403);
  });
});
