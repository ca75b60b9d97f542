/**
 * Time tracking: timers, time entries, weekly timesheets and time reports. Request and response
 * schemas shared by the server and the web app, and the pure rules both sides need (durations, weeks).
 */
import { z } from 'zod';

/** A calendar date in the organization's time zone. */
export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-31.')
  .refine((value) => isRealDate(value), 'This date does not exist.');

/** Minutes in a day: no person records more than this on one date. */
export const MINUTES_PER_DAY = 24 * 60;

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/**
 * Reads a duration as people type it: `1:30`, `1.5h`, `1,5h`, `90m`, `1h 30m`, `2` (hours), `0.25`.
 * Answers whole minutes, or null when the text is not a duration.
 */
export function parseDuration(input: string): number | null {
  const text = input.trim().toLowerCase().replace(',', '.');
  if (text === '') return null;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(text);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const parts = /^(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hours?|sa|saat))?\s*(?:(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?|dk|dakika))?$/.exec(
    text,
  );
  if (parts && (parts[1] !== undefined || parts[2] !== undefined)) {
    return Math.round(Number(parts[1] ?? 0) * 60 + Number(parts[2] ?? 0));
  }
  const hours = /^(\d+(?:\.\d+)?)$/.exec(text);
  if (hours) return Math.round(Number(hours[1]) * 60);
  return null;
}

/** Minutes as `h:mm` (90 → `1:30`), the form timesheets show. */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const absolute = Math.abs(Math.round(minutes));
  return `${sign}${Math.floor(absolute / 60)}:${String(absolute % 60).padStart(2, '0')}`;
}

/** Minutes as decimal hours with two places (90 → 1.5), the form invoices and exports use. */
export function decimalHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** A duration given as text (`1:30`, `1.5h`, `90m`) or as whole minutes; always whole minutes after parsing. */
export const DurationSchema = z.union([z.number().int('Whole minutes, please.'), z.string().max(20)]).transform((value, context) => {
  const minutes = typeof value === 'number' ? value : parseDuration(value);
  if (minutes === null) {
    context.addIssue({ code: 'custom', message: 'Use a duration like 1:30, 1.5h or 90m.' });
    return z.NEVER;
  }
  if (minutes < 1) {
    context.addIssue({ code: 'custom', message: 'A time entry is at least one minute.' });
    return z.NEVER;
  }
  if (minutes > MINUTES_PER_DAY) {
    context.addIssue({ code: 'custom', message: 'A day has 24 hours.' });
    return z.NEVER;
  }
  return minutes;
});

export const StartTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30.');

/**
 * The Monday (or the organization's first weekday, ISO 1–7) that starts the week holding `date`.
 * Dates are plain `YYYY-MM-DD` strings; the arithmetic is done in UTC so no time zone shifts them.
 */
export function weekStartOf(date: string, weekStartDay: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  const isoWeekday = ((day.getUTCDay() + 6) % 7) + 1;
  const back = (isoWeekday - weekStartDay + 7) % 7;
  return addDays(date, -back);
}

export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The seven dates of the week that starts on `weekStart`. */
export function weekDates(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_unused, index) => addDays(weekStart, index));
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/**
 * A person's capacity per ISO weekday (index 1–7; 0 unused): the weekly capacity spread evenly over the
 * organization's working days, 0 on the other days. When it does not divide evenly, the earliest working
 * days of the week take the spare minutes, so every full week adds up to the weekly capacity exactly.
 */
