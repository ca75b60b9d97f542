/**
 * Weekly timesheets: a person's week with capacity per day; submitted by the person, withdrawn by
 * them, approved or rejected by organization admins and the managers of projects with time in it.
 */
import type { Kysely } from 'kysely';
import { isOrganizationAdmin } from '../../../shared/roles.js';
import {
  addDays,
  type DecideTimesheetBody,
  type PendingTimesheet,
  type Timesheet,
  type TimesheetStatus,
  weekStartOf,
} from '../../../shared/time.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';
import { changeWithEvents, type Emit } from '../../unit-of-work.js';
import { queueTimesheetNotice } from '../../jobs/notify-timesheet.job.js';
import type { Actor } from '../auth/actor.js';
import { localDateTime } from '../../../shared/deadline.js';
import { type TimeScope, timeScopeOf } from './time-scope.js';
import { lockOwnTime, presentEntries, type TimeContext, timeContext, weekOf } from './own-time.js';
import { assertCanDecide, canDecide, canEditWeek } from './time.policy.js';
import * as repository from './time.repository.js';
import type { PersonRecord } from './time.repository.js';
import { assertSubmittableWeek, assertSubmitted, dailyCapacities, decisionComment, submission } from './timesheet.js';

/** Whose weeks the caller looks at: their own, or another person's within what they may see of it. */
async function sheetScope(db: Kysely<Schema>, actor: Actor, scope: TimeScope, userId: number): Promise<TimeScope> {
  if (userId === actor.userId || scope.kind === 'organization') return scope;
  if (await repository.hasEntriesOnProjects(db, actor.organizationId, userId, scope.managedProjectIds)) return scope;
  throw new ForbiddenError('Only organization admins and managers of projects with this person’s time see their weeks.');
}

async function loadPerson(db: Kysely<Schema>, organizationId: number, userId: number): Promise<PersonRecord> {
  const person = await repository.findPerson(db, organizationId, userId);
  if (!person) throw new NotFoundError('This person');
  return person;
}

async function buildSheet(
  db: Kysely<Schema>,
  actor: Actor,
  scope: TimeScope,
  context: TimeContext,
  person: PersonRecord,
  weekStart: string,
): Promise<Timesheet> {
  const weekEnd = addDays(weekStart, 6);
  const records = await repository.listEntries(db, { scope, userId: person.id, from: weekStart, to: weekEnd, order: 'oldest' });
  const entries = await presentEntries(db, context, records);
  const sheet = await repository.findTimesheet(db, actor.organizationId, person.id, weekStart);
  const status: TimesheetStatus = sheet?.status ?? 'open';
  const isAdmin = isOrganizationAdmin(actor.role);
  const isOwn = person.id === actor.userId;
  const managesAny = scope.kind === 'organization' || records.some((entry) => scope.managedProjectIds.includes(entry.projectId));
  const minutesOn = (date: string) => records.filter((entry) => entry.date === date).reduce((sum, entry) => sum + entry.minutes, 0);
  return {
    userId: person.id,
    userName: person.name,
    weekStart,
    weekEnd,
    status,
    submittedAt: sheet?.submittedAt ?? null,
    decidedAt: sheet?.decidedAt ?? null,
    decidedBy: sheet?.decidedBy ?? null,
    comment: sheet?.comment ?? null,
    capacityMinutes: person.capacityMinutes,
    totalMinutes: records.reduce((sum, entry) => sum + entry.minutes, 0),
    days: dailyCapacities(weekStart, person.capacityMinutes, context.workingDays).map((day) => ({ ...day, minutes: minutesOn(day.date) })),
    entries,
    canEdit: canEditWeek({ isOwn, isAdmin, managesAny }, status),
    canDecide: status === 'submitted' && canDecide({ isAdmin, isOwnWeek: isOwn, managesProjectInWeek: managesAny }),
  };
}

export async function getTimesheet(
  deps: Deps,
  actor: Actor,
  query: { week?: string | undefined; userId?: number | undefined },
): Promise<Timesheet> {
  const { db } = deps.database;
  const scope = await timeScopeOf(db, actor);
  const context = await timeContext(db, actor.organizationId, deps.clock.now());
  const person = await loadPerson(db, actor.organizationId, query.userId ?? actor.userId);
  const visible = await sheetScope(db, actor, scope, person.id);
  return buildSheet(db, actor, visible, context, person, weekStartOf(query.week ?? context.today, context.weekStartDay));
}

function emitSheetChanged(emit: Emit, actor: Actor, userId: number, weekStart: string, status: TimesheetStatus) {
  return emit({
    type: 'timesheet.changed',
    projectId: null,
    taskId: null,
    actorId: actor.userId,
    data: { userId, weekStart, timesheetStatus: status },
  });
}

/** Saves the caller's own week as submitted (now) or open again, without a decision, and announces it. */
async function saveOwnWeek(
  tx: Kysely<Schema>,
  emit: Emit,
  actor: Actor,
  weekStart: string,
  status: 'submitted' | 'open',
  now: Date,
): Promise<void> {
  await repository.saveTimesheet(
    tx,
    {
      organizationId: actor.organizationId,
      userId: actor.userId,
      weekStart,
      status,
      submittedAt: status === 'submitted' ? now : null,
      decidedAt: null,
      decidedBy: null,
      comment: null,
    },
    now,
  );
  await emitSheetChanged(emit, actor, actor.userId, weekStart, status);
}

