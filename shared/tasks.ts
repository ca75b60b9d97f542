/** Tasks (nodes): request and response schemas. */
import { z } from 'zod';
import { TASK_STATUSES } from './workflow.js';

export const TaskStatusSchema = z.enum(TASK_STATUSES);

/** A deadline: a date, or a date and time, in the organization's time zone. */
export const DeadlineSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d)?$/, 'Use a date like 2026-03-31, optionally with a time: 2026-03-31T17:00.')
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value.slice(0, 10)}T00:00:00Z`)) &&
      new Date(`${value.slice(0, 10)}T00:00:00Z`).toISOString().startsWith(value.slice(0, 10)),
    'This date does not exist.',
  );

export const WaitingOnSchema = z.union([
  z.object({ userId: z.number().int().positive() }).strict(),
  z.object({ external: z.string().trim().min(1, 'Say who the work waits on.').max(200) }).strict(),
]);
export type WaitingOn = z.infer<typeof WaitingOnSchema>;

const TitleSchema = z.string().trim().min(3, 'A clear title has at least 3 characters.').max(200, 'Keep the title under 200 characters.');
const DescriptionSchema = z.string().max(100_000, 'The description is limited to 100,000 characters.');
const LabelSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((label) => label.toLowerCase());
const LabelsSchema = z
  .array(LabelSchema)
  .max(20)
  .transform((labels) => [...new Set(labels)]);
const EstimateSchema = z.number().int('Whole minutes, please.').min(0).max(100_000);

export const TaskSchema = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    projectId: z.number().int(),
    title: z.string(),
    description: z.string(),
    status: TaskStatusSchema,
    captainId: z.number().int().nullable(),
    collaboratorIds: z.array(z.number().int()),
    createdById: z.number().int(),
    milestoneId: z.number().int().nullable(),
    parentId: z.number().int().nullable(),
    /** As given: 2026-03-31 or 2026-03-31T17:00, in the organization's time zone. */
    deadline: z.string().nullable(),
    /** The instant the deadline passes (UTC); a date-only deadline passes at the end of that day. */
    deadlineAt: z.string().nullable(),
    isOverdue: z.boolean(),
    estimateMinutes: z.number().int().nullable(),
    /** All time recorded on the task, by everyone (a running sum of its time entries). */
    trackedMinutes: z.number().int(),
    activityType: z.string().nullable(),
    labels: z.array(z.string()),
    /** Why the work is waiting (status waiting), or the reason of the last reopen/cancel. */
    reason: z.string().nullable(),
    waitingOn: WaitingOnSchema.nullable(),
    waitingSince: z.string().nullable(),
    /** The reviewer's feedback when changes were last requested. */
    feedback: z.string().nullable(),
    blockedByIds: z.array(z.number().int()),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    statusChangedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof TaskSchema>;

/** A task in lists and boards: everything but the description, plus a search highlight. */
export const TaskSummarySchema = TaskSchema.omit({ description: true })
  .extend({
    /** With `q`: the matching words wrapped in «», from the title or the text. */
    highlight: z.string().optional(),
  })
  .meta({ id: 'TaskSummary' });
export type TaskSummary = z.infer<typeof TaskSummarySchema>;

export const TaskPageSchema = z.object({ items: z.array(TaskSummarySchema), nextCursor: z.string().nullable() }).meta({ id: 'TaskPage' });
export type TaskPage = z.infer<typeof TaskPageSchema>;

export const CreateTaskBodySchema = z
  .object({
    projectId: z.number().int().positive(),
    title: TitleSchema,
    description: DescriptionSchema.default(''),
    captainId: z.number().int().positive().nullable().optional(),
    collaboratorIds: z.array(z.number().int().positive()).max(50).default([]),
    deadline: DeadlineSchema.nullable().optional(),
    estimateMinutes: EstimateSchema.nullable().optional(),
    milestoneId: z.number().int().positive().nullable().optional(),
    parentId: z.number().int().positive().nullable().optional(),
    activityType: z.string().max(40).nullable().optional(),
    labels: LabelsSchema.default([]),
  })
  .strict();
export type CreateTaskBody = z.infer<typeof CreateTaskBodySchema>;

export const UpdateTaskBodySchema = z
  .object({
    version: z.number().int().positive().optional(),
    title: TitleSchema.optional(),
    description: DescriptionSchema.optional(),
    captainId: z.number().int().positive().nullable().optional(),
    collaboratorIds: z.array(z.number().int().positive()).max(50).optional(),
    deadline: DeadlineSchema.nullable().optional(),
    estimateMinutes: EstimateSchema.nullable().optional(),
    milestoneId: z.number().int().positive().nullable().optional(),
    parentId: z.number().int().positive().nullable().optional(),
    activityType: z.string().max(40).nullable().optional(),
    labels: LabelsSchema.optional(),
  })
  .strict();
export type UpdateTaskBody = z.infer<typeof UpdateTaskBodySchema>;

export const ChangeStatusBodySchema = z
  .object({
    status: TaskStatusSchema,
    reason: z.string().trim().max(5000).optional(),
    waitingOn: WaitingOnSchema.optional(),
  })
  .strict();
export type ChangeStatusBody = z.infer<typeof ChangeStatusBodySchema>;

export const ReviewBodySchema = z
  .object({
    decision: z.enum(['approve', 'request_changes']),
    feedback: z.string().trim().max(20_000).optional(),
  })
  .strict();
export type ReviewBody = z.infer<typeof ReviewBodySchema>;

export const MoveTaskBodySchema = z
  .object({
    list: z.enum(['queue', 'project']),
    beforeId: z.number().int().positive().optional(),
    afterId: z.number().int().positive().optional(),
  })
  .strict()
  .refine((body) => (body.beforeId === undefined) !== (body.afterId === undefined), {
    message: 'Give exactly one of beforeId or afterId.',
    path: ['beforeId'],
  });
export type MoveTaskBody = z.infer<typeof MoveTaskBodySchema>;

export const AddDependencyBodySchema = z.object({ blockedById: z.number().int().positive() }).strict();
export const DependencyParamsSchema = z.object({ id: z.coerce.number().int().positive(), blockedById: z.coerce.number().int().positive() });

/** `status=planned,review` or repeated `status=…` parameters. */
const StatusListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(TaskStatusSchema));

export const TASK_SORTS = ['queue', 'project', 'deadline', 'updated'] as const;

export const ListTasksQuerySchema = z
  .object({
    projectId: z.coerce.number().int().positive().optional(),
    captainId: z.coerce.number().int().positive().optional(),
    collaboratorId: z.coerce.number().int().positive().optional(),
    status: StatusListSchema.optional(),
    milestoneId: z.coerce.number().int().positive().optional(),
    /** Subtasks of this task. */
    parentId: z.coerce.number().int().positive().optional(),
    /** Tasks waiting on this person. */
    waitingOnUserId: z.coerce.number().int().positive().optional(),
    label: z.string().trim().toLowerCase().optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    deadlineFrom: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    deadlineTo: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(TASK_SORTS).default('updated'),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ListTasksQuery = z.infer<typeof ListTasksQuerySchema>;

export const HistoryEntrySchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    actorId: z.number().int().nullable(),
    actorName: z.string().nullable(),
    kind: z.enum([
      'created',
      'updated',
      'status_changed',
      'reviewed',
      'moved',
      'dependency_added',
      'dependency_removed',
      'comment_added',
      'comment_edited',
      'comment_deleted',
      'attachment_added',
      'attachment_deleted',
      /** data: { entryId, userId, userName, action: 'updated' | 'deleted', changes: { field: { from, to } }, reason } */
      'time_entry_changed',
    ]),
    /** kind-specific: changes [{field, from, to}], status {from, to, reason?, feedback?, waitingOn?, waitedMinutes?}, … */
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
export const HistorySchema = z.object({ items: z.array(HistoryEntrySchema) });

export const CommentSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    authorId: z.number().int(),
    authorName: z.string(),
    body: z.string(),
    mentionedUserIds: z.array(z.number().int()),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .meta({ id: 'Comment' });
export type Comment = z.infer<typeof CommentSchema>;
export const CommentListSchema = z.object({ items: z.array(CommentSchema) });
export const CommentBodySchema = z.object({ body: z.string().trim().min(1, 'Write something first.').max(50_000) }).strict();
export type CommentBody = z.infer<typeof CommentBodySchema>;
export const CommentParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const AttachmentSchema = z
  .object({
    id: z.number().int(),
    taskId: z.number().int(),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploaderId: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;
export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema) });
/** `?inline=1` shows images and PDFs in the browser; everything else is always downloaded. */
export const AttachmentContentQuerySchema = z
  .object({
    inline: z
      .enum(['1', 'true', '0', 'false'])
      .transform((value) => value === '1' || value === 'true')
      .optional(),
  })
  .strict();

export const SavedFilterSchema = z
  .object({ id: z.number().int(), name: z.string(), query: z.record(z.string(), z.string()), createdAt: z.string() })
  .meta({ id: 'SavedFilter' });
export type SavedFilter = z.infer<typeof SavedFilterSchema>;
export const SavedFilterListSchema = z.object({ items: z.array(SavedFilterSchema) });
export const CreateSavedFilterBodySchema = z
  .object({ name: z.string().trim().min(1, 'Name the filter.').max(100), query: z.record(z.string(), z.string().max(500)) })
  .strict();
export type CreateSavedFilterBody = z.infer<typeof CreateSavedFilterBodySchema>;
