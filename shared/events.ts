/**
 * Live updates: what the server tells open screens after a change commits. Events are small (ids,
 * versions, statuses); screens refetch what they show. Each carries a per-organization sequence
 * number, so a reconnecting client asks for what it missed.
 */
import { z } from 'zod';
import { TaskStatusSchema } from './tasks.js';

export const EVENT_TYPES = [
  'task.created',
  'task.updated',
  'task.status_changed',
  'task.moved',
  'task.commented',
  'task.attachments_changed',
  'project.created',
  'project.updated',
  'project.members_changed',
  'project.milestones_changed',
  /** For one person only (data.userId): a new notification. */
  'notification.created',
  /** A time entry was added, changed or removed on the task (data.userId: whose time). */
  'time.changed',
  /** For one person only (data.userId): their timer started or stopped, on any device. */
  'timer.changed',
  /** A week was submitted, withdrawn, approved or rejected (data.userId, data.weekStart); for that person and admins. */
  'timesheet.changed',
] as const;

/** Events only the person in `data.userId` receives. */
export const PERSONAL_EVENT_TYPES: readonly EventType[] = ['notification.created', 'timer.changed'];
export type EventType = (typeof EVENT_TYPES)[number];

export const RealtimeEventSchema = z.object({
  /** Monotonic per organization; send it back as Last-Event-ID (or `after`) to resume. */
  seq: z.number().int(),
  type: z.enum(EVENT_TYPES),
  projectId: z.number().int().nullable(),
  taskId: z.number().int().nullable(),
  actorId: z.number().int().nullable(),
  data: z
    .object({
      version: z.number().int().optional(),
      status: TaskStatusSchema.optional(),
      captainId: z.number().int().nullable().optional(),
    })
    .loose(),
  at: z.string(),
});
export type RealtimeEvent = z.infer<typeof RealtimeEventSchema>;

/** Sent instead of events when a client missed too many: it should refetch everything it shows. */
export const RESET_EVENT = 'reset';