export async function submitTimesheet(deps: Deps, actor: Actor, weekStart: string): Promise<Timesheet> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const { scope, now, context } = await lockOwnTime(deps, tx, actor);
    assertSubmittableWeek(weekStart, context.weekStartDay, context.today);
    const person = await loadPerson(tx, actor.organizationId, actor.userId);
    const current = await repository.findTimesheet(tx, actor.organizationId, actor.userId, weekStart);
    if (submission(current?.status ?? 'open', weekStart) === 'submit') {
      const timer = await repository.findRunningTimer(tx, actor.organizationId, actor.userId);
      if (timer && weekOf(context, localDateTime(timer.startedAt, context.timeZone).date) === weekStart) {
        throw new ConflictError(
          'timer_running',
          `Your timer on ${timer.taskReference} is running in this week; stop it before submitting.`,
        );
      }
      await saveOwnWeek(tx, emit, actor, weekStart, 'submitted', now);
    }
    return buildSheet(tx, actor, scope, context, person, weekStart);
  });
}

export async function withdrawTimesheet(deps: Deps, actor: Actor, weekStart: string): Promise<Timesheet> {
  return changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const { scope, now, context } = await lockOwnTime(deps, tx, actor);
    const person = await loadPerson(tx, actor.organizationId, actor.userId);
    const current = await repository.findTimesheet(tx, actor.organizationId, actor.userId, weekStart);
    assertSubmitted(current?.status ?? 'open', weekStart);
    await saveOwnWeek(tx, emit, actor, weekStart, 'open', now);
    return buildSheet(tx, actor, scope, context, person, weekStart);
  });
}

export async function decideTimesheet(deps: Deps, actor: Actor, body: DecideTimesheetBody): Promise<Timesheet> {
  const { engine } = deps.database;
  let notified = false;
  const sheet = await changeWithEvents(deps, actor.organizationId, async (tx, emit) => {
    const scope = await timeScopeOf(tx, actor);
    const person = await loadPerson(tx, actor.organizationId, body.userId);
    await repository.lockPerson(tx, engine, actor.organizationId, person.id);
    const now = deps.clock.now();
    const context = await timeContext(tx, actor.organizationId, now);
    if (weekStartOf(body.weekStart, context.weekStartDay) !== body.weekStart) {
      throw new ValidationError({ pointer: '/weekStart', code: 'not_week_start', detail: 'Send the first day of the week.' });
    }
    const week = { from: body.weekStart, to: addDays(body.weekStart, 6) };
    const managesProjectInWeek =
      scope.kind === 'organization' ||
      (await repository.hasEntriesOnProjects(tx, actor.organizationId, person.id, scope.managedProjectIds, week));
    assertCanDecide({ isAdmin: isOrganizationAdmin(actor.role), isOwnWeek: person.id === actor.userId, managesProjectInWeek });
    const comment = decisionComment(body.decision, body.comment);
    const current = await repository.findTimesheet(tx, actor.organizationId, person.id, body.weekStart);
    assertSubmitted(current?.status ?? 'open', body.weekStart);
    const status = body.decision === 'approve' ? 'approved' : 'rejected';
    await repository.saveTimesheet(
      tx,
      {
        organizationId: actor.organizationId,
        userId: person.id,
        weekStart: body.weekStart,
        status,
        submittedAt: current?.submittedAt ? new Date(current.submittedAt) : now,
        decidedAt: now,
        decidedBy: actor.userId,
        comment,
      },
      now,
    );
    await emitSheetChanged(emit, actor, person.id, body.weekStart, status);
    // The person hears of the decision after commit (not of their own, as an admin deciding their week).
    notified = await queueTimesheetNotice(tx, now, {
      organizationId: actor.organizationId,
      userId: person.id,
      actorId: actor.userId,
      kind: status === 'approved' ? 'timesheet_approved' : 'timesheet_returned',
      weekStart: body.weekStart,
      comment,
    });
    // The approver sees the sheet as they may: a manager only their projects' entries.
    return buildSheet(tx, actor, scope, context, person, body.weekStart);
  });
  if (notified) deps.jobs.nudge();
  return sheet;
}

/** Submitted weeks the caller may decide, oldest first, with the time they may see and capacity. */
export async function listPending(deps: Deps, actor: Actor): Promise<PendingTimesheet[]> {
  const { db } = deps.database;
  const scope = await timeScopeOf(db, actor);
  const context = await timeContext(db, actor.organizationId, deps.clock.now());
  let weeks = await repository.listSubmitted(db, actor.organizationId);
  if (scope.kind === 'limited') weeks = weeks.filter((week) => week.userId !== actor.userId);
  if (weeks.length === 0) return [];
  const from = weeks[0]!.weekStart;
  const to = addDays(weeks.at(-1)!.weekStart, 6);
  const userIds = [...new Set(weeks.map((week) => week.userId))];
  if (scope.kind === 'limited') {
    const managed = await repository.entryDatesOnProjects(db, actor.organizationId, userIds, scope.managedProjectIds, { from, to });
    const decidable = new Set(managed.map((row) => `${row.userId}:${weekOf(context, row.date)}`));
    weeks = weeks.filter((week) => decidable.has(`${week.userId}:${week.weekStart}`));
  }
  const totals = new Map<string, number>();
  for (const row of await repository.dailyTotals(db, scope, userIds, from, to)) {
    const key = `${row.userId}:${weekOf(context, row.date)}`;
    totals.set(key, (totals.get(key) ?? 0) + row.minutes);
  }
  return weeks.map((week) => ({
    userId: week.userId,
    userName: week.userName,
    weekStart: week.weekStart,
    submittedAt: week.submittedAt,
    totalMinutes: totals.get(`${week.userId}:${week.weekStart}`) ?? 0,
    capacityMinutes: week.capacityMinutes,
  }));
}