export function capacityByWeekday(weeklyMinutes: number, workingDays: readonly number[]): number[] {
  const days = [...new Set(workingDays)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  const perWeekday = Array.from({ length: 8 }, () => 0);
  if (days.length === 0 || weeklyMinutes <= 0) return perWeekday;
  const base = Math.floor(weeklyMinutes / days.length);
  const spare = weeklyMinutes - base * days.length;
  days.forEach((day, position) => {
    perWeekday[day] = base + (position < spare ? 1 : 0);
  });
  return perWeekday;
}

// ——— Time entries ———

export const TimeEntrySourceSchema = z.enum(['timer', 'manual']);

/**
 * Where a person's week stands: `open` (no submission yet, or withdrawn), `submitted` (waiting for
 * approval: entries read-only), `approved` (locked; only admins change entries, with a reason),
 * `rejected` (open again, with the approver's comment).
 */
export const TimesheetStatusSchema = z.enum(['open', 'submitted', 'approved', 'rejected']);
export type TimesheetStatus = z.infer<typeof TimesheetStatusSchema>;

export const TimeEntrySchema = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    userName: z.string(),
    taskId: z.number().int(),
    /** KEY-n */
    taskReference: z.string(),
    taskTitle: z.string(),
    projectId: z.number().int(),
    activityTypeId: z.number().int().nullable(),
    date: z.string(),
    minutes: z.number().int(),
    startTime: z.string().nullable(),
    billable: z.boolean(),
    note: z.string(),
    source: TimeEntrySourceSchema,
    weekStart: z.string(),
    /** The status of the week the entry belongs to; entries of submitted and approved weeks are read-only. */
    weekStatus: TimesheetStatusSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TimeEntry' });
export type TimeEntry = z.infer<typeof TimeEntrySchema>;

export const TimeEntryListSchema = z.object({ items: z.array(TimeEntrySchema) }).meta({ id: 'TimeEntryList' });

export const CreateTimeEntryBodySchema = z
  .object({
    taskId: z.number().int().positive(),
    date: LocalDateSchema,
    duration: DurationSchema,
    startTime: StartTimeSchema.nullable().optional(),
    /** Defaults to the task's activity type. */
    activityTypeId: z.number().int().positive().nullable().optional(),
    /** Defaults to the project's billable default, and false for a non-billable activity type. */
    billable: z.boolean().optional(),
    note: z.string().trim().max(2000).default(''),
  })
  .strict();
export type CreateTimeEntryBody = z.input<typeof CreateTimeEntryBodySchema>;

export const UpdateTimeEntryBodySchema = z
  .object({
    taskId: z.number().int().positive().optional(),
    date: LocalDateSchema.optional(),
    duration: DurationSchema.optional(),
    startTime: StartTimeSchema.nullable().optional(),
    activityTypeId: z.number().int().positive().nullable().optional(),
    billable: z.boolean().optional(),
    note: z.string().trim().max(2000).optional(),
    /** Required when an admin changes an entry of an approved week; recorded in the task's history. */
    reason: z.string().trim().max(2000).optional(),
  })
  .strict();
export type UpdateTimeEntryBody = z.input<typeof UpdateTimeEntryBodySchema>;

/** `DELETE /time-entries/:id?reason=…`: the reason an admin gives for deleting an approved entry. */
export const DeleteTimeEntryQuerySchema = z.object({ reason: z.string().trim().max(2000).optional() });

export const TimeEntryQuerySchema = z.object({
  /**
   * Whose entries. Defaults to the caller, except with `taskId` or `projectId`: then everyone's the caller may see
   * (their own, plus all entries on projects they manage; admins all). Managers may ask for people on their projects
   * (only those projects' entries come back); admins for anyone.
   */
  userId: z.coerce.number().int().positive().optional(),
  taskId: z.coerce.number().int().positive().optional(),
  projectId: z.coerce.number().int().positive().optional(),
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type TimeEntryQuery = z.infer<typeof TimeEntryQuerySchema>;

// ——— Timer ———

export const TimerSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    taskReference: z.string(),
    taskTitle: z.string(),
    projectId: z.number().int(),
    activityTypeId: z.number().int().nullable(),
    billable: z.boolean(),
    note: z.string(),
    startedAt: z.string(),
  })
  .meta({ id: 'Timer' });
export type Timer = z.infer<typeof TimerSchema>;

export const RunningTimerSchema = z.object({ timer: TimerSchema.nullable() }).meta({ id: 'RunningTimer' });

export const StartTimerBodySchema = z
  .object({
    taskId: z.number().int().positive(),
    activityTypeId: z.number().int().positive().nullable().optional(),
    billable: z.boolean().optional(),
    note: z.string().trim().max(2000).default(''),
  })
  .strict();
export type StartTimerBody = z.input<typeof StartTimerBodySchema>;

/**
 * `POST /timer`: the running timer. Starting on the task whose timer already runs answers that timer
 * (a double click is harmless); starting another task stops the running one first and answers its entry.
 */
export const StartedTimerSchema = z.object({ timer: TimerSchema, stopped: TimeEntrySchema.nullable() }).meta({ id: 'StartedTimer' });

export const StopTimerBodySchema = z.object({ timerId: z.number().int().positive() }).strict();

/**
 * `POST /timer/stop`: the entry the timer became. Stopping a timer that was already stopped answers
 * the same entry again, so a retried request never records twice. `entry` is null only when the
 * timer was discarded because its day already holds 24 hours.
 */
export const StoppedTimerSchema = z.object({ entry: TimeEntrySchema.nullable() }).meta({ id: 'StoppedTimer' });

// ——— Timesheets ———

export const TimesheetDaySchema = z.object({
  date: z.string(),
  /** The person's capacity that day: weekly capacity spread over the organization's working days; 0 on other days. */
  capacityMinutes: z.number().int(),
  minutes: z.number().int(),
});

export const TimesheetSchema = z
  .object({
    userId: z.number().int(),
    userName: z.string(),
    weekStart: z.string(),
    weekEnd: z.string(),
    status: TimesheetStatusSchema,
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    /** The approver's comment on a rejection (or an approval). */
    comment: z.string().nullable(),
    capacityMinutes: z.number().int(),
    totalMinutes: z.number().int(),
    days: z.array(TimesheetDaySchema),
    entries: z.array(TimeEntrySchema),
    /** The caller may add and change entries of this week. */
    canEdit: z.boolean(),
    /** The caller may approve or reject this week (it is submitted and they are its approver). */
    canDecide: z.boolean(),
  })
  .meta({ id: 'Timesheet' });
export type Timesheet = z.infer<typeof TimesheetSchema>;

export const TimesheetQuerySchema = z.object({
  /** Any date in the week; defaults to today in the organization's time zone. */
  week: LocalDateSchema.optional(),
  /** Defaults to the caller. */
  userId: z.coerce.number().int().positive().optional(),
});

export const SubmitTimesheetBodySchema = z.object({ weekStart: LocalDateSchema }).strict();

export const DecideTimesheetBodySchema = z
  .object({
    userId: z.number().int().positive(),
    weekStart: LocalDateSchema,
    decision: z.enum(['approve', 'reject']),
    /** Required to reject: what to fix. */
    comment: z.string().trim().max(5000).optional(),
  })
  .strict();
export type DecideTimesheetBody = z.input<typeof DecideTimesheetBodySchema>;

export const PendingTimesheetSchema = z.object({
  userId: z.number().int(),
  userName: z.string(),
  weekStart: z.string(),
  submittedAt: z.string(),
  totalMinutes: z.number().int(),
  capacityMinutes: z.number().int(),
});
export type PendingTimesheet = z.infer<typeof PendingTimesheetSchema>;
export const PendingTimesheetListSchema = z.object({ items: z.array(PendingTimesheetSchema) }).meta({ id: 'PendingTimesheetList' });

// ——— Reports ———

const IdListSchema = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'Use ids separated by commas, like 3,7.')
  .transform((value) => value.split(',').map(Number));

