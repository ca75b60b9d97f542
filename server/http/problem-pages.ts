/** Serves the page each problem `type` URI points at (RFC 9457 lets `type` be a relative reference). */
import type { FastifyInstance } from 'fastify';
import { isProblemCode, PROBLEMS, problemStatuses } from '../../shared/problems.js';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Backquoted words of a catalogue description as code. */
const describe = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

export function registerProblemPages(app: FastifyInstance): void {
  app.get<{ Params: { code: string } }>('/docs/problems/:code', { schema: { hide: true } }, async (request, reply) => {
    const { code } = request.params;
    if (!isProblemCode(code)) return reply.callNotFound();
    const { title, description } = PROBLEMS[code];
    const body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<main><h1>${escapeHtml(title)}</h1>
<p>Status ${problemStatuses(code).join(' or ')}, problem code <code>${escapeHtml(code)}</code>.</p>
<p>${describe(description)}</p>
<p>The response's <code>detail</code> says what happened in this case, and <code>errors</code> (when present) point at the fields to correct.</p>
<p><a href="/api/docs">API reference</a></p></main></html>`;
    return reply.type('text/html; charset=utf-8').send(body);
  });
}
