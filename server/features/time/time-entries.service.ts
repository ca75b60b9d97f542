/**
 * Time entry use cases: list, record, correct and delete time on tasks. Every change keeps the
 * task's tracked total in the same transaction; corrections of someone else's time, and changes
 * to approved weeks, land in the task's history.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import type { CreateTimeEntryBodySchema, TimeEntry, TimeEntryQuery, UpdateTimeEntryBodySchema } from '../../../shared/time.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { changeWithEvents } from '../../unit-of-work.js';
import type { Actor } from '../auth/actor.js';
import { canSeeProject } from '../tasks/task.policy.js';
import * as tasksRepository from '../tasks/tasks.repository.js';
import type { TaskRecord } from '../tasks/tasks.repository.js';
import {
  emitTimeChanged,
  lockOwnTime,
  presentEntries,
  presentEntry,
  resolveActivityType,
  timeContext,
  weekOf,
  weekStatus,
} from './own-time.js';
import { scopeCovers, type TimeScope, timeScopeOf } from './time-scope.js';
import { assertFitsDay, assertNotFuture, defaultBillable, type EntryFields, entryChanges } from './time-entry.js';
import { type EntryAccess, entryChangeRule } from './time.policy.js';
import * as repository from './time.repository.js';
import type { EntryRecord } from './time.repository.js';
import { assertWeekOpen } from './timesheet.js';

export type CreateTimeEntryInput = z.output<typeof CreateTimeEntryBodySchema>;
export type UpdateTimeEntryInput = z.output<typeof UpdateTimeEntryBodySchema>;

/** A task the caller can see, else a 422 on `pointer` that does not tell whether the task exists. */
export async function taskForTime(deps: Deps, db: Kysely<Schema>, actor: Actor, taskId: number, pointer = '/taskId'): Promise<TaskRecord> {
  const task = await tasksRepository.findTask(db, deps.database.engine, actor.organizationId, taskId, actor.userId);
  if (!task || !canSeeProject(actor, task.projectRole)) {
    throw new ValidationError({ pointer, code: 'not_found', detail: 'Choose a task of a project you work on.' });
  }
  return task;
}

export async function listEntries(deps: Deps, actor: Actor, query: TimeEntryQuery): Promise<TimeEntry[]> {
  const { db } = deps.database;
  const scope = await timeScopeOf(db, actor);
  // A task's or project's entries come from everyone the caller may see; otherwise the caller's own.
  const userId = query.userId ?? (query.taskId !== undefined || query.projectId !== undefined ? undefined : actor.userId);
  if (userId !== undefined && userId !== actor.userId && scope.kind === 'limited' && scope.managedProjectIds.length === 0) {
    throw new ForbiddenError('Only organization admins and project managers see other people’s time.');
  }
  const context = await timeContext(db, actor.organizationId, deps.clock.now());
  const entries = await repository.listEntries(db, {
    scope,
    userId,
    taskId: query.taskId,
    projectId: query.projectId,
    from: query.from,
    to: query.to,
    limit: query.limit,
    order: 'newest',
  });
  return presentEntries(db, context, entries);
}

export async function createEntry(deps: Deps, actor: Actor, body: CreateTimeEntryInput): Promise<TimeEntry> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const { now, context } = await lockOwnTime(deps, tx, actor);
    const task = await taskForTime(deps, tx, actor, body.taskId);
    assertNotFuture(body.date, context.today);
    const activityType = await resolveActivityType(tx, actor.organizationId, body.activityTypeId, task.activityType);
    const billable = body.billable ?? defaultBillable(await repository.isProjectBillable(tx, task.projectId), activityType);
    const weekStart = weekOf(context, body.date);
    assertWeekOpen(weekStart, await weekStatus(tx, context, actor.userId, weekStart));
    assertFitsDay(await repository.dayTotal(tx, actor.organizationId, actor.userId, body.date), body.duration, body.date);

    const entryId = await repository.insertEntry(
      tx,
      {
        organizationId: actor.organizationId,
        userId: actor.userId,
        taskId: task.id,
        projectId: task.projectId,
        activityTypeId: activityType?.id ?? null,
        date: body.date,
        weekStart,
        minutes: body.duration,
        startTime: body.startTime ?? null,
        billable,
        note: body.note,
        source: 'manual',
        timerId: null,
        createdBy: actor.userId,
      },
      now,
    );
    await repository.addTrackedMinutes(tx, task.id, body.duration);
    await emitTimeChanged(emit, actor, { id: entryId, userId: actor.userId, taskId: task.id, projectId: task.projectId });
    return presentEntry(tx, context, entryId);
  });
}

/** The caller's part in an entry of a project: whose time it is and whether they manage the project. */
function accessTo(actor: Actor, scope: TimeScope, entry: { userId: number; projectId: number }): EntryAccess {
  const isAdmin = isOrganizationAdmin(actor.role);
  return {
    isOwn: entry.userId === actor.userId,
    isAdmin,
    managesProject: isAdmin || (scope.kind === 'limited' && scope.managedProjectIds.includes(entry.projectId)),
  };
}

/**
 * The entry if the caller's time scope covers it (404 otherwise: other people's time is private),
 * read again once its person's time is locked, so a simultaneous change cannot be counted twice.
 */
async function loadEntryForChange(
  deps: Deps,
  tx: Kysely<Schema>,
  actor: Actor,
  entryId: number,
): Promise<{ entry: EntryRecord; scope: TimeScope }> {
  const scope = await timeScopeOf(tx, actor);
  const found = await repository.findEntry(tx, actor.organizationId, entryId);
  if (!found || !scopeCovers(scope, found)) throw new NotFoundError('This time entry');
  await repository.lockPerson(tx, deps.database.engine, actor.organizationId, found.userId);
  const entry = await repository.findEntry(tx, actor.organizationId, entryId);
  if (!entry) throw new NotFoundError('This time entry');
  return { entry, scope };
}

