/** Milestones: a project's dated checkpoints, kept by its managers. */
import type { Kysely } from 'kysely';
import type { CreateMilestoneBody, Milestone, UpdateMilestoneBody } from '../../../shared/projects.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { changeWithEvents } from '../../unit-of-work.js';
import type { Actor } from '../auth/actor.js';
import { loadManagedProject, loadVisibleProject } from '../projects/project-access.js';
import { findProject } from '../projects/projects.repository.js';
import { canSeeProject, isProjectManager } from '../tasks/task.policy.js';
import * as repository from './milestones.repository.js';

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
  const found = await findProject(db, actor.organizationId, milestone.projectId, actor.userId);
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
