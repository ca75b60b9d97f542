/** Projects, their members and milestones, and the organization's clients. */
import { sql } from 'kysely';
import type {
  ActivityType,
  Client,
  CreateActivityTypeBody,
  CreateClientBody,
  CreateMilestoneBody,
  CreateProjectBody,
  Milestone,
  Project,
  ProjectRole,
  UpdateActivityTypeBody,
  UpdateClientBody,
  UpdateMilestoneBody,
  UpdateProjectBody,
} from '../../../shared/projects.js';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import type { Deps } from '../../deps.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { changeWithEvents } from '../../realtime/publish.js';
import type { Actor } from '../auth/actor.js';
import { canSeeProject, isProjectManager } from '../tasks/task.policy.js';
import { moveActivityType, sameActivityName, uniqueActivityKey } from './activity-type.js';
import * as repository from './projects.repository.js';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';

/** Owners, admins and managers start projects and keep the client list. */
function assertCanRunProjects(actor: Actor): void {
  if (!isOrganizationAdmin(actor.role) && actor.role !== 'manager') {
    throw new ForbiddenError('Only managers, admins and owners create projects and clients.');
  }
}

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

/** The project if the caller may see it; 404 otherwise (its existence is private). */
export async function loadVisibleProject(db: Kysely<Schema>, actor: Actor, projectId: number) {
  const found = await repository.findProject(db, actor.organizationId, projectId, actor.userId);
  if (!found || !canSeeProject(actor, found.role)) throw new NotFoundError('This project');
  return found;
}

async function loadManagedProject(db: Kysely<Schema>, actor: Actor, projectId: number) {
  const found = await loadVisibleProject(db, actor, projectId);
  if (!isProjectManager(actor, found.role)) throw new ForbiddenError('Only managers of this project change it.');
  return found;
}

async function assertClientExists(db: Kysely<Schema>, actor: Actor, clientId: number | null | undefined): Promise<void> {
  if (clientId === null || clientId === undefined) return;
  if (!(await repository.findClient(db, actor.organizationId, clientId))) {
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
    if (
      existing?.role === 'manager' &&
      role === 'member' &&
      (await repository.countManagers(tx, projectId)) <= 1 &&
      !isOrganizationAdmin(actor.role)
    ) {
      throw new ConflictError('last_manager', 'A project keeps at least one manager; make someone else manager first.');
    }
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
    if (existing.role === 'manager' && (await repository.countManagers(tx, projectId)) <= 1 && !isOrganizationAdmin(actor.role)) {
      throw new ConflictError('last_manager', 'A project keeps at least one manager; make someone else manager first.');
    }
    await repository.deleteMember(tx, projectId, userId);
    await emit({ type: 'project.members_changed', projectId, actorId: actor.userId });
  });
}

export async function listMilestones(deps: Deps, actor: Actor, projectId: number): Promise<Milestone[]> {
  const { db } = deps.database;
  await loadVisibleProject(db, actor, projectId);
  return repository.listMilestones(db, projectId);
}

async function presentMilestone(db: Kysely<Schema>, projectId: number, milestoneId: number): Promise<Milestone> {
  const milestone = (await repository.listMilestones(db, projectId)).find((candidate) => candidate.id === milestoneId);
  if (!milestone) throw new NotFoundError('This milestone');
  return milestone;
}

export async function createMilestone(deps: Deps, actor: Actor, projectId: number, body: CreateMilestoneBody): Promise<Milestone> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    await loadManagedProject(tx, actor, projectId);
    const id = await repository.insertMilestone(
      tx,
      {
        organizationId: actor.organizationId,
        projectId,
        title: body.title,
        dueDate: body.dueDate ?? null,
        deliverables: body.deliverables,
      },
      deps.clock.now(),
    );
    await emit({ type: 'project.milestones_changed', projectId, actorId: actor.userId });
    return presentMilestone(tx, projectId, id);
  });
}

async function loadManagedMilestone(db: Kysely<Schema>, actor: Actor, milestoneId: number) {
  const milestone = await repository.findMilestone(db, actor.organizationId, milestoneId);
  if (!milestone) throw new NotFoundError('This milestone');
  const found = await repository.findProject(db, actor.organizationId, milestone.projectId, actor.userId);
  if (!found || !canSeeProject(actor, found.role)) throw new NotFoundError('This milestone');
  if (!isProjectManager(actor, found.role)) throw new ForbiddenError('Only managers of this project change its milestones.');
  return milestone;
}

