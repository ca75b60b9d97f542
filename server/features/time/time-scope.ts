/**
 * Whose time a person may see: everyone's for organization owners and admins; otherwise their own
 * entries plus every entry on the projects they manage. Entries, timesheets and reports all read
 * through this one rule. Client accounts see no time at all.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import type { Schema } from '../../db/schema.js';
import { ForbiddenError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';

export type TimeScope =
  | { kind: 'organization'; organizationId: number }
  | { kind: 'limited'; organizationId: number; userId: number; managedProjectIds: readonly number[] };

export async function timeScopeOf(db: Kysely<Schema>, actor: Actor): Promise<TimeScope> {
  if (actor.role === 'client') throw new ForbiddenError('Client accounts do not see tracked time.');
  if (isOrganizationAdmin(actor.role)) return { kind: 'organization', organizationId: actor.organizationId };
  const managed = await db
    .selectFrom('project_members')
    .select('project_id')
    .where('organization_id', '=', actor.organizationId)
    .where('user_id', '=', actor.userId)
    .where('role', '=', 'manager')
    .execute();
  return {
    kind: 'limited',
    organizationId: actor.organizationId,
    userId: actor.userId,
    managedProjectIds: managed.map((row) => row.project_id),
  };
}

/** The scope as a condition on `time_entries` aliased `e` (the organization is always part of it). */
export function entryInScope(scope: TimeScope) {
  return (eb: ExpressionBuilder<{ e: Schema['time_entries'] }, 'e'>) => {
    const inOrganization = eb('e.organization_id', '=', scope.organizationId);
    if (scope.kind === 'organization') return inOrganization;
    const visible =
      scope.managedProjectIds.length === 0
        ? eb('e.user_id', '=', scope.userId)
        : eb.or([eb('e.user_id', '=', scope.userId), eb('e.project_id', 'in', scope.managedProjectIds)]);
    return eb.and([inOrganization, visible]);
  };
}

/** Whether a scope covers one entry, for checks on a single row. */
export function scopeCovers(scope: TimeScope, entry: { userId: number; projectId: number }): boolean {
  return scope.kind === 'organization' || entry.userId === scope.userId || scope.managedProjectIds.includes(entry.projectId);
}
