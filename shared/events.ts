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
] as const;
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