export async function updateMilestone(deps: Deps, actor: Actor, milestoneId: number, body: UpdateMilestoneBody): Promise<Milestone> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const milestone = await loadManagedMilestone(tx, actor, milestoneId);
    await repository.updateMilestone(tx, milestoneId, body, deps.clock.now());
    await emit({ type: 'project.milestones_changed', projectId: milestone.projectId, actorId: actor.userId });
    return presentMilestone(tx, milestone.projectId, milestoneId);
  });
}

export async function deleteMilestone(deps: Deps, actor: Actor, milestoneId: number): Promise<void> {
  await changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const milestone = await loadManagedMilestone(tx, actor, milestoneId);
    await repository.deleteMilestone(tx, milestoneId);
    await emit({ type: 'project.milestones_changed', projectId: milestone.projectId, actorId: actor.userId });
  });
}

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

export async function listDirectory(deps: Deps, actor: Actor) {
  if (actor.role === 'client') throw new ForbiddenError('Client accounts do not see the people directory.');
  return repository.listDirectory(deps.database.db, actor.organizationId);
}

/** All types, inactive ones included, so old tasks and entries still show their names. */
export async function listActivityTypes(deps: Deps, actor: Actor): Promise<ActivityType[]> {
  return repository.listActivityTypes(deps.database.db, actor.organizationId);
}

/** The activity type list is the organization's vocabulary: owners and admins keep it. */
function assertCanManageActivityTypes(actor: Actor): void {
  if (!isOrganizationAdmin(actor.role)) throw new ForbiddenError('Only owners and admins change activity types.');
}

const ACTIVITY_TYPES_LOCK_KEY = 7_274_633;

/**
 * Runs a change of the organization's activity types with the list locked, so two people adding the
 * same name at once cannot both pass the name check (SQLite transactions are serialized already).
 */
async function changeActivityTypes<T>(
  deps: Deps,
  actor: Actor,
  change: (tx: Kysely<Schema>, types: ActivityType[]) => Promise<T>,
): Promise<T> {
  return deps.database.db.transaction().execute(async (tx) => {
    if (deps.database.engine === 'postgres') {
      await sql`select pg_advisory_xact_lock(${ACTIVITY_TYPES_LOCK_KEY}::integer, ${actor.organizationId}::integer)`.execute(tx);
    }
    return change(tx, await repository.listActivityTypes(tx, actor.organizationId));
  });
}

/** Names are unique per organization without regard to case, inactive types included. */
function assertNameFree(types: readonly ActivityType[], name: string, exceptId?: number): void {
  const other = types.find((type) => type.id !== exceptId && sameActivityName(type.name, name));
  if (!other) return;
  const detail = other.active
    ? `There is already an activity type named ${other.name}.`
    : `There is already an inactive activity type named ${other.name}; activate it instead.`;
  throw new ConflictError('activity_type_name_taken', detail, [{ pointer: '/name', code: 'name_taken', detail }]);
}

export async function createActivityType(deps: Deps, actor: Actor, body: CreateActivityTypeBody): Promise<ActivityType> {
  assertCanManageActivityTypes(actor);
  return changeActivityTypes(deps, actor, async (tx, types) => {
    assertNameFree(types, body.name);
    return repository.insertActivityType(tx, actor.organizationId, {
      key: uniqueActivityKey(body.name, new Set(types.map((type) => type.key))),
      name: body.name,
      color: body.color,
      billable: body.billable,
      active: body.active,
      position: types.length === 0 ? 0 : Math.max(...types.map((type) => type.position)) + 1,
    });
  });
}

/** Renames, recolours, (de)activates or moves a type; its key stays, so tasks keep pointing at it. */
export async function updateActivityType(deps: Deps, actor: Actor, id: number, body: UpdateActivityTypeBody): Promise<ActivityType> {
  assertCanManageActivityTypes(actor);
  return changeActivityTypes(deps, actor, async (tx, types) => {
    if (!types.some((type) => type.id === id)) throw new NotFoundError('This activity type');
    if (body.name !== undefined) assertNameFree(types, body.name, id);
    await repository.updateActivityType(tx, id, body);
    if (body.position !== undefined) {
      const order = moveActivityType(
        types.map((type) => type.id),
        id,
        body.position,
      );
      await repository.setActivityTypeOrder(tx, types, order);
    }
    const updated = await repository.findActivityType(tx, actor.organizationId, id);
    if (!updated) throw new NotFoundError('This activity type');
    return updated;
  });
}
