import { z } from 'zod';
import { IdParamsSchema } from '../../../shared/api.js';
import {
  CreateTimeEntryBodySchema,
  DecideTimesheetBodySchema,
  DeleteTimeEntryQuerySchema,
  PendingTimesheetListSchema,
  RunningTimerSchema,
  StartedTimerSchema,
  StartTimerBodySchema,
  StoppedTimerSchema,
  StopTimerBodySchema,
  SubmitTimesheetBodySchema,
  TimeEntryListSchema,
  TimeEntryQuerySchema,
  TimeEntrySchema,
  TimesheetQuerySchema,
  TimesheetSchema,
  UpdateTimeEntryBodySchema,
} from '../../../shared/time.js';
import type { Deps } from '../../deps.js';
import type { ZodApp } from '../../http/app.js';
import { requireActor } from '../../http/auth.js';
import { problemResponses } from '../../http/responses.js';
import * as entries from './time-entries.service.js';
import * as timer from './timer.service.js';
import * as timesheets from './timesheets.service.js';

export function registerTimeRoutes(app: ZodApp, deps: Deps): void {
  app.get(
    '/timer',
    {
      schema: {
        summary: 'Your running timer, or null',
        tags: ['time'],
        response: { 200: RunningTimerSchema, ...problemResponses },
      },
    },
    async (request) => timer.getTimer(deps, requireActor(request)),
  );

  app.post(
    '/timer',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Start your timer on a task (201); the same task’s running timer answers 200',
        description:
          'One timer per person: starting another task stops the running timer first and answers its entry as `stopped`. Refused for closed tasks (409 `task_closed`) and when this week is submitted or approved (409 `timesheet_locked`).',
        tags: ['time'],
        body: StartTimerBodySchema,
        response: { 200: StartedTimerSchema, 201: StartedTimerSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { created, ...started } = await timer.startTimer(deps, requireActor(request), request.body);
      return reply.status(created ? 201 : 200).send(started);
    },
  );

  app.post(
    '/timer/stop',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Stop your timer: it becomes a time entry (stopping again answers the same entry)',
        description: '`entry` is null when the timer’s day already held 24 hours and the timer was discarded.',
        tags: ['time'],
        body: StopTimerBodySchema,
        response: { 200: StoppedTimerSchema, ...problemResponses },
      },
    },
    async (request) => timer.stopTimer(deps, requireActor(request), request.body.timerId),
  );

  app.get(
    '/time-entries',
    {
      schema: {
        summary: 'Time entries, newest date first: yours, or another person’s within what you may see',
        description: 'Admins see everyone’s time; project managers see the time on projects they manage; everyone sees their own.',
        tags: ['time'],
        querystring: TimeEntryQuerySchema,
        response: { 200: TimeEntryListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await entries.listEntries(deps, requireActor(request), request.query) }),
  );

  app.post(
    '/time-entries',
    {
      config: { idempotent: true },
      schema: {
        summary: 'Record your time on a task',
        description:
          'Durations like `1:30`, `1.5h` or `90m`. The activity type defaults to the task’s, billable to the project’s default (false for a non-billable activity). A day holds at most 24 hours; submitted and approved weeks refuse new time (409 `timesheet_locked`).',
        tags: ['time'],
        body: CreateTimeEntryBodySchema,
        response: { 201: TimeEntrySchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await entries.createEntry(deps, requireActor(request), request.body)),
  );

  app.patch(
    '/time-entries/:id',
    {
      schema: {
        summary: 'Change a time entry',
        description:
          'Your own time while its week is open or rejected; managers correct others’ time on their projects until the week is approved; admins change approved weeks with a `reason`. Corrections are recorded in the task’s history.',
        tags: ['time'],
        params: IdParamsSchema,
        body: UpdateTimeEntryBodySchema,
        response: { 200: TimeEntrySchema, ...problemResponses },
      },
    },
    async (request) => entries.updateEntry(deps, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/time-entries/:id',
    {
      schema: {
        summary: 'Delete a time entry (same rules as changing it; `reason` for approved weeks)',
        tags: ['time'],
        params: IdParamsSchema,
        querystring: DeleteTimeEntryQuerySchema,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await entries.deleteEntry(deps, requireActor(request), request.params.id, request.query.reason);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/timesheets',
    {
      schema: {
        summary: 'A person’s week: entries, capacity per day and approval status',
        description:
          'Defaults to your current week. Admins see anyone’s week; managers see people with time on their projects (only those projects’ entries).',
        tags: ['time'],
        querystring: TimesheetQuerySchema,
        response: { 200: TimesheetSchema, ...problemResponses },
      },
    },
    async (request) => timesheets.getTimesheet(deps, requireActor(request), request.query),
  );

  app.get(
    '/timesheets/pending',
    {
      schema: {
        summary: 'Submitted weeks you may approve or reject, oldest first',
        tags: ['time'],
        response: { 200: PendingTimesheetListSchema, ...problemResponses },
      },
    },
    async (request) => ({ items: await timesheets.listPending(deps, requireActor(request)) }),
  );

  app.post(
    '/timesheets/submit',
    {
      schema: {
        summary: 'Submit your week for approval (its entries become read-only)',
        description:
          'Refused while your timer runs in that week (409 `timer_running`) and for approved weeks (409 `timesheet_locked`). Submitting a submitted week answers it unchanged.',
        tags: ['time'],
        body: SubmitTimesheetBodySchema,
        response: { 200: TimesheetSchema, ...problemResponses },
      },
    },
    async (request) => timesheets.submitTimesheet(deps, requireActor(request), request.body.weekStart),
  );

  app.post(
    '/timesheets/withdraw',
    {
      schema: {
        summary: 'Withdraw your submitted week to change it again',
        tags: ['time'],
        body: SubmitTimesheetBodySchema,
        response: { 200: TimesheetSchema, ...problemResponses },
      },
    },
    async (request) => timesheets.withdrawTimesheet(deps, requireActor(request), request.body.weekStart),
  );

  app.post(
    '/timesheets/decide',
    {
      schema: {
        summary: 'Approve or reject a submitted week (a rejection says what to fix)',
        description: 'Organization admins decide any week; project managers decide weeks with time on their projects, never their own.',
        tags: ['time'],
        body: DecideTimesheetBodySchema,
        response: { 200: TimesheetSchema, ...problemResponses },
      },
    },
    async (request) => timesheets.decideTimesheet(deps, requireActor(request), request.body),
  );
}
