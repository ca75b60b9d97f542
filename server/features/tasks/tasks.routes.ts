import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/api.js';
import {
  AddDependencyBodySchema,
  ChangeStatusBodySchema,
  CreateTaskBodySchema,
  DependencyParamsSchema,
  HistorySchema,
  ListTasksQuerySchema,
  MoveTaskBodySchema,
  ReviewBodySchema,
  TaskPageSchema,
  TaskSchema,
  UpdateTaskBodySchema,
} from '../../../shared/tasks.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import * as service from './tasks.service.js';

export function registerTaskRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/tasks',
    {
      schema: {
        summary: 'Tasks you can see, filtered, sorted and searched; cursor-paginated',
        description:
          '`q` searches titles, descriptions and comments (closed tasks included) and returns `highlight` with matches in «». `sort=queue` with `captainId` and open statuses is that person’s queue.',
        tags: ['tasks'],
        querystring: ListTasksQuerySchema,
        response: { 200: TaskPageSchema, ...problemResponses },
      },
    },
    async (request) => service.listTasks(deps, requireActor(request), request.query),
  );

  app.post(
    '/tasks',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Create a task (planned); it joins the end of its captain’s queue',
        tags: ['tasks'],
        body: CreateTaskBodySchema,
        response: { 201: TaskSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createTask(deps, requireActor(request), request.body)),
  );

  app.get(
    '/tasks/:id',
    { schema: { summary: 'One task', tags: ['tasks'], params: IdParamsSchema, response: { 200: TaskSchema, ...problemResponses } } },
    async (request, reply) => {
      const task = await service.getTask(deps, requireActor(request), request.params.id);
      reply.header('etag', `"${task.version}"`);
      return task;
    },
  );

  app.patch(
    '/tasks/:id',
    {
      schema: {
        summary: 'Change a task’s fields; needs the version you edited (If-Match or `version`), 412 with the current task when stale',
        tags: ['tasks'],
        params: IdParamsSchema,
        body: UpdateTaskBodySchema,
        headers: z.object({ 'if-match': z.string().optional() }).loose(),
        response: { 200: TaskSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const task = await service.updateTask(deps, requireActor(request), request.params.id, request.body, request.headers['if-match']);
      reply.header('etag', `"${task.version}"`);
      return task;
    },
  );

  app.post(
    '/tasks/:id/status',
    {
      schema: {
        summary:
          'Move a task through the workflow: start, wait (reason + waitingOn), resume, submit for review, complete, reopen, cancel, restore',
        tags: ['tasks'],
        params: IdParamsSchema,
        body: ChangeStatusBodySchema,
        response: { 200: TaskSchema, ...problemResponses },
      },
    },
    async (request) => service.changeStatus(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/tasks/:id/review',
    {
      schema: {
        summary: 'Approve a task in review (→ done) or request changes with feedback (→ in progress)',
        tags: ['tasks'],
        params: IdParamsSchema,
        body: ReviewBodySchema,
        response: { 200: TaskSchema, ...problemResponses },
      },
    },
    async (request) => service.reviewTask(deps, requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/tasks/:id/move',
    {
      schema: {
        summary: 'Place a task before or after another in its captain’s queue or its project’s backlog',
        tags: ['tasks'],
        params: IdParamsSchema,
        body: MoveTaskBodySchema,
        response: { 200: TaskSchema, ...problemResponses },
      },
    },
    async (request) => service.moveTask(deps, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/tasks/:id/history',
    {
      schema: {
        summary: 'Everything that happened to a task, oldest first',
        tags: ['tasks'],
        params: IdParamsSchema,
        response: { 200: HistorySchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await service.getHistory(deps, requireActor(request), request.params.id) }),
  );

  app.post(
    '/tasks/:id/dependencies',
    {
      schema: {
        summary: 'Mark the task as blocked by another task',
        tags: ['tasks'],
        params: IdParamsSchema,
        body: AddDependencyBodySchema,
        response: { 200: TaskSchema, ...problemResponses },
      },
    },
    async (request) => service.addDependency(deps, requireActor(request), request.params.id, request.body.blockedById),
  );

  app.delete(
    '/tasks/:id/dependencies/:blockedById',
    {
      schema: {
        summary: 'Remove a blocker',
        tags: ['tasks'],
        params: DependencyParamsSchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.removeDependency(deps, requireActor(request), request.params.id, request.params.blockedById);
      return reply.status(204).send(null);
    },
  );
}
