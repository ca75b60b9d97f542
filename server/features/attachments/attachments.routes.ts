import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/api.js';
import { AttachmentContentQuerySchema, AttachmentListSchema, AttachmentSchema } from '../../../shared/tasks.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import * as service from './attachments.service.js';

/** Downloads are data, never a page: no scripts, no plugins, no same-origin powers, even when shown inline. */
const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/** Documents the form only: the handler reads the multipart stream itself (the parsed body is null). */
const UploadBodySchema = z.unknown().meta({
  description: 'multipart/form-data with one file in the field `file`.',
  type: 'object',
  properties: { file: { type: 'string', format: 'binary', description: 'The file; its name is kept for display only.' } },
  required: ['file'],
});

const FileContentSchema = z.any().meta({
  description: 'The file’s bytes',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
});

/** The first file of a multipart request, not yet read; undefined when the request is not multipart. */
async function firstFile(request: FastifyRequest, limitBytes: number): Promise<service.IncomingFile | undefined> {
  if (!request.isMultipart()) return undefined;
  const part = await request.file({ limits: { fileSize: limitBytes, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 } });
  return part && { fieldName: part.fieldname, filename: part.filename, contentType: part.mimetype, stream: part.file };
}

export function registerAttachmentRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/tasks/:id/attachments',
    {
      schema: {
        summary: 'A task’s documents, oldest first',
        tags: ['attachments'],
        params: IdParamsSchema,
        response: { 200: AttachmentListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await service.listAttachments(deps, requireActor(request), request.params.id) }),
  );

  app.get(
    '/attachments/:id/content',
    {
      schema: {
        summary: 'Download a document',
        description:
          'Always `Content-Disposition: attachment`, except that `inline=1` shows PNG, JPEG, GIF, WebP and PDF in the browser. Types that could run as a page (HTML, SVG, XML, scripts, anything unknown) are served as application/octet-stream.',
        tags: ['attachments'],
        params: IdParamsSchema,
        querystring: AttachmentContentQuerySchema,
        response: { 200: FileContentSchema, ...problemResponses },
      },
      // Runs after the app-wide security headers, so it replaces their page CSP for this response.
      onSend: async (_request, reply, payload) => {
        reply.header('content-security-policy', DOWNLOAD_CSP);
        return payload;
      },
    },
    async (request, reply) => {
      const download = await service.openAttachment(deps, requireActor(request), request.params.id, request.query.inline ?? false);
      return reply
        .header('content-type', download.contentType)
        .header('content-disposition', download.contentDisposition)
        .header('content-length', download.size)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(download.stream);
    },
  );

  app.delete(
    '/attachments/:id',
    {
      schema: {
        summary: 'Delete a document (its uploader, or a project manager) and its file',
        tags: ['attachments'],
        params: IdParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.deleteAttachment(deps, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // Multipart is parsed for the upload route only; everywhere else it stays an unsupported media type.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: true });
    const uploads = scope.withTypeProvider<ZodTypeProvider>();
    uploads.post(
      '/tasks/:id/attachments',
      {
        schema: {
          summary: 'Upload a document to an open task (captain, collaborators, creator, project managers)',
          description: `multipart/form-data with the file in the field \`file\`, up to the server's upload limit (UPLOAD_LIMIT_MB, 413 beyond). The SHA-256 of the bytes is recorded.`,
          tags: ['attachments'],
          consumes: ['multipart/form-data'],
          params: IdParamsSchema,
          body: UploadBodySchema,
          response: { 201: AttachmentSchema, ...problemResponses },
        },
        onSend: async (request, reply, payload) => {
          // A refused upload whose body is still arriving: close the connection instead of reading the rest.
          if (reply.statusCode >= 400 && !request.raw.readableEnded) reply.header('connection', 'close');
          return payload;
        },
      },
      async (request, reply) => {
        const attachment = await service.addAttachment(deps, requireActor(request), request.params.id, () =>
          firstFile(request, deps.config.uploadLimitBytes),
        );
        return reply.status(201).send(attachment);
      },
    );
  });
}
