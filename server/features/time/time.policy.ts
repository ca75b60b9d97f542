/**
 * Who may change time entries and decide timesheets: pure rules over the caller's part in the
 * entry (whose time, which project) and the status of its week.
 */
import type { TimesheetStatus } from '../../../shared/time.js';
import { ForbiddenError } from '../../errors.js';
import { isLocked, lockedError } from './timesheet.js';

export interface EntryAccess {
  /** The entry is the caller's own time. */
  isOwn: boolean;
  /** The caller is an organization owner or admin. */
  isAdmin: boolean;
  /** The caller manages the entry's project (admins manage every project). */
  managesProject: boolean;
}

export interface ChangeRule {
  /** The change goes into the task's history (someone else's time, or a locked week). */
  recordHistory: boolean;
  /** The change needs a reason (an admin changing an approved week). */
  reasonRequired: boolean;
}

/**
 * Whether the caller may change (or delete) an entry of a week in `status`:
 * - the person, while the week is open or rejected;
 * - managers of the entry's project, someone else's entry, while the week is not approved (recorded in history);
 * - organization owners/admins, an approved week, with a reason (recorded in history).
 * Anyone who would be allowed but for the lock gets 409 `timesheet_locked`; others 403.
 */
export function entryChangeRule(access: EntryAccess, weekStart: string, status: TimesheetStatus): ChangeRule {
  if (status === 'approved') {
    if (access.isAdmin) return { recordHistory: true, reasonRequired: true };
    if (access.isOwn || access.managesProject) throw lockedError(weekStart, status);
  } else if (access.isOwn) {
    if (isLocked(status)) throw lockedError(weekStart, status);
    return { recordHistory: false, reasonRequired: false };
  } else if (access.managesProject) {
    return { recordHistory: true, reasonRequired: false };
  }
  throw new ForbiddenError('Only the person, managers of the project and organization admins change this time.');
}

export interface ApproverAccess {
  isAdmin: boolean;
  /** The week is the caller's own. */
  isOwnWeek: boolean;
  /** The caller manages at least one project with entries in that week. */
  managesProjectInWeek: boolean;
}

/** Owners and admins decide any week, their own too; managers decide weeks with time on their projects, never their own. */
export function canDecide(access: ApproverAccess): boolean {
  return access.isAdmin || (!access.isOwnWeek && access.managesProjectInWeek);
}

export function assertCanDecide(access: ApproverAccess): void {
  if (!canDecide(access)) {
    throw new ForbiddenError(
      access.isOwnWeek
        ? 'Your own week is approved by an organization admin or another manager.'
        : 'Only organization admins and managers of projects with time in this week approve it.',
    );
  }
}

/** Whether the caller may change entries of a week they look at (the sheet's `canEdit`). */
export function canEditWeek(access: { isOwn: boolean; isAdmin: boolean; managesAny: boolean }, status: TimesheetStatus): boolean {
  if (access.isOwn) return !isLocked(status);
  return access.isAdmin || (access.managesAny && status !== 'approved');
}
