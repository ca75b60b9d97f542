/** Clients, projects, project members and milestones: request and response schemas. */
import { z } from 'zod';

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-31.');
export const ProjectRoleSchema = z.enum(['manager', 'member']);
export type ProjectRole = z.infer<typeof ProjectRoleSchema>;
export const ProjectStateSchema = z.enum(['active', 'on_hold', 'archived']);
export type ProjectState = z.infer<typeof ProjectStateSchema>;

export const ClientSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    contact: z.string(),
    notes: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Client' });
export type Client = z.infer<typeof ClientSchema>;

export const CreateClientBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Name the client.').max(200),
    contact: z.string().trim().max(2000).default(''),
    notes: z.string().max(20_000).default(''),
  })
  .strict();
export type CreateClientBody = z.infer<typeof CreateClientBodySchema>;
export const UpdateClientBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Name the client.').max(200).optional(),
    contact: z.string().trim().max(2000).optional(),
    notes: z.string().max(20_000).optional(),
  })
  .strict();
export type UpdateClientBody = z.infer<typeof UpdateClientBodySchema>;
export const ClientListSchema = z.object({ items: z.array(ClientSchema) });

export const ProjectMemberSchema = z.object({ userId: z.number().int(), name: z.string(), role: ProjectRoleSchema });
export type ProjectMember = z.infer<typeof ProjectMemberSchema>;

export const ProjectSchema = z
  .object({
    id: z.number().int(),
    key: z.string(),
    name: z.string(),
    clientId: z.number().int().nullable(),
    description: z.string(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    state: ProjectStateSchema,
    reviewRequired: z.boolean(),
    /** Whether time logged on the project is billable unless the entry or its activity type says otherwise. */
    billable: z.boolean(),
    members: z.array(ProjectMemberSchema),
    /** The caller's part: their project role, `admin` for organization owners/admins who are not members. */
    myRole: z.enum(['manager', 'member', 'admin']),
    openTaskCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof ProjectSchema>;
export const ProjectListSchema = z.object({ items: z.array(ProjectSchema) });

export const ProjectKeySchema = z
  .string()
  .trim()
  .transform((key) => key.toUpperCase())
  .pipe(z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'Use 2–10 letters or digits, starting with a letter, e.g. ABC.'));

export const MemberInputSchema = z.object({ userId: z.number().int().positive(), role: ProjectRoleSchema }).strict();

export const CreateProjectBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Name the project.').max(200),
    key: ProjectKeySchema,
    clientId: z.number().int().positive().nullable().optional(),
    description: z.string().max(100_000).default(''),
    startDate: DateSchema.nullable().optional(),
    endDate: DateSchema.nullable().optional(),
    members: z.array(MemberInputSchema).max(500).default([]),
    reviewRequired: z.boolean().default(true),
    billable: z.boolean().default(true),
  })
  .strict();
export type CreateProjectBody = z.infer<typeof CreateProjectBodySchema>;

export const UpdateProjectBodySchema = z
  .object({
    name: z.string().trim().min(1, 'Name the project.').max(200).optional(),
    clientId: z.number().int().positive().nullable().optional(),
    description: z.string().max(100_000).optional(),
    startDate: DateSchema.nullable().optional(),
    endDate: DateSchema.nullable().optional(),
    state: ProjectStateSchema.optional(),
    reviewRequired: z.boolean().optional(),
    billable: z.boolean().optional(),
  })
  .strict();
export type UpdateProjectBody = z.infer<typeof UpdateProjectBodySchema>;

export const SetMemberBodySchema = z.object({ role: ProjectRoleSchema }).strict();
export const ProjectMemberParamsSchema = z.object({ id: z.coerce.number().int().positive(), userId: z.coerce.number().int().positive() });

export const MilestoneSchema = z
  .object({
    id: z.number().int(),
    projectId: z.number().int(),
    title: z.string(),
    dueDate: z.string().nullable(),
    deliverables: z.string(),
    position: z.number().int(),
    /** Closed (done or cancelled) tasks of the milestone, and all of them. */
    progress: z.object({ closed: z.number().int(), total: z.number().int() }),
    createdAt: z.string(),
  })
  .meta({ id: 'Milestone' });
export type Milestone = z.infer<typeof MilestoneSchema>;
export const MilestoneListSchema = z.object({ items: z.array(MilestoneSchema) });

export const CreateMilestoneBodySchema = z
  .object({
    title: z.string().trim().min(1, 'Name the milestone.').max(200),
    dueDate: DateSchema.nullable().optional(),
    deliverables: z.string().max(20_000).default(''),
  })
  .strict();
export type CreateMilestoneBody = z.infer<typeof CreateMilestoneBodySchema>;
export const UpdateMilestoneBodySchema = z
  .object({
    title: z.string().trim().min(1, 'Name the milestone.').max(200).optional(),
    dueDate: DateSchema.nullable().optional(),
    deliverables: z.string().max(20_000).optional(),
    position: z.number().int().min(0).optional(),
  })
  .strict();
export type UpdateMilestoneBody = z.infer<typeof UpdateMilestoneBodySchema>;

/** People of the organization the caller may pick as project members, captains, or waited-on persons. */
export const DirectoryEntrySchema = z.object({ id: z.number().int(), name: z.string(), role: z.string(), active: z.boolean() });
export const DirectorySchema = z.object({ items: z.array(DirectoryEntrySchema) });

export const ActivityTypeSchema = z
  .object({
    id: z.number().int(),
    /** Generated from the first name and never changed: tasks refer to the type by it. */
    key: z.string(),
    name: z.string(),
    color: z.string(),
    billable: z.boolean(),
    /** Inactive types stay on old tasks and entries but are not offered for new work. */
    active: z.boolean(),
    position: z.number().int(),
  })
  .meta({ id: 'ActivityType' });
export type ActivityType = z.infer<typeof ActivityTypeSchema>;
export const ActivityTypeListSchema = z.object({ items: z.array(ActivityTypeSchema) });

const ActivityTypeNameSchema = z.string().trim().min(1, 'Name the activity type.').max(60);
/** A colour as #rrggbb, stored in lower case. */
export const ActivityTypeColorSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #2563eb.')
  .transform((color) => color.toLowerCase());

export const CreateActivityTypeBodySchema = z
  .object({
    name: ActivityTypeNameSchema,
    color: ActivityTypeColorSchema,
    billable: z.boolean(),
    active: z.boolean().default(true),
  })
  .strict();
export type CreateActivityTypeBody = z.infer<typeof CreateActivityTypeBodySchema>;

export const UpdateActivityTypeBodySchema = z
  .object({
    name: ActivityTypeNameSchema.optional(),
    color: ActivityTypeColorSchema.optional(),
    billable: z.boolean().optional(),
    active: z.boolean().optional(),
    /** Where the type goes in the list, from 0; the others close up around it. */
    position: z.number().int().min(0).optional(),
  })
  .strict();
export type UpdateActivityTypeBody = z.infer<typeof UpdateActivityTypeBodySchema>;
