/**
 * The running timer: one per person, a row (so it survives restarts and follows the person across
 * devices). Starting another task stops the running timer first; stopping turns it into an entry,
 * once, however often the stop is retried.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { StartTimerBodySchema, Timer, TimeEntry } from '../../../shared/time.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NotFoundError } from '../../errors.js';
import { type Emit, changeWithEvents } from '../../unit-of-work.js';
import type { Actor } from '../auth/actor.js';
import { assertOpen } from '../tasks/task.js';
import { loadVisibleTask } from '../tasks/tasks.service.js';
import { timeScopeOf } from './time-scope.js';
import {
  emitTimeChanged,
  lockOwnTime,
  presentEntries,
  presentEntry,
  resolveActivityType,
  type TimeContext,
  weekOf,
  weekStatus,
} from './own-time.js';
import { clampToDay, defaultBillable, timerSpan } from './time-entry.js';
import * as repository from './time.repository.js';
import type { TimerRecord } from './time.repository.js';
import { assertWeekOpen } from './timesheet.js';

export type StartTimerInput = z.output<typeof StartTimerBodySchema>;

export async function getTimer(deps: Deps, actor: Actor): Promise<{ timer: Timer | null }> {
  const { db } = deps.database;
  await timeScopeOf(db, actor);
  const timer = await repository.findRunningTimer(db, actor.organizationId, actor.userId);
  return { timer: timer ? repository.presentTimer(timer) : null };
}

function emitTimerChanged(emit: Emit, actor: Actor, timerId: number, running: boolean) {
  return emit({
    type: 'timer.changed',
    projectId: null,
    taskId: null,
    actorId: actor.userId,
    data: { userId: actor.userId, timerId, running },
  });
}

/**
 * Turns a timer into an entry of the day it started (whole minutes, at least one), cut so the
 * person's day stays within 24 hours; when nothing fits the timer is discarded. Answers the entry id.
 */
async function recordTimer(
  tx: Kysely<Schema>,
  emit: Emit,
  actor: Actor,
  context: TimeContext,
  timer: TimerRecord,
  now: Date,
): Promise<number | null> {
  const span = timerSpan(timer.startedAt, now, context.timeZone);
  const minutes = clampToDay(span.minutes, await repository.dayTotal(tx, timer.organizationId, timer.userId, span.date));
  await repository.deleteTimer(tx, timer.id);
  if (minutes === 0) return null;
  const entryId = await repository.insertEntry(
    tx,
    {
      organizationId: timer.organizationId,
      userId: timer.userId,
      taskId: timer.taskId,
      projectId: timer.projectId,
      activityTypeId: timer.activityTypeId,
      date: span.date,
      weekStart: weekOf(context, span.date),
      minutes,
      startTime: span.startTime,
      billable: timer.billable,
      note: timer.note,
      source: 'timer',
      timerId: timer.id,
      createdBy: timer.userId,
    },
    now,
  );
  await repository.addTrackedMinutes(tx, timer.taskId, minutes);
  await emitTimeChanged(emit, actor, { id: entryId, userId: timer.userId, taskId: timer.taskId, projectId: timer.projectId });
  return entryId;
}

/**
 * Starts the caller's timer on a task. `created` is false when that task's timer was already
 * running (a double click answers it) or a simultaneous start won the race (its timer is answered).
 */
export async function startTimer(
  deps: Deps,
  actor: Actor,
  body: StartTimerInput,
): Promise<{ created: boolean; timer: Timer; stopped: TimeEntry | null }> {
  const { engine } = deps.database;
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const { now, context } = await lockOwnTime(deps, tx, actor);
    const task = await loadVisibleTask(deps, tx, actor, body.taskId);
    assertOpen(task.status);
    const running = await repository.findRunningTimer(tx, actor.organizationId, actor.userId);
    if (running && running.taskId === task.id) return { created: false, timer: repository.presentTimer(running), stopped: null };

    const week = weekOf(context, context.today);
    assertWeekOpen(week, await weekStatus(tx, context, actor.userId, week));
    const activityType = await resolveActivityType(tx, actor.organizationId, body.activityTypeId, task.activityType);
    const billable = body.billable ?? defaultBillable(await repository.isProjectBillable(tx, task.projectId), activityType);

    const stoppedId = running ? await recordTimer(tx, emit, actor, context, running, now) : null;
    const stopped = stoppedId === null ? null : await presentEntry(tx, context, stoppedId);
    const timerId = await repository.insertTimer(
      tx,
      engine,
      {
        organizationId: actor.organizationId,
        userId: actor.userId,
        taskId: task.id,
        activityTypeId: activityType?.id ?? null,
        billable,
        note: body.note,
      },
      now,
    );
    if (timerId === undefined) {
      const winner = await repository.findRunningTimer(tx, actor.organizationId, actor.userId);
      if (!winner) throw new Error('startTimer: the timer that won the race is gone');
      return { created: false, timer: repository.presentTimer(winner), stopped };
    }
    await emitTimerChanged(emit, actor, timerId, true);
    const timer = await repository.findTimerById(tx, actor.organizationId, timerId);
    return { created: true, timer: repository.presentTimer(timer!), stopped };
  });
}

/** Stops the caller's timer; a timer stopped before answers the entry it became. */
export async function stopTimer(deps: Deps, actor: Actor, timerId: number): Promise<{ entry: TimeEntry | null }> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const { now, context } = await lockOwnTime(deps, tx, actor);
    const recorded = await repository.findEntryByTimer(tx, actor.organizationId, timerId);
    if (recorded) {
      if (recorded.userId !== actor.userId) throw new NotFoundError('This timer');
      return { entry: (await presentEntries(tx, context, [recorded]))[0]! };
    }
    const timer = await repository.findTimerById(tx, actor.organizationId, timerId);
    if (!timer || timer.userId !== actor.userId) throw new NotFoundError('This timer');
    const entryId = await recordTimer(tx, emit, actor, context, timer, now);
    await emitTimerChanged(emit, actor, timer.id, false);
    return { entry: entryId === null ? null : await presentEntry(tx, context, entryId) };
  });
}
