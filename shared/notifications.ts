/** Notifications: kinds, channels and the API's shapes. */
import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  'assigned',
  'mentioned',
  'review_requested',
  'reviewed',
  'waiting',
  'commented',
  'deadline_soon',
  'overdue',
  'timesheet_approved',
  'timesheet_returned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** Kinds about a person's weekly timesheet: no task; data is `{ weekStart, comment }`. */
export const TIMESHEET_NOTIFICATION_KINDS = ['timesheet_approved', 'timesheet_returned'] as const;
export type TimesheetNotificationKind = (typeof TIMESHEET_NOTIFICATION_KINDS)[number];
/** Kinds about a task. */
export type TaskNotificationKind = Exclude<NotificationKind, TimesheetNotificationKind>;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);

export const NotificationSchema = z
  .object({
    id: z.number().int(),
    kind: NotificationKindSchema,
    taskId: z.number().int().nullable(),
    taskReference: z.string().nullable(),
    taskTitle: z.string().nullable(),
    actorId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    /** kind-specific: role (captain/collaborator), decision and feedback, waiting reason, comment excerpt; a timesheet's weekStart and comment. */
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationPageSchema = z.object({
  items: z.array(NotificationSchema),
  unreadCount: z.number().int(),
  nextCursor: z.number().int().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

/** Per kind: shown in the app, sent by email at once, or only gathered into the daily digest. */
export const ChannelSettingSchema = z.object({ inApp: z.boolean(), email: z.boolean(), digestOnly: z.boolean() }).strict();
export type ChannelSetting = z.infer<typeof ChannelSettingSchema>;
export const NotificationSettingsSchema = z
  .object({
    kinds: z.record(NotificationKindSchema, ChannelSettingSchema),
    /** Receive the morning digest email. */
    digest: z.boolean(),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  kinds: Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, { inApp: true, email: kind !== 'commented', digestOnly: false }]),
  ) as Record<NotificationKind, ChannelSetting>,
  digest: true,
};

/** Background work that failed for good (e.g. undeliverable email), as owners and admins see it. */
export const FailedJobSchema = z
  .object({
    id: z.number().int(),
    type: z.string(),
    organizationId: z.number().int().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'FailedJob' });
export type FailedJob = z.infer<typeof FailedJobSchema>;
export const FailedJobListSchema = z.object({ items: z.array(FailedJobSchema) });
