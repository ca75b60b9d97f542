/** Activity types: the organization's list of kinds of work, read by everyone, kept by owners and admins. */
import type { Kysely } from 'kysely';
import type { ActivityType, CreateActivityTypeBody, UpdateActivityTypeBody } from '../../../shared/projects.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';
import { assertNameFree, moveActivityType, uniqueActivityKey } from './activity-type.js';
import { assertCanManageActivityTypes } from './activity-type.policy.js';
import * as repository from './activity-types.repository.js';

/** All types, inactive ones included, so old tasks and entries still show their names. */
export async function listActivityTypes(deps: Deps, actor: Actor): Promise<ActivityType[]> {
  return repository.listActivityTypes(deps.database.db, actor.organizationId);
}

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
    await repository.lockActivityTypes(tx, deps.database.engine, actor.organizationId);
    return change(tx, await repository.listActivityTypes(tx, actor.organizationId));
  });
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
