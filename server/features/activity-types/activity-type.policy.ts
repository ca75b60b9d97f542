/** Who keeps the activity type list. Pure. */
import { isOrganizationAdmin } from '../../../shared/roles.js';
import { ForbiddenError } from '../../errors.js';
import type { Actor } from '../auth/actor.js';

/** The activity type list is the organization's vocabulary: owners and admins keep it. */
export function assertCanManageActivityTypes(actor: Actor): void {
  if (!isOrganizationAdmin(actor.role)) throw new ForbiddenError('Only owners and admins change activity types.');
}
