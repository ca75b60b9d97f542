import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/api.js';
import { CommentBodySchema, CommentListSchema, CommentParamsSchema, CommentSchema } from '../../../shared/tasks.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import * as service from './comments.service.js';

export function registerCommentRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/tasks/:id/comments',
    {
      schema: {
        summary: 'A task’s comments, oldest first',
        tags: ['comments'],
        params: IdParamsSchema,
        response: { 200: CommentListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await service.listComments(deps, requireActor(request), request.params.id) }),
  );

  app.post(
    '/tasks/:id/comments',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Comment on an open task (Markdown); `@Full Name` or `@email` mentions members of the project',
        tags: ['comments'],
        params: IdParamsSchema,
        body: CommentBodySchema,
        response: { 201: CommentSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addComment(deps, requireActor(request), request.params.id, request.body)),
  );

  app.patch(
    '/comments/:id',
    {
      schema: {
        summary: 'Edit your own comment on an open task; mentions are resolved again',
        tags: ['comments'],
        params: CommentParamsSchema,
        body: CommentBodySchema,
        response: { 200: CommentSchema, ...problemResponses },
      },
    },
    async (request) => service.editComment(deps, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/comments/:id',
    {
      schema: {
        summary: 'Delete your own comment on an open task',
        tags: ['comments'],
        params: CommentParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.deleteComment(deps, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
