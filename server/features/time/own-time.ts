/**
 * What entries, timers and timesheets share: the organization's calendar for time rules, entries as
 * the API shows them, the activity type of new time, the live event of a change, and the opening of
 * a change to one's own time.
 */
import type { Kysely } from 'kysely';
import { type TimeEntry, type TimesheetStatus, weekStartOf } from '../../../shared/time.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { Emit } from '../../unit-of-work.js';
import type { Actor } from '../auth/actor.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { localDateTime } from '../../../shared/deadline.js';
import { type TimeScope, timeScopeOf } from './time-scope.js';
import * as repository from './time.repository.js';
import type { ActivityTypeRecord, EntryRecord } from './time.repository.js';

/** The organization settings time rules need, and today's date in its zone. */
export interface TimeContext {
  organizationId: number;
  timeZone: string;
  /** ISO weekday weeks start on. */
  weekStartDay: number;
  workingDays: number[];
  today: string;
}

export async function timeContext(db: Kysely<Schema>, organizationId: number, now: Date): Promise<TimeContext> {
  const organization = await findOrganization(db, organizationId);
  if (!organization) throw new NotFoundError('This organization');
  return {
    organizationId,
    timeZone: organization.timeZone,
    weekStartDay: organization.weekStart,
    workingDays: organization.workingDays,
    today: localDateTime(now, organization.timeZone).date,
  };
}

export function weekOf(context: TimeContext, date: string): string {
  return weekStartOf(date, context.weekStartDay);
}

export async function weekStatus(db: Kysely<Schema>, context: TimeContext, userId: number, weekStart: string): Promise<TimesheetStatus> {
  return (await repository.findTimesheet(db, context.organizationId, userId, weekStart))?.status ?? 'open';
}

/** Entries as the API shows them, each with its week and that week's status. */
export async function presentEntries(db: Kysely<Schema>, context: TimeContext, entries: readonly EntryRecord[]): Promise<TimeEntry[]> {
  const weeks = entries.map((entry) => ({ userId: entry.userId, weekStart: weekOf(context, entry.date) }));
  const statuses = await repository.weekStatuses(db, context.organizationId, weeks);
  return entries.map((entry, index) => {
    const { weekStart } = weeks[index]!;
    return repository.presentEntry(entry, weekStart, statuses.get(`${entry.userId}:${weekStart}`) ?? 'open');
  });
}

export async function presentEntry(db: Kysely<Schema>, context: TimeContext, entryId: number): Promise<TimeEntry> {
  const entry = await repository.findEntry(db, context.organizationId, entryId);
  if (!entry) throw new NotFoundError('This time entry');
  return (await presentEntries(db, context, [entry]))[0]!;
}

/**
 * The activity type of new time: the one given (it must be active and the organization's), else
 * the task's own activity type while that is active, else none.
 */
export async function resolveActivityType(
  db: Kysely<Schema>,
  organizationId: number,
  given: number | null | undefined,
  taskActivity: string | null,
): Promise<ActivityTypeRecord | null> {
  if (given === null) return null;
  if (given === undefined) {
    if (taskActivity === null) return null;
    const type = await repository.findActivityType(db, organizationId, { key: taskActivity });
    return type?.active ? type : null;
  }
  const type = await repository.findActivityType(db, organizationId, { id: given });
  if (!type?.active) {
    throw new ValidationError({
      pointer: '/activityTypeId',
      code: 'invalid_value',
      detail: 'Choose an active activity type of this organization.',
    });
  }
  return type;
}

/** Tells open screens that time on a task changed (whose time in data.userId). */
export function emitTimeChanged(emit: Emit, actor: Actor, entry: { id: number; userId: number; taskId: number; projectId: number }) {
  return emit({
    type: 'time.changed',
    projectId: entry.projectId,
    taskId: entry.taskId,
    actorId: actor.userId,
    data: { userId: entry.userId, entryId: entry.id },
  });
}

/** The start of a change to the caller's own time: what they may see, their time locked (one change at a time), the clock and calendar. */
export async function lockOwnTime(
  deps: Deps,
  tx: Kysely<Schema>,
  actor: Actor,
): Promise<{ scope: TimeScope; now: Date; context: TimeContext }> {
  const scope = await timeScopeOf(tx, actor);
  await repository.lockPerson(tx, deps.database.engine, actor.organizationId, actor.userId);
  const now = deps.clock.now();
  return { scope, now, context: await timeContext(tx, actor.organizationId, now) };
}