export const TimeReportQuerySchema = z.object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  userIds: IdListSchema.optional(),
  projectIds: IdListSchema.optional(),
  clientIds: IdListSchema.optional(),
  activityTypeIds: IdListSchema.optional(),
  billable: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type TimeReportQuery = z.infer<typeof TimeReportQuerySchema>;
/** A report covers at most this many days (a year and a bit). */
export const MAX_REPORT_DAYS = 400;

const Split = { minutes: z.number().int(), billableMinutes: z.number().int() };

export const TimeReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    totalMinutes: z.number().int(),
    billableMinutes: z.number().int(),
    entryCount: z.number().int(),
    /** Capacity of the people in the report over the period (the filtered people, else those with entries). */
    capacityMinutes: z.number().int(),
    byActivity: z.array(
      z.object({ activityTypeId: z.number().int().nullable(), name: z.string().nullable(), color: z.string().nullable(), ...Split }),
    ),
    byProject: z.array(
      z.object({
        projectId: z.number().int(),
        key: z.string(),
        name: z.string(),
        clientId: z.number().int().nullable(),
        clientName: z.string().nullable(),
        ...Split,
      }),
    ),
    byPerson: z.array(z.object({ userId: z.number().int(), name: z.string(), capacityMinutes: z.number().int(), ...Split })),
    byDay: z.array(z.object({ date: z.string(), capacityMinutes: z.number().int(), ...Split })),
    /** The tasks with the most time, at most 200, with their estimates. */
    byTask: z.array(
      z.object({
        taskId: z.number().int(),
        reference: z.string(),
        title: z.string(),
        projectId: z.number().int(),
        estimateMinutes: z.number().int().nullable(),
        /** All time on the task ever, not only this period: for actual vs estimate. */
        trackedMinutes: z.number().int(),
        ...Split,
      }),
    ),
  })
  .meta({ id: 'TimeReport' });
export type TimeReport = z.infer<typeof TimeReportSchema>;

/** Columns of the CSV and XLSX exports, in order. */
export const EXPORT_COLUMNS = [
  'Date',
  'Person',
  'Client',
  'Project',
  'Task',
  'Task title',
  'Activity',
  'Hours',
  'Billable',
  'Note',
  'Approval',
] as const;
