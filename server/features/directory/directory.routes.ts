import { DirectorySchema } from '../../../shared/projects.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import * as service from './directory.service.js';

export function registerDirectoryRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/directory',
    {
      schema: {
        summary: 'Everyone in the organization, for choosing members, captains and whom work waits on',
        tags: ['people'],
        response: { 200: DirectorySchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await service.listDirectory(deps, requireActor(request)) }),
  );
}
