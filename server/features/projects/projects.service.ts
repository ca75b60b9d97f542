/** Projects and their members. */
import type { Kysely } from 'kysely';
import type { CreateProjectBody, Project, ProjectRole, UpdateProjectBody } from '../../../shared/projects.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { changeWithEvents } from '../../unit-of-work.js';
import type { Actor } from '../auth/actor.js';
import { findClient } from '../clients/clients.repository.js';
import { loadManagedProject, loadVisibleProject } from './project-access.js';
import { assertCanRunProjects, assertKeepsAManager } from './project.policy.js';
import * as repository from './projects.repository.js';

async function presentProject(
  db: Kysely<Schema>,
  project: repository.ProjectRecord,
  role: ProjectRole | null,
  openTaskCount?: number,
): Promise<Project> {
  const members = (await repository.listMembers(db, [project.id])).get(project.id) ?? [];
  const { organizationId: _organizationId, ...rest } = project;
  return {
    ...rest,
    members,
    myRole: role ?? 'admin',
    openTaskCount: openTaskCount ?? (await repository.countOpenTasks(db, project.id)),
  };
}

async function assertClientExists(db: Kysely<Schema>, actor: Actor, clientId: number | null | undefined): Promise<void> {
  if (clientId === null || clientId === undefined) return;
  if (!(await findClient(db, actor.organizationId, clientId))) {
    throw new ValidationError({ pointer: '/clientId', code: 'not_found', detail: 'There is no such client.' });
  }
}

/** Project members must be active people of the organization, and not client accounts. */
async function assertMembersValid(db: Kysely<Schema>, actor: Actor, userIds: readonly number[], pointer: (index: number) => string) {
  const found = await repository.findActiveMembers(db, actor.organizationId, userIds);
  const errors = userIds.flatMap((userId, index) => {
    const role = found.get(userId);
    if (role === undefined)
      return [{ pointer: pointer(index), code: 'not_found', detail: 'This person is not an active member of the organization.' }];
    if (role === 'client')
      return [{ pointer: pointer(index), code: 'client_account', detail: 'Client accounts cannot be project members.' }];
    return [];
  });
  if (errors.length > 0) throw new ValidationError(errors);
}

export async function listProjects(deps: Deps, actor: Actor, state?: Project['state']): Promise<Project[]> {
  const { db } = deps.database;
  if (actor.role === 'client') return [];
  const rows = await repository.listProjects(db, actor.organizationId, actor.userId, { all: isOrganizationAdmin(actor.role), state });
  const members = await repository.listMembers(
    db,
    rows.map((row) => row.project.id),
  );
  return rows.map(({ project, role, openTaskCount }) => {
    const { organizationId: _organizationId, ...rest } = project;
    return { ...rest, members: members.get(project.id) ?? [], myRole: role ?? 'admin', openTaskCount };
  });
}

export async function getProject(deps: Deps, actor: Actor, projectId: number): Promise<Project> {
  const { db } = deps.database;
  const { project, role } = await loadVisibleProject(db, actor, projectId);
  return presentProject(db, project, role);
}

export async function createProject(deps: Deps, actor: Actor, body: CreateProjectBody): Promise<Project> {
  assertCanRunProjects(actor);
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    if (await repository.findProjectByKey(tx, actor.organizationId, body.key)) {
      throw new ConflictError('key_taken', `Another project already uses the key ${body.key}.`, [
        { pointer: '/key', code: 'key_taken', detail: 'Choose another key.' },
      ]);
    }
    await assertClientExists(tx, actor, body.clientId);
    const memberIds = body.members.map((member) => member.userId);
    if (new Set(memberIds).size !== memberIds.length) {
      throw new ValidationError({ pointer: '/members', code: 'duplicate', detail: 'List each person once.' });
    }
    await assertMembersValid(tx, actor, memberIds, (index) => `/members/${index}/userId`);
    const now = deps.clock.now();
    const projectId = await repository.insertProject(
      tx,
      {
        organizationId: actor.organizationId,
        clientId: body.clientId ?? null,
        key: body.key,
        name: body.name,
        description: body.description,
        startDate: body.startDate ?? null,
        endDate: body.endDate ?? null,
        state: 'active',
        reviewRequired: body.reviewRequired,
        billable: body.billable,
        createdBy: actor.userId,
      },
      now,
    );
    const members = [...body.members];
    // A manager who starts a project runs it; admins see every project anyway.
    if (actor.role === 'manager' && !memberIds.includes(actor.userId)) members.push({ userId: actor.userId, role: 'manager' });
    for (const member of members) {
      await repository.upsertMember(tx, { projectId, organizationId: actor.organizationId, userId: member.userId, role: member.role }, now);
    }
    const found = await repository.findProject(tx, actor.organizationId, projectId, actor.userId);
    await emit({ type: 'project.created', projectId, actorId: actor.userId });
    return presentProject(tx, found!.project, found!.role, 0);
  });
}

export async function updateProject(deps: Deps, actor: Actor, projectId: number, body: UpdateProjectBody): Promise<Project> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    await loadManagedProject(tx, actor, projectId);
    await assertClientExists(tx, actor, body.clientId);
    await repository.updateProject(tx, projectId, body, deps.clock.now());
    await emit({ type: 'project.updated', projectId, actorId: actor.userId });
    const found = await repository.findProject(tx, actor.organizationId, projectId, actor.userId);
    return presentProject(tx, found!.project, found!.role);
  });
}

export async function setProjectMember(deps: Deps, actor: Actor, projectId: number, userId: number, role: ProjectRole): Promise<Project> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    await loadManagedProject(tx, actor, projectId);
    await assertMembersValid(tx, actor, [userId], () => '/params/userId');
    const existing = (await repository.listMembers(tx, [projectId])).get(projectId)?.find((member) => member.userId === userId);
    if (existing?.role === 'manager' && role === 'member') assertKeepsAManager(actor, (await repository.countManagers(tx, projectId)) - 1);
    await repository.upsertMember(tx, { projectId, organizationId: actor.organizationId, userId, role }, deps.clock.now());
    await emit({ type: 'project.members_changed', projectId, actorId: actor.userId });
    const found = await repository.findProject(tx, actor.organizationId, projectId, actor.userId);
    return presentProject(tx, found!.project, found!.role);
  });
}

export async function removeProjectMember(deps: Deps, actor: Actor, projectId: number, userId: number): Promise<void> {
  await changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    await loadManagedProject(tx, actor, projectId);
    const existing = (await repository.listMembers(tx, [projectId])).get(projectId)?.find((member) => member.userId === userId);
    if (!existing) throw new NotFoundError('This project member');
    if (existing.role === 'manager') assertKeepsAManager(actor, (await repository.countManagers(tx, projectId)) - 1);
    await repository.deleteMember(tx, projectId, userId);
    await emit({ type: 'project.members_changed', projectId, actorId: actor.userId });
  });
}
