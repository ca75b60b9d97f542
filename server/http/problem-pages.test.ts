import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_CODES, PROBLEMS, problemStatuses, problemTypeFor } from '../../shared/problems.js';
import { registerProblemPages } from './problem-pages.js';

describe('problem type pages', () => {
  const app = Fastify({ logger: false });
  beforeAll(async () => {
    registerProblemPages(app);
    await app.ready();
  });
  afterAll(() => app.close());

  it('serve every catalogued code with its title, status and description', async () => {
    for (const code of PROBLEM_CODES) {
      const response = await app.inject({ url: problemTypeFor(code) });
      expect(response.statusCode, code).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain(`<h1>${PROBLEMS[code].title}</h1>`);
      expect(response.body).toContain(`Status ${problemStatuses(code).join(' or ')}`);
      expect(response.body).toContain(`<code>${code}</code>`);
    }
  });

  it('describe the problem, with code words as code', async () => {
    const response = await app.inject({ url: '/docs/problems/stale_version' });
    expect(response.body).toContain(
      'The version sent is no longer the task’s current one; <code>current</code> holds the task as it is now.',
    );
    expect((await app.inject({ url: '/docs/problems/invitation_invalid' })).body).toContain('Status 404 or 410');
  });

  it('answer 404 for a code Spine does not have', async () => {
    expect((await app.inject({ url: '/docs/problems/no_such_code' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/docs/problems/toString' })).statusCode).toBe(404);
  });
});
