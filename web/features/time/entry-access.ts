/**
 * What the viewer may do with a time entry, mirroring the server's rule (server/features/time/time.policy.ts)
 * so the screen offers only what will work; the server still decides.
 */
import type { TimesheetStatus } from '../../../shared/time.js';

export interface EntryViewer {
  userId: number;
  /** Organization owner or admin. */
  isAdmin: boolean;
  /** Manages the entry's project (admins manage every project). */
  managesProject: boolean;
}

export interface EntryAccess {
  canChange: boolean;
  /** A correction of someone else's time or of an approved week: offer a reason, for the task's history. */
  asksReason: boolean;
  /** An approved week: the reason is required. */
  reasonRequired: boolean;
}

const NONE: EntryAccess = { canChange: false, asksReason: false, reasonRequired: false };

export function entryAccess(entry: { userId: number; weekStatus: TimesheetStatus }, viewer: EntryViewer): EntryAccess {
  if (entry.weekStatus === 'approved') {
    return viewer.isAdmin ? { canChange: true, asksReason: true, reasonRequired: true } : NONE;
  }
  if (entry.userId === viewer.userId) {
    // Submitted: read-only for the person until they withdraw the week.
    return entry.weekStatus === 'submitted' ? NONE : { canChange: true, asksReason: false, reasonRequired: false };
  }
  return viewer.managesProject || viewer.isAdmin ? { canChange: true, asksReason: true, reasonRequired: false } : NONE;
}

/** The week's lock, if any: submitted (waiting for approval) or approved. */
export function weekLock(status: TimesheetStatus): 'submitted' | 'approved' | null {
  return status === 'submitted' || status === 'approved' ? status : null;
}