function requireReason(reason: string | undefined): string {
  const text = reason?.trim() ?? '';
  if (text === '') {
    throw new ValidationError({
      pointer: '/reason',
      code: 'required',
      detail: 'This week is approved: say why its time changes; the reason goes into the task’s history.',
    });
  }
  return text;
}

async function recordCorrection(
  tx: Kysely<Schema>,
  actor: Actor,
  taskId: number,
  entry: EntryRecord,
  action: 'updated' | 'deleted',
  changes: Record<string, { from: unknown; to: unknown }>,
  reason: string | null,
  now: Date,
): Promise<void> {
  await tasksRepository.insertEvent(
    tx,
    {
      organizationId: actor.organizationId,
      taskId,
      actorId: actor.userId,
      kind: 'time_entry_changed',
      data: { entryId: entry.id, userId: entry.userId, userName: entry.userName, action, changes, reason },
    },
    now,
  );
}

export async function updateEntry(deps: Deps, actor: Actor, entryId: number, body: UpdateTimeEntryInput): Promise<TimeEntry> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const { entry, scope } = await loadEntryForChange(deps, tx, actor, entryId);
    const now = deps.clock.now();
    const context = await timeContext(tx, actor.organizationId, now);
    const access = accessTo(actor, scope, entry);
    const fromWeek = weekOf(context, entry.date);
    const rules = [entryChangeRule(access, fromWeek, await weekStatus(tx, context, entry.userId, fromWeek))];

    let task = { id: entry.taskId, projectId: entry.projectId };
    if (body.taskId !== undefined && body.taskId !== entry.taskId) {
      task = await taskForTime(deps, tx, actor, body.taskId);
      if (!access.isOwn && !accessTo(actor, scope, { userId: entry.userId, projectId: task.projectId }).managesProject) {
        throw new ValidationError({
          pointer: '/taskId',
          code: 'not_managed',
          detail: 'Move someone’s time only to tasks of projects you manage.',
        });
      }
    }
    const date = body.date ?? entry.date;
    if (date !== entry.date) assertNotFuture(date, context.today);
    const toWeek = weekOf(context, date);
    if (toWeek !== fromWeek) {
      const target = accessTo(actor, scope, { userId: entry.userId, projectId: task.projectId });
      rules.push(entryChangeRule(target, toWeek, await weekStatus(tx, context, entry.userId, toWeek)));
    }
    const recordHistory = rules.some((rule) => rule.recordHistory);
    const reason = rules.some((rule) => rule.reasonRequired) ? requireReason(body.reason) : body.reason?.trim() || null;

    const activityTypeId =
      body.activityTypeId === undefined || body.activityTypeId === entry.activityTypeId
        ? entry.activityTypeId
        : ((await resolveActivityType(tx, actor.organizationId, body.activityTypeId, null))?.id ?? null);
    const minutes = body.duration ?? entry.minutes;
    if (date !== entry.date || minutes > entry.minutes) {
      assertFitsDay(
        await repository.dayTotal(tx, actor.organizationId, entry.userId, date, entry.id),
        minutes,
        date,
        body.duration === undefined ? '/date' : '/duration',
      );
    }
    const after: EntryFields = {
      taskId: task.id,
      date,
      minutes,
      startTime: body.startTime !== undefined ? body.startTime : entry.startTime,
      activityTypeId,
      billable: body.billable ?? entry.billable,
      note: body.note ?? entry.note,
    };
    const changes = entryChanges(entry, after);
    if (Object.keys(changes).length === 0) return presentEntry(tx, context, entry.id);

    await repository.updateEntry(tx, entry.id, { ...after, projectId: task.projectId, weekStart: toWeek }, now);
    if (task.id !== entry.taskId) {
      await repository.addTrackedMinutes(tx, entry.taskId, -entry.minutes);
      await repository.addTrackedMinutes(tx, task.id, minutes);
    } else {
      await repository.addTrackedMinutes(tx, task.id, minutes - entry.minutes);
    }
    if (recordHistory) {
      await recordCorrection(tx, actor, entry.taskId, entry, 'updated', changes, reason, now);
      if (task.id !== entry.taskId) await recordCorrection(tx, actor, task.id, entry, 'updated', changes, reason, now);
    }
    await emitTimeChanged(emit, actor, entry);
    if (task.id !== entry.taskId)
      await emitTimeChanged(emit, actor, { id: entry.id, userId: entry.userId, taskId: task.id, projectId: task.projectId });
    return presentEntry(tx, context, entry.id);
  });
}

export async function deleteEntry(deps: Deps, actor: Actor, entryId: number, reasonGiven: string | undefined): Promise<void> {
  await changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const { entry, scope } = await loadEntryForChange(deps, tx, actor, entryId);
    const now = deps.clock.now();
    const context = await timeContext(tx, actor.organizationId, now);
    const week = weekOf(context, entry.date);
    const rule = entryChangeRule(accessTo(actor, scope, entry), week, await weekStatus(tx, context, entry.userId, week));
    const reason = rule.reasonRequired ? requireReason(reasonGiven) : reasonGiven?.trim() || null;

    await repository.deleteEntry(tx, entry.id);
    await repository.addTrackedMinutes(tx, entry.taskId, -entry.minutes);
    if (rule.recordHistory) {
      const changes = { date: { from: entry.date, to: null }, minutes: { from: entry.minutes, to: null } };
      await recordCorrection(tx, actor, entry.taskId, entry, 'deleted', changes, reason, now);
    }
    await emitTimeChanged(emit, actor, entry);
  });
}
