import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from '../test/factories.js';
import { createTestContext, type TestContext } from '../test/harness.js';
import { generateOpenApiDocument, OPENAPI_FILE } from './openapi.js';

describe('HTTP behaviour shared by every route', () => {
  let context: TestContext;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'spine-web-'));
    fs.mkdirSync(path.join(webRoot, 'assets'));
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Spine</title><div id="root"></div>');
    fs.writeFileSync(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)');
    context = await createTestContext({ webRoot });
  });
  afterAll(async () => {
    await context.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  it('answers unknown API routes with a 404 problem', async () => {
    const response = await context.request({ url: '/api/v1/nothing-here' });
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 404,
      code: 'route_not_found',
      title: 'No such endpoint',
      type: '/docs/problems/route_not_found',
      instance: '/api/v1/nothing-here',
    });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers malformed JSON with 400 and no internals', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", "password": ',
    });
    expect(response.statusCode).toBe(400);
    const body = JSON.parse(response.body);
    expect(body.code).toBe('malformed_request');
    expect(response.body).not.toMatch(/at .*\.js|SyntaxError|stack/);
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await context.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(response.statusCode).toBe(415);
    expect(JSON.parse(response.body).code).toBe('unsupported_media_type');
  });

  it('serves the problem type pages it links to', async () => {
    const response = await context.request({ url: '/docs/problems/last_owner' });
    expect(response.status).toBe(200);
    expect(response.text).toContain('The last owner must stay');
    const unknown = await context.request({ url: '/docs/problems/request_failed' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('route_not_found');
  });

  it('sends security headers: CSP without inline scripts, nosniff, frame-ancestors, referrer policy', async () => {
    const response = await context.request({ url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('reports liveness and readiness', async () => {
    expect((await context.request({ url: '/healthz' })).body).toEqual({ status: 'ok' });
    const ready = await context.request({ url: '/readyz' });
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });

  it('serves the SPA: index.html without caching for app paths, hashed assets cached for a year', async () => {
    const page = await context.request({ url: '/people' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<div id="root">');
    const asset = await context.request({ url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('serves the OpenAPI document and the browsable reference', async () => {
    const document = await context.request({ url: '/api/v1/openapi.json' });
    expect(document.status).toBe(200);
    expect(document.body.openapi).toBe('3.1.0');
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/v1/setup', '/api/v1/users/{id}', '/api/v1/tokens']));
    const docs = await context.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('the committed openapi.json matches the routes (run `npm run openapi:generate`)', async () => {
    const committed = fs.readFileSync(OPENAPI_FILE, 'utf8');
    expect(committed).toBe(await generateOpenApiDocument());
  });

  it('never answers 500 for a wrong id type', async () => {
    const { owner } = await createTeam(context);
    const response = await context.request({ method: 'DELETE', url: '/api/v1/tokens/1e999', as: owner });
    expect(response.status).toBe(422);
  });
});
