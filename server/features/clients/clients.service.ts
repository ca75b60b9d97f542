/** The organization's clients: listed for its people, kept by those who run projects. */
import type { Client, CreateClientBody, UpdateClientBody } from '../../../shared/projects.js';
import type { Deps } from '../../deps.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { assertCanRunProjects } from '../projects/project.policy.js';
import * as repository from './clients.repository.js';

export async function listClients(deps: Deps, actor: Actor): Promise<Client[]> {
  if (actor.role === 'client') throw new ForbiddenError('Client accounts do not see the client list.');
  return repository.listClients(deps.database.db, actor.organizationId);
}

export async function createClient(deps: Deps, actor: Actor, body: CreateClientBody): Promise<Client> {
  assertCanRunProjects(actor);
  return repository.insertClient(deps.database.db, actor.organizationId, body, deps.clock.now());
}

export async function updateClient(deps: Deps, actor: Actor, clientId: number, body: UpdateClientBody): Promise<Client> {
  assertCanRunProjects(actor);
  const client = await repository.updateClient(deps.database.db, actor.organizationId, clientId, body, deps.clock.now());
  if (!client) throw new NotFoundError('This client');
  return client;
}
