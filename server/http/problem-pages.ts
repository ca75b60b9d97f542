/** Serves the page each problem `type` URI points at (RFC 9457 lets `type` be a relative reference). */
import type { FastifyInstance } from 'fastify';
import { PROBLEM_TITLES } from './problem.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function registerProblemPages(app: FastifyInstance): void {
  app.get<{ Params: { code: string } }>('/docs/problems/:code', { schema: { hide: true } }, async (request, reply) => {
    const { code } = request.params;
    const title = PROBLEM_TITLES[code];
    if (!title) return reply.callNotFound();
    const body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<main><h1>${escapeHtml(title)}</h1><p>Spine answers with the problem code <code>${escapeHtml(code)}</code>.
The response's <code>detail</code> says what happened in this case, and <code>errors</code> (when present) point at the fields to correct.</p>
<p><a href="/api/docs">API reference</a></p></main></html>`;
    return reply.type('text/html; charset=utf-8').send(body);
  });
}
